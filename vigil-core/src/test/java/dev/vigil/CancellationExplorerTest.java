package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.time.Fiber;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The cancellation explorer: each step cancelled in turn, the first leaking one reported. */
class CancellationExplorerTest {

  /** A close that is cancelled while closing gracefully and then leaves the connection open. */
  private static void closeThatIsNotCancelSafe(Vigil vigil) throws InterruptedException {
    AutoCloseable connection = () -> {};
    vigil.track(connection, "connection");
    Fiber.sleep(Duration.ofMillis(5)); // use it
    Fiber.sleep(Duration.ofMillis(1)); // graceful close; a cancel here skips the untrack
    vigil.untrack(connection);
  }

  @Test
  void finds_a_close_that_is_not_cancel_safe_at_the_step_that_parks_in_it() {
    CancellationLeakError leak =
        catchThrowableOfType(
            CancellationLeakError.class,
            () ->
                CancellationExplorer.create()
                    .explore(
                        vigil ->
                            CancellationExplorer.target(
                                vigil
                                    .virtualTime()
                                    .startFiber("closer", () -> closeThatIsNotCancelSafe(vigil)))));

    assertThat(leak.step()).isEqualTo(1);
    assertThat(leak.leaks()).containsExactly("still open: connection");
  }

  @Test
  void reports_a_timer_a_cancelled_operation_leaves_scheduled() {
    CancellationLeakError leak =
        catchThrowableOfType(
            CancellationLeakError.class,
            () ->
                CancellationExplorer.create()
                    .explore(
                        vigil -> {
                          Fiber<?> poller =
                              vigil
                                  .virtualTime()
                                  .startFiber("poller", () -> pollWithHeartbeat(vigil));
                          return CancellationExplorer.target(poller);
                        }));

    assertThat(leak)
        .hasMessageStartingWith(
            String.join(
                System.lineSeparator(),
                "Cancelling after step 1 of 3 leaves something behind:",
                "  still scheduled: 'heartbeat' due in 1s",
                "Step 1 ran 'fiber 'poller' starts' at +0ns; cancelling before it left nothing"
                    + " behind."));
  }

  /** Starts a heartbeat and stops it only when the work ends normally: the planted bug. */
  private static void pollWithHeartbeat(Vigil vigil) throws InterruptedException {
    Runnable beat =
        new Runnable() {
          @Override
          public void run() {}

          @Override
          public String toString() {
            return "heartbeat";
          }
        };
    ScheduledFuture<?> heartbeat =
        vigil.scheduler().scheduleAtFixedRate(beat, 1, 1, TimeUnit.SECONDS);
    Fiber.sleep(Duration.ofMillis(200));
    Fiber.sleep(Duration.ofMillis(200));
    heartbeat.cancel(false);
  }

  @Test
  void checks_the_users_invariants_after_each_cancellation() {
    CancellationLeakError leak =
        catchThrowableOfType(
            CancellationLeakError.class,
            () ->
                CancellationExplorer.create()
                    .explore(
                        vigil -> {
                          AtomicBoolean listening = new AtomicBoolean(true);
                          Fiber<?> fiber =
                              vigil
                                  .virtualTime()
                                  .startFiber(
                                      "listener",
                                      () -> {
                                        Fiber.sleep(Duration.ofSeconds(1));
                                        listening.set(false);
                                      });
                          return CancellationExplorer.target(fiber)
                              .invariant("listener removed", () -> !listening.get());
                        }));

    assertThat(leak.step()).isZero();
    assertThat(leak)
        .hasMessageStartingWith(
            String.join(
                System.lineSeparator(),
                "Cancelling after step 0 of 2 leaves something behind:",
                "  invariant does not hold: listener removed",
                "Step 0 is before any task ran."));
  }

  @Test
  void explores_a_future_chain_on_the_scheduler_as_well_as_fibers() throws Exception {
    int points =
        CancellationExplorer.create()
            .explore(
                vigil -> {
                  CompletableFuture<String> reply = new CompletableFuture<>();
                  ScheduledFuture<?> timer =
                      vigil.scheduler().schedule(() -> reply.complete("pong"), 1, TimeUnit.SECONDS);
                  reply.whenComplete((value, failure) -> timer.cancel(false));
                  return CancellationExplorer.target(reply);
                });

    assertThat(points).isEqualTo(1);
  }

  @Test
  void a_leak_without_any_cancelling_is_reported_as_such() {
    assertThatThrownBy(
            () ->
                CancellationExplorer.create()
                    .explore(
                        vigil -> {
                          vigil.track(() -> {}, "socket");
                          return CancellationExplorer.target(
                              vigil.virtualTime().startFiber("done", () -> 1));
                        }))
        .isInstanceOf(CancellationLeakError.class)
        .hasMessageStartingWith(
            String.join(
                System.lineSeparator(),
                "Even without cancelling, the scenario's 1 steps leave something behind:",
                "  still open: socket"));
  }

  @Test
  void work_that_never_ends_is_refused_with_a_reason() {
    assertThatThrownBy(
            () ->
                CancellationExplorer.create()
                    .explore(vigil -> CancellationExplorer.target(new CompletableFuture<>())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "the scenario's work never ends: after 0 steps nothing is scheduled and it is not done");
  }

  @Test
  void a_scenario_that_keeps_rescheduling_hits_max_steps() {
    assertThatThrownBy(
            () ->
                CancellationExplorer.create()
                    .maxSteps(50)
                    .explore(
                        vigil ->
                            CancellationExplorer.target(
                                vigil
                                    .virtualTime()
                                    .startFiber(
                                        "spinner",
                                        () -> {
                                          while (true) {
                                            Fiber.sleep(Duration.ofMillis(1));
                                          }
                                        }))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the scenario took more than 50 steps");
  }

  @Test
  void bad_input_names_the_parameter_and_value() {
    assertThatThrownBy(() -> CancellationExplorer.create().maxSteps(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("steps must be positive, was 0");
    assertThatThrownBy(() -> CancellationExplorer.target(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("work must not be null");
    assertThatThrownBy(
            () -> CancellationExplorer.target(new CompletableFuture<>()).invariant(" ", () -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("description must not be blank, was ' '");
    assertThatThrownBy(() -> CancellationExplorer.create().explore(vigil -> null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("scenario must return a target, was null");
  }
}
