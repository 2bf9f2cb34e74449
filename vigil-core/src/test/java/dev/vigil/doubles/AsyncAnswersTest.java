package dev.vigil.doubles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.vigil.Vigil;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings({"DirectInvocationOnMock", "FutureReturnValueIgnored"}) // the test is the caller
class AsyncAnswersTest {
  /** A dependency of the kind code under test takes. */
  interface UserApi {
    CompletableFuture<String> fetchUser(String id);

    CompletionStage<Void> audit(String id, int level);

    String plain(String id);
  }

  private final Vigil vigil = Vigil.withVirtualTime();
  private final UserApi api = mock(UserApi.class);

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void complete_after_completes_when_the_delay_has_passed_in_virtual_time() {
    when(api.fetchUser("123"))
        .thenAnswer(AsyncAnswers.completeAfter(vigil, Duration.ofMillis(100), "John"));

    CompletableFuture<String> user = api.fetchUser("123");
    vigil.virtualTime().advanceBy(Duration.ofMillis(99));
    assertThat(user).isNotDone();
    vigil.virtualTime().advanceBy(Duration.ofMillis(1));

    assertThat(user).isCompletedWithValue("John");
    verify(api).fetchUser("123");
  }

  @Test
  void each_call_is_on_the_timeline_under_the_mock_and_method_names() {
    UserApi named = mock(UserApi.class, "primaryApi");
    when(api.fetchUser(anyString()))
        .thenAnswer(AsyncAnswers.completeAfter(vigil, Duration.ZERO, "u"));
    when(named.audit(anyString(), anyInt()))
        .thenAnswer(AsyncAnswers.completeAfter(vigil, Duration.ZERO, null));

    api.fetchUser("123");
    named.audit("123", 2);

    assertThat(vigil.timeline().entries())
        .extracting(entry -> entry.type() + " " + entry.summary())
        .containsExactly(
            "userApi.fetchUser called #1 (\"123\")",
            "userApi.fetchUser returned #1 \"u\" after 0ns",
            "primaryApi.audit called #1 (\"123\", 2)",
            "primaryApi.audit returned #1 null after 0ns");
  }

  @Test
  void fail_after_fails_when_the_delay_has_passed() {
    IOException timeout = new IOException("API timeout");
    when(api.fetchUser("1"))
        .thenAnswer(AsyncAnswers.failAfter(vigil, Duration.ofSeconds(3), timeout));

    CompletableFuture<String> user = api.fetchUser("1");
    vigil.virtualTime().advanceBy(Duration.ofSeconds(3));

    assertThat(user).isCompletedExceptionally();
    assertThatThrownBy(user::join).hasCause(timeout);
  }

  @Test
  void fail_after_calls_succeeds_that_many_times_then_fails() {
    IOException broken = new IOException("broken");
    AsyncAnswer answer = AsyncAnswers.failAfterCalls(vigil, 2, "ok", broken);
    when(api.fetchUser(anyString())).thenAnswer(answer);

    assertThat(api.fetchUser("1")).isCompletedWithValue("ok");
    assertThat(api.fetchUser("2")).isCompletedWithValue("ok");
    assertThat(api.fetchUser("3")).isCompletedExceptionally();
    assertThat(answer.calls())
        .extracting(Call::state)
        .containsExactly(Call.State.RETURNED, Call.State.RETURNED, Call.State.FAILED);
    assertThat(answer.calls().get(2).argument()).isEqualTo(List.of("3"));
  }

  @Test
  void fail_after_calls_without_a_value_completes_the_first_calls_with_null() {
    when(api.audit(anyString(), anyInt()))
        .thenAnswer(AsyncAnswers.failAfterCalls(vigil, 1, new IOException("full")));

    assertThat(api.audit("a", 1).toCompletableFuture()).isCompletedWithValue(null);
    assertThat(api.audit("a", 1).toCompletableFuture()).isCompletedExceptionally();
  }

  @Test
  void hang_until_cancelled_leaves_the_call_pending_until_cancelled() {
    AsyncAnswer hang = AsyncAnswers.hangUntilCancelled(vigil);
    when(api.fetchUser(anyString())).thenAnswer(hang);

    CompletableFuture<String> user = api.fetchUser("1");
    vigil.virtualTime().advanceBy(Duration.ofHours(1));
    assertThat(hang.pendingCalls()).hasSize(1);

    user.cancel(true);
    assertThat(hang.pendingCalls()).isEmpty();
    assertThat(hang.calls().get(0).state()).isEqualTo(Call.State.CANCELLED);
  }

  @Test
  void in_order_answers_each_call_with_the_next_outcome() {
    when(api.fetchUser(anyString()))
        .thenAnswer(
            AsyncAnswers.inOrder(
                vigil, Outcome.value("page 1"), Outcome.failure(new IllegalStateException("end"))));

    assertThat(api.fetchUser("a")).isCompletedWithValue("page 1");
    assertThatThrownBy(api.fetchUser("b")::join).hasMessageContaining("end");
    assertThatThrownBy(api.fetchUser("c")::join)
        .hasMessageEndingWith(
            "userApi.fetchUser has no outcome for call #3: answersInOrder scripted 2 calls");
  }

  @Test
  void a_method_that_returns_no_future_is_refused_with_its_name() {
    when(api.plain("1")).thenAnswer(AsyncAnswers.hangUntilCancelled(vigil));

    assertThatThrownBy(() -> api.plain("1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "AsyncAnswers answer methods that return a CompletableFuture, CompletionStage or"
                + " Future, but userApi.plain returns java.lang.String");
  }

  @Test
  void bad_input_names_the_parameter() {
    assertThatThrownBy(() -> AsyncAnswers.completeAfter(null, Duration.ZERO, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("vigil must not be null");
    assertThatThrownBy(
            () -> AsyncAnswers.failAfter(vigil, Duration.ofSeconds(-1), new IOException()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delay must not be negative, was PT-1S");
    assertThatThrownBy(() -> AsyncAnswers.failAfterCalls(vigil, -3, new IOException()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("calls must not be negative, was -3");
    assertThatThrownBy(() -> AsyncAnswers.inOrder(vigil))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outcomes must not be empty, was []");
  }
}
