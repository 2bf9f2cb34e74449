package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A test's own interrupt ends a wait as an interrupt, and stays set, even when the watchdog fires
 * too.
 */
class InterruptedWaitTest {
  private final Vigil vigil = Vigil.create();

  @AfterEach
  void close() {
    Thread.interrupted();
    vigil.close();
  }

  @Test
  void an_interrupt_that_arrives_before_the_watchdog_fires_is_reported_and_kept() {
    Duration window = Duration.ofMillis(50);

    Throwable thrown =
        catchThrowable(
            () ->
                vigil
                    .eventually(
                        () -> {
                          // The test is interrupted (say, by its own timeout) while the condition
                          // is stuck in code that ignores interrupts, past the wait's deadline.
                          Thread.currentThread().interrupt();
                          long stuckUntil = System.nanoTime() + window.toNanos() * 4;
                          while (System.nanoTime() - stuckUntil < 0) {
                            Thread.onSpinWait();
                          }
                          return false;
                        })
                    .describedAs("a stuck condition")
                    .within(window));

    assertThat(thrown)
        .isInstanceOf(WaitAbortedError.class)
        .hasMessageStartingWith("Interrupted while waiting for a stuck condition");
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }
}
