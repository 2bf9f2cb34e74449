package dev.vigil.junit5;

import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What {@link VigilTest}, {@link ExploreSeeds} and {@link LeakChecks} ask of one test or class,
 * found on the nearest element that has them: the method, then its class, then the classes that
 * enclose a {@code @Nested} class.
 */
record Settings(
    boolean virtualTime,
    long annotatedSeed,
    ContextScope scope,
    boolean reportPassing,
    boolean leakChecks,
    boolean threadLeakChecks,
    Duration linger,
    List<String> ignoredThreads,
    Class<? extends BusFactory> busFactory) {

  static final String REPORTS_PROPERTY = "vigil.reports";
  static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";

  static Settings of(ExtensionContext context) {
    @Nullable VigilTest test = nearest(context, VigilTest.class);
    @Nullable LeakChecks leaks = nearest(context, LeakChecks.class);
    boolean explores = nearest(context, ExploreSeeds.class) != null;
    boolean reportAll = "all".equalsIgnoreCase(System.getProperty(REPORTS_PROPERTY, ""));
    // Java does not record who started a thread, so with tests running at once a thread cannot be
    // blamed on one of them: only resources, which belong to a context, are checked then.
    boolean parallel =
        context.getConfigurationParameter(PARALLEL).map(Boolean::parseBoolean).orElse(false);
    return new Settings(
        explores || (test != null && test.virtualTime()),
        test == null ? VigilTest.RANDOM_SEED : test.seed(),
        test == null ? ContextScope.TEST : test.scope(),
        reportAll || (test != null && test.reportPassing()),
        leaks == null || leaks.enabled(),
        !parallel,
        Duration.ofMillis(leaks == null ? 1000 : checkedLinger(leaks.lingerMillis())),
        leaks == null ? List.of() : List.of(leaks.ignoreThreads()),
        test == null ? EmbeddedBusFactory.class : test.bus());
  }

  private static long checkedLinger(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException(
          "@LeakChecks(lingerMillis) must not be negative, was " + millis);
    }
    return millis;
  }

  private static <A extends java.lang.annotation.Annotation> @Nullable A nearest(
      ExtensionContext context, Class<A> type) {
    for (Optional<ExtensionContext> at = Optional.of(context);
        at.isPresent();
        at = at.get().getParent()) {
      Optional<AnnotatedElement> element = at.get().getElement();
      Optional<A> found = AnnotationSupport.findAnnotation(element, type);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }
}
