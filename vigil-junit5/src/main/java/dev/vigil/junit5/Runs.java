package dev.vigil.junit5;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where a run lives: in JUnit's store of the test (or class) it belongs to, under the extension's
 * namespace. A lookup from a test finds its own run, or else its class's.
 */
final class Runs {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(VigilExtension.class);
  private static final String RUN = "run";
  private static final String FILLED = "filled-fields";

  private Runs() {}

  static TestRun start(ExtensionContext context) {
    Settings settings = Settings.of(context);
    RunSeed seed = RunSeed.choose(settings.annotatedSeed(), SeedExploration.seedOf(context));
    TestRun run = new TestRun(settings, seed, BusFactories.of(context, settings.busFactory()));
    store(context).put(RUN, run);
    return run;
  }

  static @Nullable TestRun find(ExtensionContext context) {
    return store(context).get(RUN, TestRun.class);
  }

  static TestRun required(ExtensionContext context) {
    TestRun run = find(context);
    if (run == null) {
      throw new IllegalStateException(
          "no Vigil context for " + context.getDisplayName() + "; is the class a @VigilTest?");
    }
    return run;
  }

  /** Ends the run started on this very context: closes its parts and the context. */
  static void finish(ExtensionContext context) throws Exception {
    TestRun run = store(context).remove(RUN, TestRun.class);
    if (run == null) {
      return;
    }
    if (context.getExecutionException().isEmpty() && Settings.of(context).reportPassing()) {
      FailureNotes.writeReport(context, run);
    }
    run.finish();
  }

  /** Adds the run's notes to a failure and returns it, to be rethrown. */
  static Throwable noteFailure(ExtensionContext context, Throwable failure) {
    TestRun run = find(context);
    if (run != null) {
      FailureNotes.attach(failure, context, run);
    }
    SeedExploration.markFailed(context);
    return failure;
  }

  static void rememberFilled(ExtensionContext context, Object instance, List<Field> fields) {
    if (!fields.isEmpty()) {
      filled(context).add(Map.entry(instance, fields));
    }
  }

  /** Empties the fields this test filled, so a shared test instance never keeps a closed part. */
  static void emptyFilledFields(ExtensionContext context) {
    List<Map.Entry<Object, List<Field>>> entries = filled(context);
    for (Map.Entry<Object, List<Field>> entry : entries) {
      Injection.emptyFields(entry.getKey(), entry.getValue());
    }
    entries.clear();
  }

  @SuppressWarnings("unchecked")
  private static List<Map.Entry<Object, List<Field>>> filled(ExtensionContext context) {
    return store(context).getOrComputeIfAbsent(FILLED, k -> new ArrayList<>(), List.class);
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(NAMESPACE);
  }
}
