package dev.vigil.junit5;

import dev.vigil.Vigil;
import dev.vigil.bus.Bus;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.MessageBus;
import dev.vigil.http.WebhookServer;
import dev.vigil.snapshot.Snapshots;
import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import dev.vigil.time.VirtualTimeSource;
import dev.vigil.timeline.Timeline;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Which types the extension injects, how each is made from a run, and field injection. */
final class Injection {
  private static final Map<Class<?>, Function<TestRun, Object>> PARTS =
      Map.ofEntries(
          Map.entry(Vigil.class, TestRun::vigil),
          Map.entry(Timeline.class, run -> run.vigil().timeline()),
          Map.entry(TimeSource.class, run -> run.vigil().time()),
          Map.entry(VirtualTimeSource.class, Injection::virtualTime),
          Map.entry(Clock.class, run -> run.vigil().clock()),
          Map.entry(ScheduledExecutorService.class, run -> run.vigil().scheduler()),
          Map.entry(Signal.class, run -> run.vigil().signal()),
          Map.entry(EmbeddedBus.class, TestRun::embeddedBus),
          Map.entry(Bus.class, TestRun::embeddedBus),
          Map.entry(MessageBus.class, TestRun::bus),
          Map.entry(BusTestClient.class, TestRun::client),
          Map.entry(WebhookServer.class, TestRun::server),
          Map.entry(Snapshots.class, TestRun::snapshots));

  /** Types that only a parameter gets: a field of a JDK type may well be the test's own. */
  private static final List<Class<?>> PARAMETER_ONLY =
      List.of(Clock.class, ScheduledExecutorService.class);

  private Injection() {}

  static boolean supports(Class<?> type) {
    return PARTS.containsKey(type);
  }

  static Object resolve(TestRun run, Class<?> type) {
    Function<TestRun, Object> part = PARTS.get(type);
    if (part == null) {
      throw new IllegalArgumentException("Vigil does not inject " + type.getName());
    }
    return part.apply(run);
  }

  /**
   * Fills the instance's fields of injectable types that are still null; returns the fields filled,
   * so that a per-test run can empty them again afterwards.
   */
  static List<Field> fillFields(Object instance, TestRun run) {
    List<Field> filled = new ArrayList<>();
    for (Class<?> c = instance.getClass(); c != Object.class && c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (injectable(field) && read(field, instance) == null) {
          write(field, instance, resolve(run, field.getType()));
          filled.add(field);
        }
      }
    }
    return filled;
  }

  static void emptyFields(Object instance, List<Field> fields) {
    for (Field field : fields) {
      write(field, instance, null);
    }
  }

  private static boolean injectable(Field field) {
    int modifiers = field.getModifiers();
    return supports(field.getType())
        && !PARAMETER_ONLY.contains(field.getType())
        && !Modifier.isStatic(modifiers)
        && !Modifier.isFinal(modifiers)
        && !field.isSynthetic();
  }

  private static @Nullable Object read(Field field, Object instance) {
    try {
      field.setAccessible(true);
      return field.get(instance);
    } catch (ReflectiveOperationException | RuntimeException denied) {
      throw new IllegalStateException(
          "cannot read field " + field + " to inject it; open its package to dev.vigil.junit5",
          denied);
    }
  }

  private static void write(Field field, Object instance, @Nullable Object value) {
    try {
      field.set(instance, value);
    } catch (ReflectiveOperationException | RuntimeException denied) {
      throw new IllegalStateException("cannot inject field " + field, denied);
    }
  }

  private static VirtualTimeSource virtualTime(TestRun run) {
    if (!run.vigil().time().isVirtual()) {
      throw new IllegalStateException(
          "a VirtualTimeSource exists only on virtual time: annotate the test with"
              + " @VigilTest(virtualTime = true)");
    }
    return run.vigil().virtualTime();
  }
}
