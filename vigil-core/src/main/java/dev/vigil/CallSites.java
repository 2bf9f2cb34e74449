package dev.vigil;

import java.security.CodeSource;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds where the test opened a resource: the first stack frame that is not Vigil's own. Vigil's
 * own frames are those of classes in {@code dev.vigil} packages that come from the same place (JPMS
 * module, or jar or class directory) as the core, or as the resource when it registers itself (as
 * every Vigil component does); so Vigil's own tests, which live in {@code dev.vigil} packages but
 * in test class directories, still get their test method as the frame.
 */
final class CallSites {
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final Set<Class<?>> REGISTRY =
      Set.of(Vigil.class, ResourceRegistry.class, CallSites.class);

  private static final String UNKNOWN = "an unknown caller";

  private CallSites() {}

  /** Returns the first frame outside Vigil, as {@code class.method(File.java:line)}. */
  static String firstOutsideVigil(AutoCloseable resource) {
    return WALKER.walk(stack -> firstOutsideVigil(stack, resource.getClass()));
  }

  private static String firstOutsideVigil(
      Stream<StackWalker.StackFrame> stack, Class<?> resourceType) {
    Iterator<StackWalker.StackFrame> frames =
        stack.dropWhile(frame -> REGISTRY.contains(frame.getDeclaringClass())).iterator();
    if (!frames.hasNext()) {
      return UNKNOWN;
    }
    StackWalker.StackFrame frame = frames.next();
    String core = origin(Vigil.class);
    // A component registering itself: its module's frames are Vigil's. Anyone else's are not.
    String registrant = frame.getDeclaringClass() == resourceType ? origin(resourceType) : core;
    while (isVigils(frame.getDeclaringClass(), core, registrant)) {
      if (!frames.hasNext()) {
        return UNKNOWN;
      }
      frame = frames.next();
    }
    return format(frame);
  }

  private static boolean isVigils(Class<?> type, String core, String registrant) {
    if (!isVigilPackage(type)) {
      return false;
    }
    String from = origin(type);
    return from.equals(core) || from.equals(registrant);
  }

  private static boolean isVigilPackage(Class<?> type) {
    String name = type.getPackageName();
    return name.equals("dev.vigil") || name.startsWith("dev.vigil.");
  }

  /** Where a class was loaded from: its named module, else its jar or class directory. */
  private static String origin(Class<?> type) {
    Module module = type.getModule();
    if (module.isNamed()) {
      return "module " + module.getName();
    }
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      // No location to tell Vigil's classes from a test's: count the package alone.
      return "unknown";
    }
    return source.getLocation().toExternalForm();
  }

  private static String format(StackWalker.StackFrame frame) {
    String file = frame.getFileName();
    int line = frame.getLineNumber();
    String where = file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file;
    return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
  }
}
