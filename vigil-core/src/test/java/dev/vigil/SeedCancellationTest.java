package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.time.Fiber;
import org.junit.jupiter.api.Test;

/**
 * Seed 004 "Testing Cancellation Robustness": {@code test_cancellation_at_every_await}, cancelling
 * the function at each of its suspension points (connect, read, write, close) and checking that no
 * resource leaks.
 */
class SeedCancellationTest {

  /** The seed's instrumented target, with its cleanup done right: try-with-resources. */
  private static void instrumentedTarget(Vigil vigil) throws InterruptedException {
    try (FakeConnection connection = FakeConnection.connect(vigil)) { // point 1
      String data = connection.read(); // point 2
      connection.write(data.toUpperCase(java.util.Locale.ROOT)); // point 3
    } // point 4: close
  }

  /** The same target with a planted bug: only a failed read closes the connection. */
  private static void leakyTarget(Vigil vigil) throws InterruptedException {
    FakeConnection connection = FakeConnection.connect(vigil);
    String data;
    try {
      data = connection.read();
    } catch (InterruptedException cancelled) {
      connection.close();
      throw cancelled;
    }
    connection.write(data); // cancelled here, nothing closes the connection
    connection.close();
  }

  @Test
  void cancellation_at_every_await() throws Exception {
    int points =
        CancellationExplorer.create()
            .explore(
                vigil -> {
                  Fiber<?> task =
                      vigil.virtualTime().startFiber("target", () -> instrumentedTarget(vigil));
                  return CancellationExplorer.target(task);
                });

    // start+connect, read, write, close, closed: five steps, each cancelled in turn without a leak
    assertThat(points).isEqualTo(5);
  }

  @Test
  void cancellation_at_every_await_finds_the_planted_leak_at_the_write() {
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
                                    .startFiber("target", () -> leakyTarget(vigil)))));

    assertThat(leak.step()).isEqualTo(3);
    assertThat(leak.leaks()).containsExactly("still open: connection");
    assertThat(leak)
        .hasMessageStartingWith(
            String.join(
                System.lineSeparator(),
                "Cancelling after step 3 of 5 leaves something behind:",
                "  still open: connection",
                "Step 3 ran 'fiber 'target' wakes after sleep(20ms)' at +30ms; cancelling after"
                    + " steps 0 to 2 left nothing behind."));
  }
}
