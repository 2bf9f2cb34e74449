package dev.vigil.junit5;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The runs of an {@link ExploreSeeds} test: one per seed, produced lazily so that none starts after
 * one has failed (JUnit runs a template's invocations as the stream yields them).
 */
final class SeedExploration {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SeedExploration.class);
  private static final String FAILED = "failed";

  private SeedExploration() {}

  static boolean explores(ExtensionContext context) {
    return exploreSeeds(context.getTestMethod()) != null;
  }

  static Stream<TestTemplateInvocationContext> runs(ExtensionContext template) {
    ExploreSeeds explore = exploreSeeds(template.getTestMethod());
    if (explore == null || explore.value() <= 0) {
      throw new IllegalArgumentException(
          "@ExploreSeeds(value) must be positive, was "
              + (explore == null ? "absent" : explore.value()));
    }
    Long only = RunSeed.fromProperty();
    if (only != null) {
      return Stream.of(invocation("seed " + only + " (from -D" + RunSeed.PROPERTY + ")"));
    }
    AtomicBoolean failed = failedFlag(template);
    long first = explore.first();
    int count = explore.value();
    return LongStream.range(0, count)
        .boxed()
        .takeWhile(i -> !failed.get())
        .map(i -> invocation("seed " + (first + i) + " (" + (i + 1) + " of " + count + ")"));
  }

  /** The seed of a run, from its invocation index; null outside an exploration. */
  static @Nullable RunSeed seedOf(ExtensionContext run) {
    ExploreSeeds explore = exploreSeeds(run.getTestMethod());
    int index = ReportFiles.invocationIndex(run);
    if (explore == null || index == 0) {
      return null;
    }
    Long only = RunSeed.fromProperty();
    if (only != null) {
      return new RunSeed(only, "from -D" + RunSeed.PROPERTY);
    }
    long seed = explore.first() + index - 1;
    return new RunSeed(
        seed, "run " + index + " of " + explore.value() + " explored by @ExploreSeeds");
  }

  /** Remembers on the template that a run failed, so no later seed runs; other tests are left. */
  static void markFailed(ExtensionContext run) {
    if (seedOf(run) != null) {
      run.getParent().ifPresent(template -> failedFlag(template).set(true));
    }
  }

  /**
   * The template's own flag: keyed by its unique id, because a store lookup falls back to the
   * parents' stores, and the class's store is shared by all its templates.
   */
  private static AtomicBoolean failedFlag(ExtensionContext template) {
    return template
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            FAILED + template.getUniqueId(), k -> new AtomicBoolean(), AtomicBoolean.class);
  }

  private static @Nullable ExploreSeeds exploreSeeds(Optional<Method> method) {
    return AnnotationSupport.findAnnotation(method, ExploreSeeds.class).orElse(null);
  }

  private static TestTemplateInvocationContext invocation(String name) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return name;
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of();
      }
    };
  }
}
