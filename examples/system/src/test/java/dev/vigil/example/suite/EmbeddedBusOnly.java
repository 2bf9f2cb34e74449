package dev.vigil.example.suite;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test (or a class) that needs the embedded bus — virtual time, injected faults — so that
 * it is skipped, with its reason, when the suite runs on Kafka or SQS ({@code -Dexample.bus}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(EmbeddedBusOnlyCondition.class)
public @interface EmbeddedBusOnly {

  /**
   * Why the test needs the embedded bus, shown when it is skipped.
   *
   * @return the reason, such as {@code "production settings on virtual time"}
   */
  String value();
}
