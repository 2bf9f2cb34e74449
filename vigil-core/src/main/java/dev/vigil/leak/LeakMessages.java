package dev.vigil.leak;

import dev.vigil.internal.Durations;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The one place the texts of leak reports are written. */
final class LeakMessages {
  /** How many frames of a leaked thread's stack a report shows. */
  static final int FRAMES_SHOWN = 8;

  private static final String NL = System.lineSeparator();

  private LeakMessages() {}

  /** The whole report: a count, then one entry per leak, resources first. */
  static String report(List<Leak> leaks, Duration linger) {
    if (leaks.isEmpty()) {
      return "no leaks after the test";
    }
    StringBuilder text = new StringBuilder();
    text.append(leaks.size()).append(leaks.size() == 1 ? " leak" : " leaks");
    text.append(" after the test:");
    for (Leak leak : leaks) {
      text.append(NL).append("  ");
      if (leak instanceof ResourceLeak resource) {
        text.append(resource(resource));
      } else if (leak instanceof ThreadLeak thread) {
        text.append(thread(thread, linger));
      }
    }
    return text.toString();
  }

  static String resource(ResourceLeak leak) {
    return leak.resource() + " was not closed";
  }

  /** A thread's line and the top of its stack; {@code linger} null leaves the wait unsaid. */
  static String thread(ThreadLeak leak, @Nullable Duration linger) {
    StringBuilder text = new StringBuilder("thread \"").append(leak.name()).append("\" (");
    text.append(leak.state()).append(leak.daemon() ? ", daemon" : "").append(')');
    text.append(" started during the test is still alive");
    if (linger != null && !linger.isZero()) {
      text.append(" after ").append(Durations.format(linger));
    }
    text.append(':');
    String hint = leak.hint();
    if (hint != null) {
      text.append(NL).append("    ").append(hint);
    }
    List<StackTraceElement> stack = leak.stack();
    for (int i = 0; i < Math.min(stack.size(), FRAMES_SHOWN); i++) {
      text.append(NL).append("      at ").append(stack.get(i));
    }
    if (stack.size() > FRAMES_SHOWN) {
      text.append(NL).append("      ... ").append(stack.size() - FRAMES_SHOWN).append(" more");
    } else if (stack.isEmpty()) {
      text.append(NL).append("      (no stack available)");
    }
    return text.toString();
  }
}
