package dev.vigil.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once per seed, each run on a fresh virtual-time context whose same-instant tasks that
 * seed shuffles, and stops at the first seed that fails: the race explorer as a JUnit test. The
 * failure names the seed and the command that reruns the test with only that seed ({@code
 * -Dvigil.seed=N}).
 *
 * <pre>{@code
 * @ExploreSeeds(200)
 * void concurrent_increments_are_not_lost(Vigil vigil) {
 *   Counter counter = new Counter(vigil.scheduler());
 *   counter.incrementConcurrently(10);
 *   vigil.virtualTime().runUntilIdle();
 *   assertThat(counter.value()).isEqualTo(10);
 * }
 * }</pre>
 *
 * <p>The class needs no {@link VigilTest}; when it has one, its other settings apply to every run.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(VigilExtension.class)
public @interface ExploreSeeds {

  /**
   * How many seeds to try.
   *
   * @return the count, positive
   */
  int value() default 100;

  /**
   * The first seed; the runs use {@code first}, {@code first + 1}, and so on.
   *
   * @return the first seed
   */
  long first() default 1;
}
