package dev.vigil.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test a fresh {@link dev.vigil.Vigil} context and injects its parts.
 *
 * <p>Parameters of these types are filled from the test's context: {@code Vigil}, {@code Timeline},
 * {@code TimeSource}, {@code VirtualTimeSource} (virtual time only), {@code Signal}, {@code
 * EmbeddedBus}, {@code Bus} and {@code MessageBus}, {@code BusTestClient}, {@code WebhookServer},
 * {@code Snapshots}, and the context's {@code Clock} and {@code ScheduledExecutorService}. Instance
 * fields of the same types (but the last two, which a test may well hold for itself) are filled too
 * when they are not final and still {@code null}, before {@code @BeforeEach} methods run, and
 * emptied after the test. A bus or server is made only when a test asks for it; everything made is
 * closed after the test's {@code @AfterEach} methods.
 *
 * <p>When a test fails, the failure gains the context's seed with the command that reruns the test
 * with it, the latest timeline entries (unless the failure is a Vigil wait's, which has them
 * already), and an HTML timeline report under {@code target/vigil-reports/<class>/<test>.html}.
 * After each test, threads it started that are still alive and Vigil resources it left open fail it
 * (see {@link LeakChecks}).
 *
 * <pre>{@code
 * @VigilTest
 * class OrderFlowTest {
 *   EmbeddedBus bus;
 *   BusTestClient client;
 *
 *   @Test
 *   void billing_receives_the_order() {
 *     bus.createQueue("billing");
 *     client.send("billing", new OrderCreated("o-1"));
 *     assertThat(client.drain("billing", 1, Duration.ofSeconds(2), OrderCreated.class)).hasSize(1);
 *   }
 * }
 * }</pre>
 *
 * <p>Tests in parallel ({@code junit.jupiter.execution.parallel.enabled=true}) each have their own
 * context; the extension keeps nothing between tests but what JUnit's store holds.
 *
 * @since 0.1
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(VigilExtension.class)
public @interface VigilTest {

  /**
   * The value of {@link #seed()} that means "draw a seed at random, or take {@code -Dvigil.seed}".
   */
  long RANDOM_SEED = Long.MIN_VALUE;

  /**
   * Whether the context runs on virtual time: the clock moves only when the test or a wait drives
   * it, so timeouts of minutes cost no wall time. A seed always comes with it (see {@link
   * #seed()}).
   *
   * @return {@code true} for virtual time
   */
  boolean virtualTime() default false;

  /**
   * The seed that orders same-instant tasks on virtual time and draws the bus's faults and message
   * ids. By default each run draws one at random (so repeated runs explore different orders) unless
   * {@code -Dvigil.seed=N} fixes it; a failure names the seed and how to rerun with it. Setting it
   * here fixes it for good.
   *
   * @return the seed, or {@link #RANDOM_SEED}
   */
  long seed() default RANDOM_SEED;

  /**
   * Whether one context serves each test or the whole class.
   *
   * @return the scope
   */
  ContextScope scope() default ContextScope.TEST;

  /**
   * Whether a passing test writes its HTML timeline report too (a failing one always does); {@code
   * -Dvigil.reports=all} turns this on for every test.
   *
   * @return {@code true} to write reports for passing tests
   */
  boolean reportPassing() default false;

  /**
   * What makes the injected {@link dev.vigil.bus.MessageBus} (and the {@link
   * dev.vigil.bus.BusTestClient} on it): an embedded bus unless a {@link BusFactory} of your own
   * connects to Kafka, SQS or anything else. An {@code EmbeddedBus} or {@code Bus} can be injected
   * only when the factory makes one.
   *
   * @return the factory's class, made once per test run
   */
  Class<? extends BusFactory> bus() default EmbeddedBusFactory.class;
}
