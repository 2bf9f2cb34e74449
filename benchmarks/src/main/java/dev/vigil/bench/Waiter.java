package dev.vigil.bench;

import static org.awaitility.Awaitility.await;

import dev.vigil.PollStrategy;
import dev.vigil.Vigil;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionFactory;

/**
 * The ways a benchmark waits for a condition: Vigil with its defaults, Awaitility 4.3.0 with its
 * defaults, and Awaitility tuned as far as it goes (no initial delay, a poll every millisecond, the
 * condition evaluated in the caller's thread).
 */
enum Waiter {
  VIGIL("vigil"),
  AWAITILITY("awaitility"),
  AWAITILITY_TUNED("awaitility-tuned");

  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration TUNED_POLL = Duration.ofMillis(1);

  /** Built once: the cheapest way to use Awaitility, and how a tuned test suite would hold it. */
  private static final ConditionFactory TUNED = tunedAwaitility(TUNED_POLL);

  private final String label;

  Waiter(String label) {
    this.label = label;
  }

  /** The suffix of BENCH names, such as {@code awaitility-tuned}. */
  String label() {
    return label;
  }

  /** Waits until {@code condition} holds, failing after {@link #TIMEOUT}. */
  void waitFor(Vigil vigil, BooleanSupplier condition) {
    switch (this) {
      case VIGIL -> vigil.eventually(condition::getAsBoolean).within(TIMEOUT);
      case AWAITILITY -> await().atMost(TIMEOUT).until(condition::getAsBoolean);
      case AWAITILITY_TUNED -> TUNED.until(condition::getAsBoolean);
    }
  }

  /** Awaitility with no initial delay, polling every {@code interval} in the caller's thread. */
  static ConditionFactory tunedAwaitility(Duration interval) {
    return await()
        .pollDelay(Duration.ZERO)
        .pollInterval(interval)
        .pollInSameThread()
        .atMost(TIMEOUT);
  }

  /** Waits with Vigil polling every {@code interval} (a fixed pause, no adaptive schedule). */
  static void vigilEvery(Vigil vigil, Duration interval, BooleanSupplier condition) {
    vigil
        .eventually(condition::getAsBoolean)
        .pollingWith(PollStrategy.fixed(interval))
        .within(TIMEOUT);
  }
}
