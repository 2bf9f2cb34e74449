package dev.vigil.doubles;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Mockito answers for async methods, on the context's time: complete after a delay, fail after a
 * delay or after some calls, hang until cancelled, or follow a sequence. Mockito is an optional
 * dependency of Vigil: only this class and {@link AsyncAnswer} need it on the class path.
 *
 * <pre>{@code
 * UserApi api = mock(UserApi.class);
 * when(api.fetchUser("123"))
 *     .thenAnswer(AsyncAnswers.completeAfter(vigil, Duration.ofMillis(100), user));
 * when(api.fetchUser("404"))
 *     .thenAnswer(AsyncAnswers.failAfter(vigil, Duration.ofMillis(30), new NotFound("404")));
 * }</pre>
 *
 * <p>The stubbed method must return a {@code CompletableFuture}, {@code CompletionStage} or {@code
 * Future}; every call is on the timeline under the mock's name and the method's, such as {@code
 * userApi.fetchUser called #1 ("123")}.
 *
 * @since 0.1
 */
public final class AsyncAnswers {
  private AsyncAnswers() {}

  /**
   * Answers each call with a future that completes with {@code value} once {@code delay} has
   * passed.
   *
   * @param vigil the context whose scheduler and timeline the answer uses
   * @param delay how long after each call; zero completes at once
   * @param value the value, possibly {@code null}
   * @return the answer
   */
  public static AsyncAnswer completeAfter(Vigil vigil, Duration delay, @Nullable Object value) {
    return answer(vigil, Outcome.valueAfter(delay, value));
  }

  /**
   * Answers each call with a future that fails with {@code failure} once {@code delay} has passed.
   *
   * @param vigil the context whose scheduler and timeline the answer uses
   * @param delay how long after each call; zero fails at once
   * @param failure what the futures fail with
   * @return the answer
   */
  public static AsyncAnswer failAfter(Vigil vigil, Duration delay, Throwable failure) {
    return answer(vigil, Outcome.failureAfter(delay, failure));
  }

  /**
   * Answers the first {@code calls} calls with a future completed with {@code null} (for methods
   * returning {@code CompletableFuture<Void>}), and every later call with one failed with {@code
   * failure}.
   *
   * @param vigil the context whose timeline the answer uses
   * @param calls how many calls succeed, zero or more
   * @param failure what the later futures fail with
   * @return the answer
   */
  public static AsyncAnswer failAfterCalls(Vigil vigil, int calls, Throwable failure) {
    return failAfterCalls(vigil, calls, null, failure);
  }

  /**
   * Answers the first {@code calls} calls with a future completed with {@code value}, and every
   * later call with one failed with {@code failure}: a dependency that works, then breaks.
   *
   * @param vigil the context whose timeline the answer uses
   * @param calls how many calls succeed, zero or more
   * @param value what the first futures complete with, possibly {@code null}
   * @param failure what the later futures fail with
   * @return the answer
   */
  public static AsyncAnswer failAfterCalls(
      Vigil vigil, int calls, @Nullable Object value, Throwable failure) {
    if (calls < 0) {
      throw new IllegalArgumentException("calls must not be negative, was " + calls);
    }
    Script<@Nullable Object> script =
        new Script<@Nullable Object>(Outcome.<@Nullable Object>value(value));
    script.failAfter(calls, Objects.requireNonNull(failure, "failure must not be null"));
    return new AsyncAnswer(Objects.requireNonNull(vigil, "vigil must not be null"), script);
  }

  /**
   * Answers each call with a future that completes only when cancelled (or completed by the
   * caller): a dependency that never answers, for testing timeouts and cancellation.
   *
   * @param vigil the context whose timeline the answer uses
   * @return the answer; its {@link AsyncAnswer#pendingCalls()} lists the calls still hanging
   */
  public static AsyncAnswer hangUntilCancelled(Vigil vigil) {
    return answer(vigil, Outcome.hang());
  }

  /**
   * Answers the next calls with these outcomes in turn; a call after the last gets a future failed
   * with an {@link IllegalStateException} saying the script ran out.
   *
   * @param vigil the context whose scheduler and timeline the answer uses
   * @param outcomes one per call, at least one
   * @return the answer
   */
  public static AsyncAnswer inOrder(Vigil vigil, Outcome<?>... outcomes) {
    Objects.requireNonNull(outcomes, "outcomes must not be null");
    if (outcomes.length == 0) {
      throw new IllegalArgumentException("outcomes must not be empty, was []");
    }
    Script<@Nullable Object> script =
        new Script<@Nullable Object>(Outcome.<@Nullable Object>nullValue());
    script.inOrder(List.of(widened(outcomes)));
    return new AsyncAnswer(Objects.requireNonNull(vigil, "vigil must not be null"), script);
  }

  @SuppressWarnings(
      "unchecked") // an outcome only produces its value, so any outcome is one of Object
  private static Outcome<@Nullable Object>[] widened(Outcome<?>[] outcomes) {
    for (int i = 0; i < outcomes.length; i++) {
      Objects.requireNonNull(outcomes[i], "outcomes[" + i + "] must not be null");
    }
    return (Outcome<@Nullable Object>[]) outcomes;
  }

  private static AsyncAnswer answer(Vigil vigil, Outcome<@Nullable Object> outcome) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    return new AsyncAnswer(vigil, new Script<@Nullable Object>(outcome));
  }
}
