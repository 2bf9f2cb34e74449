package dev.vigil.junit5;

import dev.vigil.Vigil;
import dev.vigil.bus.MessageBus;

/**
 * Makes the {@link MessageBus} that {@link VigilTest} injects, so that one suite runs on the
 * embedded bus, on Kafka or on SQS by changing one class, or one system property read inside it.
 *
 * <pre>{@code
 * public final class SuiteBus implements BusFactory, AutoCloseable {
 *   private final ThreadGroup brokerThreads = new ThreadGroup("broker");
 *   private final EmbeddedKafkaBroker kafka = startIn(brokerThreads, EmbeddedKafkaBroker::start);
 *
 *   public SuiteBus() {}   // made once per run
 *
 *   public MessageBus connect(Vigil vigil, long seed) {
 *     return KafkaBus.connect(vigil, kafka.bootstrapServers());
 *   }
 *
 *   public boolean ownsThread(Thread thread) {   // the broker's pools grow while tests run
 *     return thread.getThreadGroup() == brokerThreads;
 *   }
 *
 *   public void close() {
 *     kafka.close();
 *   }
 * }
 *
 * @VigilTest(bus = SuiteBus.class)
 * class BillingTest {
 *   MessageBus bus;            // a KafkaBus, closed after each test
 *   BusTestClient client;      // on that bus
 * }
 * }</pre>
 *
 * <p>The extension makes one factory per class named, once per test run, through its public
 * no-argument constructor, before the first {@code @BeforeAll} of a class that names it: a broker
 * it starts there belongs to no test, so leak checks do not blame one. It is kept in JUnit's root
 * store and, when it is {@link AutoCloseable}, closed when the whole run ends. Tests that run in
 * parallel share it, so {@link #connect} must be thread-safe. ({@code startIn} runs the start on a
 * thread of that group and returns its result; the example suite's {@code SuiteBus} in {@code
 * examples/system} has one.)
 *
 * @since 0.1
 */
public interface BusFactory {

  /**
   * Makes a bus for one test's (or class's) context; the extension closes it after the test, before
   * the leak check.
   *
   * @param vigil the context: its timeline receives the bus's entries
   * @param seed the run's seed, for a bus that draws faults or message ids from it
   * @return a new bus
   */
  MessageBus connect(Vigil vigil, long seed);

  /**
   * Tells whether a thread belongs to what this factory runs (a broker's pools, which grow while
   * tests run), so that a leak check does not blame the test during which it started. Threads a bus
   * from {@link #connect} starts are the bus's, and end when it closes: do not claim them.
   *
   * <p>A broker started from a thread of a {@link ThreadGroup} of the factory's own keeps its
   * threads in that group (the JDK's and most libraries' thread factories use the creating thread's
   * group), so a check of the group is enough: {@code thread.getThreadGroup() == brokerThreads}.
   *
   * @param thread a thread started during a test and still alive after it
   * @return {@code true} to leave it out of the test's leak check; {@code false} by default
   */
  default boolean ownsThread(Thread thread) {
    return false;
  }
}
