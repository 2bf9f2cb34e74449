package dev.vigil.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Configures the leak check that {@link VigilTest} runs after each test (after each class with
 * {@link ContextScope#CLASS}): on a method it overrides the class.
 *
 * <p>A thread the test started that is still alive after {@link #lingerMillis()} fails the test,
 * daemon or not, as does a Vigil resource (a bus, a webhook server, a value history) made on the
 * test's context and not closed. Vigil's own threads and the JDK's long-lived JVM-wide threads are
 * never reported.
 *
 * <pre>{@code
 * @VigilTest
 * @LeakChecks(lingerMillis = 3000, ignoreThreads = "kafka-producer-network-thread")
 * class SlowShutdownTest { ... }
 * }</pre>
 *
 * @since 0.1
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface LeakChecks {

  /**
   * Whether the check runs.
   *
   * @return {@code false} to turn the check off
   */
  boolean enabled() default true;

  /**
   * How long threads started during the test may take to end after it, in milliseconds.
   *
   * @return the linger time, not negative
   */
  long lingerMillis() default 1000;

  /**
   * Prefixes of thread names never reported, in addition to Vigil's and the JDK's own threads.
   *
   * @return name prefixes
   */
  String[] ignoreThreads() default {};
}
