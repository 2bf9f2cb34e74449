package dev.vigil.doubles;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact failure texts of the doubles' checks. */
@SuppressWarnings(
    "FutureReturnValueIgnored") // calls made for the record they leave, not their result
class AsyncDoubleMessagesTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final AsyncStub<String, String> fetch = AsyncStub.of(vigil, "fetchUserData");

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void called_once_when_called_twice() {
    fetch.returns("user");
    fetch.apply("123").join();
    vigil.virtualTime().advanceBy(Duration.ofMillis(50));
    fetch.apply("456");

    assertThatThrownBy(fetch::assertCalledOnce)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            lines(
                "Expecting fetchUserData:",
                "  #1 at +0ns with \"123\": returned \"user\" (awaited)",
                "  #2 at +50ms with \"456\": returned \"user\" (not awaited)",
                "to have been called once",
                "but it was called 2 times."));
  }

  @Test
  void call_count_when_never_called() {
    assertThatThrownBy(() -> fetch.assertCallCount(3))
        .hasMessage(
            lines(
                "Expecting fetchUserData:",
                "  never called",
                "to have been called 3 times",
                "but it was called 0 times."));
  }

  @Test
  void called_once_with_another_argument() {
    fetch.fails(new IOException("API timeout"));
    fetch.apply("456");

    assertThatThrownBy(() -> fetch.assertCalledOnceWith("123"))
        .hasMessage(
            lines(
                "Expecting fetchUserData:",
                "  #1 at +0ns with \"456\": failed java.io.IOException: API timeout (not awaited)",
                "to have been called once with:",
                "  \"123\"",
                "but it was called with:",
                "  \"456\""));
  }

  @Test
  void called_once_with_when_never_called() {
    assertThatThrownBy(() -> fetch.assertCalledOnceWith("123"))
        .hasMessage(
            lines(
                "Expecting fetchUserData:",
                "  never called",
                "to have been called once with:",
                "  \"123\"",
                "but it was called 0 times."));
  }

  @Test
  void awaited_once_when_the_future_is_still_pending() {
    fetch.returnsAfter(Duration.ofSeconds(1), "user");
    fetch.apply("123");

    assertThatThrownBy(fetch::assertAwaitedOnce)
        .hasMessage(
            lines(
                "Expecting fetchUserData:",
                "  #1 at +0ns with \"123\": pending",
                "to have been awaited once (its future completed and its result read, chained on"
                    + " or waited for)",
                "but it was awaited 0 times."));
  }

  @Test
  void no_pending_calls_when_two_hang() {
    AsyncSupplierStub<String> poll = AsyncSupplierStub.<String>of(vigil, "poll");
    poll.get();
    poll.hangsUntilCancelled();
    poll.get();
    poll.get().cancel(true);
    poll.get();

    assertThatThrownBy(poll::assertNoPendingCalls)
        .hasMessage(
            lines(
                "Expecting poll:",
                "  #1 at +0ns: returned null (not awaited)",
                "  #2 at +0ns: pending",
                "  #3 at +0ns: cancelled",
                "  #4 at +0ns: pending",
                "to have no call pending",
                "but 2 calls are still pending: #2, #4."));
  }

  @Test
  void no_pending_calls_when_one_hangs() {
    fetch.hangsUntilCancelled();
    fetch.apply("a");

    assertThatThrownBy(fetch::assertNoPendingCalls)
        .hasMessageEndingWith(lines("to have no call pending", "but 1 call is still pending: #1."));
  }

  @Test
  void long_values_are_cut() {
    fetch.returns("x".repeat(200));
    fetch.apply("a");

    assertThatThrownBy(() -> fetch.assertCallCount(0))
        .hasMessageContaining("returned \"" + "x".repeat(78) + "… (not awaited)");
  }

  private static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines);
  }
}
