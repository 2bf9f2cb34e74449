package dev.vigil.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.Vigil;
import dev.vigil.time.VirtualTimeSource;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code vigil.timesOut(operation).at(deadline)}: exactly at the deadline, and cleaned up. */
class TimeoutCheckTest {
  private static final String NL = System.lineSeparator();
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  /** A client that waits for a reply that never comes, on the scheduler it is given. */
  static final class Client {
    final Set<String> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final boolean cancelsHeartbeat;

    Client(ScheduledExecutorService scheduler, Duration timeout, boolean cancelsHeartbeat) {
      this.scheduler = scheduler;
      this.timeout = timeout;
      this.cancelsHeartbeat = cancelsHeartbeat;
    }

    CompletableFuture<String> fetch(String key) {
      CompletableFuture<String> reply = new CompletableFuture<>();
      listeners.add(key);
      ScheduledFuture<?> heartbeat =
          scheduler.scheduleAtFixedRate(new Heartbeat(), 1, 1, TimeUnit.SECONDS);
      reply.whenComplete(
          (value, failure) -> {
            listeners.remove(key);
            if (cancelsHeartbeat) {
              heartbeat.cancel(false);
            }
          });
      return Timeouts.failAfter(reply, timeout, scheduler);
    }
  }

  /** Named, so that pending-task lists say what it is. */
  static final class Heartbeat implements Runnable {
    @Override
    public void run() {}

    @Override
    public String toString() {
      return "heartbeat";
    }
  }

  private Client client(Duration timeout) {
    return new Client(vigil.scheduler(), timeout, true);
  }

  @Test
  void passes_when_the_operation_times_out_at_exactly_its_deadline_and_cleans_up() {
    Client client = client(Duration.ofSeconds(5));

    TimedOut timedOut = vigil.timesOut(() -> client.fetch("order-1")).at(Duration.ofSeconds(5));

    assertThat(timedOut.failure())
        .isInstanceOf(TimeoutException.class)
        .hasMessage("timed out after 5s");
    assertThat(timedOut.at()).isEqualTo(VirtualTimeSource.DEFAULT_ORIGIN.plusSeconds(5));
    assertThat(
            timedOut.leavingNothingScheduled().and("listener removed", client.listeners::isEmpty))
        .isSameAs(timedOut);
  }

  @Test
  void a_timeout_that_fires_early_fails_saying_when() {
    Client client = client(Duration.ofSeconds(2));

    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class,
            () -> vigil.timesOut(() -> client.fetch("order-1")).at(Duration.ofSeconds(5)));

    assertThat(error)
        .hasMessage(
            "Expecting the operation to time out at 5s (2026-01-01T00:00:05Z), not before, but it"
                + " failed at 2026-01-01T00:00:02Z (2s in) with:"
                + NL
                + "  java.util.concurrent.TimeoutException: timed out after 2s");
    assertThat(error.getCause()).isInstanceOf(TimeoutException.class);
  }

  @Test
  void one_nanosecond_early_is_early() {
    Client client = client(Duration.ofSeconds(5).minusNanos(1));

    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class,
            () -> vigil.timesOut(() -> client.fetch("order-1")).at(Duration.ofSeconds(5)));

    assertThat(error).hasMessageContaining("but it failed at 2026-01-01T00:00:04.999999999Z");
  }

  @Test
  void a_timeout_still_pending_at_the_deadline_fails_listing_what_the_operation_scheduled() {
    Client client = client(Duration.ofSeconds(5).plusNanos(1));

    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class,
            () -> vigil.timesOut(() -> client.fetch("order-1")).at(Duration.ofSeconds(5)));

    assertThat(error)
        .hasMessage(
            "Expecting the operation to time out at 5s (2026-01-01T00:00:05Z), but it was still"
                + " running; the tasks it scheduled that are still pending:"
                + NL
                + "  'timeout after 5s' due at 2026-01-01T00:00:05.000000001Z"
                + NL
                + "  'heartbeat' due at 2026-01-01T00:00:06Z (every 1s)");
  }

  @Test
  void the_jdk_or_timeout_does_not_fire_on_virtual_time_and_the_failure_says_why() {
    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class,
            () ->
                vigil
                    .timesOut(() -> new CompletableFuture<String>().orTimeout(1, TimeUnit.HOURS))
                    .at(Duration.ofHours(1)));

    assertThat(error)
        .hasMessage(
            "Expecting the operation to time out at 1h (2026-01-01T01:00:00Z), but it was still"
                + " running and had nothing scheduled on the context's scheduler: does it take"
                + " vigil.scheduler() for its timeout? CompletableFuture.orTimeout and"
                + " completeOnTimeout count real time on the JDK's own thread (see"
                + " Timeouts.failAfter)");
  }

  @Test
  void an_operation_that_succeeds_at_the_deadline_fails_naming_its_value() {
    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class,
            () ->
                vigil
                    .timesOut(() -> vigil.scheduler().schedule(() -> "pong", 5, TimeUnit.SECONDS))
                    .at(Duration.ofSeconds(5)));

    assertThat(error)
        .hasMessage(
            "Expecting the operation to time out at 5s (2026-01-01T00:00:05Z) with an instance"
                + " of:"
                + NL
                + "  java.util.concurrent.TimeoutException"
                + NL
                + "but it succeeded at 2026-01-01T00:00:05Z with:"
                + NL
                + "  \"pong\"");
  }

  @Test
  void a_plain_future_is_seen_done_after_the_very_task_that_completed_it() {
    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class,
            () ->
                vigil
                    .timesOut(
                        () ->
                            vigil
                                .scheduler()
                                .schedule(
                                    () -> {
                                      throw new TimeoutException("late");
                                    },
                                    3,
                                    TimeUnit.SECONDS))
                    .at(Duration.ofSeconds(5)));

    assertThat(error).hasMessageContaining("but it failed at 2026-01-01T00:00:03Z (3s in)");
  }

  @Test
  void the_expected_failure_type_can_be_named() {
    class PaymentTimeout extends RuntimeException {
      private static final long serialVersionUID = 1L;
    }
    CompletableFuture<String> payment = new CompletableFuture<>();
    Future<?> fails =
        vigil
            .scheduler()
            .schedule(
                () -> payment.completeExceptionally(new PaymentTimeout()), 5, TimeUnit.SECONDS);

    assertThat(
            vigil
                .timesOut(() -> payment)
                .with(PaymentTimeout.class)
                .at(Duration.ofSeconds(5))
                .failure())
        .isInstanceOf(PaymentTimeout.class);
    assertThat(fails).isDone();
  }

  @Test
  void a_failure_of_another_type_at_the_deadline_fails_naming_both() {
    CompletableFuture<String> payment = new CompletableFuture<>();
    vigil
        .scheduler()
        .schedule(
            () -> payment.completeExceptionally(new IllegalStateException("declined")),
            5,
            TimeUnit.SECONDS);

    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class,
            () -> vigil.timesOut(() -> payment).at(Duration.ofSeconds(5)));

    assertThat(error)
        .hasMessageEndingWith(
            "but it failed at 2026-01-01T00:00:05Z with:"
                + NL
                + "  java.lang.IllegalStateException: declined");
  }

  @Test
  void a_task_the_timeout_left_scheduled_fails_leaving_nothing_scheduled() {
    Client leaky = new Client(vigil.scheduler(), Duration.ofSeconds(5), false);
    vigil.scheduler().schedule(() -> {}, 1, TimeUnit.HOURS); // pending before: not the operation's

    TimedOut timedOut = vigil.timesOut(() -> leaky.fetch("order-1")).at(Duration.ofSeconds(5));

    assertThatThrownBy(timedOut::leavingNothingScheduled)
        .isInstanceOf(AsyncAssertionError.class)
        .hasMessage(
            "Expecting the operation to leave nothing scheduled after timing out at 5s"
                + " (2026-01-01T00:00:05Z), but 1 task it scheduled is still pending:"
                + NL
                + "  'heartbeat' due at 2026-01-01T00:00:06Z (every 1s)");
  }

  @Test
  void every_task_left_scheduled_is_listed_in_the_order_it_would_run() {
    TimedOut timedOut =
        vigil
            .timesOut(
                () -> {
                  vigil
                      .scheduler()
                      .schedule(new NamedTask<>("cleanup", () -> 1), 2, TimeUnit.HOURS);
                  vigil.scheduler().schedule(new NamedTask<>("retry", () -> 1), 1, TimeUnit.HOURS);
                  return Timeouts.failAfter(
                      new CompletableFuture<String>(), Duration.ofSeconds(5), vigil.scheduler());
                })
            .at(Duration.ofSeconds(5));

    assertThatThrownBy(timedOut::leavingNothingScheduled)
        .hasMessage(
            "Expecting the operation to leave nothing scheduled after timing out at 5s"
                + " (2026-01-01T00:00:05Z), but 2 tasks it scheduled are still pending:"
                + NL
                + "  'retry' due at 2026-01-01T01:00:00Z"
                + NL
                + "  'cleanup' due at 2026-01-01T02:00:00Z");
  }

  @Test
  void an_invariant_that_does_not_hold_fails_naming_it() {
    TimedOut timedOut =
        vigil.timesOut(() -> client(Duration.ofSeconds(5)).fetch("a")).at(Duration.ofSeconds(5));

    assertThatThrownBy(() -> timedOut.and("connection returned to the pool", () -> false))
        .isInstanceOf(AsyncAssertionError.class)
        .hasMessage(
            "Expecting \"connection returned to the pool\" to hold after the operation timed out"
                + " at 5s (2026-01-01T00:00:05Z), but it did not");
  }

  @Test
  void an_invariant_that_throws_fails_with_its_failure_as_cause() {
    TimedOut timedOut =
        vigil.timesOut(() -> client(Duration.ofSeconds(5)).fetch("a")).at(Duration.ofSeconds(5));
    IllegalStateException broken = new IllegalStateException("pool closed");

    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class,
            () ->
                timedOut.and(
                    "pool idle",
                    () -> {
                      throw broken;
                    }));

    assertThat(error)
        .hasMessage(
            "Expecting \"pool idle\" to hold after the operation timed out at 5s"
                + " (2026-01-01T00:00:05Z), but it threw:"
                + NL
                + "  java.lang.IllegalStateException: pool closed");
    assertThat(error.getCause()).isSameAs(broken);
  }

  @Test
  void needs_virtual_time_and_says_so() {
    try (Vigil real = Vigil.create()) {
      assertThatThrownBy(
              () -> real.timesOut(() -> new CompletableFuture<String>()).at(Duration.ofSeconds(5)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "timesOut(...).at(...) needs virtual time to check the instant a timeout fires, but"
                  + " this context runs on ")
          .hasMessageEndingWith(
              "; create it with Vigil.withVirtualTime() and give the code under test"
                  + " vigil.scheduler() for its timeouts");
    }
  }
}
