package dev.vigil.doubles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.Vigil;
import dev.vigil.timeline.TimelineEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("FutureReturnValueIgnored") // some calls are made for their record only
class AsyncStubTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final AsyncStub<String, String> fetch = AsyncStub.of(vigil, "fetch");

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void an_unscripted_stub_completes_with_null_at_once() {
    assertThat(fetch.apply("a")).isCompletedWithValue(null);
  }

  @Test
  void returns_completes_every_call_with_the_value_at_once() {
    fetch.returns("user");

    assertThat(fetch.apply("a")).isCompletedWithValue("user");
    assertThat(fetch.apply("b")).isCompletedWithValue("user");
  }

  @Test
  void returns_after_completes_exactly_when_the_delay_has_passed_in_virtual_time() {
    fetch.returnsAfter(Duration.ofMillis(100), "user");
    CompletableFuture<String> call = fetch.apply("a");

    vigil.virtualTime().advanceBy(Duration.ofMillis(99));
    assertThat(call).isNotDone();
    vigil.virtualTime().advanceBy(Duration.ofMillis(1));
    assertThat(call).isCompletedWithValue("user");
    assertThat(fetch.calls().get(0).settledAt())
        .isEqualTo(fetch.calls().get(0).at().plusMillis(100));
  }

  @Test
  void fails_fails_the_future_not_the_call() {
    IOException down = new IOException("down");
    fetch.fails(down);

    CompletableFuture<String> call = fetch.apply("a");

    assertThat(call).isCompletedExceptionally();
    assertThatThrownBy(call::join).isInstanceOf(CompletionException.class).hasCause(down);
  }

  @Test
  void fails_after_fails_once_the_delay_has_passed() {
    fetch.failsAfter(Duration.ofSeconds(2), new IOException("timeout"));
    CompletableFuture<String> call = fetch.apply("a");

    vigil.virtualTime().advanceBy(Duration.ofMillis(1999));
    assertThat(call).isNotDone();
    vigil.virtualTime().advanceBy(Duration.ofMillis(1));
    assertThat(call).isCompletedExceptionally();
    assertThat(fetch.calls().get(0).state()).isEqualTo(Call.State.FAILED);
  }

  @Test
  void fails_after_calls_keeps_the_script_for_that_many_calls_then_fails() {
    IOException broken = new IOException("broken");
    fetch.returns("ok").failsAfterCalls(2, broken);

    assertThat(fetch.apply("1")).isCompletedWithValue("ok");
    assertThat(fetch.apply("2")).isCompletedWithValue("ok");
    assertThat(fetch.apply("3")).isCompletedExceptionally();
    assertThat(fetch.apply("4")).isCompletedExceptionally();
    assertThat(fetch.calls()).extracting(Call::failure).containsExactly(null, null, broken, broken);
  }

  @Test
  void answers_in_order_gives_each_call_the_next_outcome_then_says_the_script_ran_out() {
    fetch.answersInOrder(
        Outcome.value("page 1"),
        Outcome.valueAfter(Duration.ofMillis(10), "page 2"),
        Outcome.failure(new IllegalArgumentException("no more pages")));

    assertThat(fetch.apply("a")).isCompletedWithValue("page 1");
    CompletableFuture<String> second = fetch.apply("b");
    assertThatThrownBy(fetch.apply("c")::join).hasMessageContaining("no more pages");
    assertThatThrownBy(fetch.apply("d")::join)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("fetch has no outcome for call #4: answersInOrder scripted 3 calls");
    vigil.virtualTime().advanceBy(Duration.ofMillis(10));
    assertThat(second).isCompletedWithValue("page 2");
  }

  @Test
  void a_hanging_call_stays_pending_until_cancelled() {
    fetch.hangsUntilCancelled();
    CompletableFuture<String> call = fetch.apply("a");

    vigil.virtualTime().advanceBy(Duration.ofDays(1));
    assertThat(call).isNotDone();
    assertThat(fetch.pendingCalls()).extracting(Call::number).containsExactly(1);

    call.cancel(true);
    assertThat(fetch.pendingCalls()).isEmpty();
    assertThat(fetch.calls().get(0).state()).isEqualTo(Call.State.CANCELLED);
  }

  @Test
  void cancelling_a_delayed_call_cancels_its_timer() {
    fetch.returnsAfter(Duration.ofSeconds(5), "late");
    CompletableFuture<String> call = fetch.apply("a");
    assertThat(vigil.virtualTime().pending()).hasSize(1);

    call.cancel(false);

    assertThat(vigil.virtualTime().pending()).isEmpty();
    assertThat(call).isCancelled();
  }

  @Test
  void a_timeout_on_the_returned_future_settles_the_call_as_failed() {
    fetch.hangsUntilCancelled();

    fetch.apply("a").completeExceptionally(new TimeoutException("gave up"));

    assertThat(fetch.calls().get(0).state()).isEqualTo(Call.State.FAILED);
    assertThat(fetch.calls().get(0).failure()).hasMessage("gave up");
  }

  @Test
  void every_call_and_its_outcome_is_on_the_timeline() {
    fetch.returnsAfter(Duration.ofMillis(50), "user");
    fetch.apply("123");
    vigil.virtualTime().advanceBy(Duration.ofMillis(50));

    assertThat(vigil.timeline().entries())
        .extracting(TimelineEntry::source, TimelineEntry::type, TimelineEntry::summary)
        .containsExactly(
            tuple("double", "fetch called", "#1 (\"123\")"),
            tuple("double", "fetch returned", "#1 \"user\" after 50ms"));
    assertThat(vigil.timeline().entries().get(0).attributes())
        .containsEntry("call", "1")
        .containsEntry("arguments", "(\"123\")");
  }

  @Test
  void a_call_counts_as_awaited_once_its_result_is_read_or_chained_on() {
    fetch.returnsAfter(Duration.ofMillis(10), "user");
    CompletableFuture<String> ignored = fetch.apply("ignored");
    CompletableFuture<String> chained = fetch.apply("chained");
    CompletableFuture<Integer> length = chained.thenApply(String::length);
    CompletableFuture<String> joined = fetch.apply("joined");

    vigil.virtualTime().advanceBy(Duration.ofMillis(10));
    joined.join();

    assertThat(ignored).isDone();
    assertThat(length).isCompletedWithValue(4);
    assertThat(fetch.calls()).extracting(Call::awaited).containsExactly(false, true, true);
    assertThat(fetch.awaitCount()).isEqualTo(2);
  }

  @Test
  void a_call_waited_on_by_all_of_counts_as_awaited() {
    fetch.returnsAfter(Duration.ofMillis(10), "user");
    CompletableFuture<Void> all = CompletableFuture.allOf(fetch.apply("a"));

    vigil.virtualTime().advanceBy(Duration.ofMillis(10));

    assertThat(all).isDone();
    fetch.assertAwaitedOnce();
  }

  @Test
  void waiting_for_the_future_with_vigil_counts_as_awaiting_it() {
    fetch.returnsAfter(Duration.ofSeconds(1), "user");

    CompletableFuture<String> call = fetch.apply("a");

    vigil.eventually(() -> call).within(Duration.ofSeconds(5));

    fetch.assertAwaitedOnce().assertCalledOnceWith("a").assertNoPendingCalls();
  }

  @Test
  void a_cancelled_call_is_never_awaited() {
    fetch.hangsUntilCancelled();
    CompletableFuture<String> call = fetch.apply("a");
    CompletableFuture<String> chained = call.thenApply(s -> s);

    call.cancel(true);

    assertThat(chained).isCompletedExceptionally();
    assertThat(fetch.awaitCount()).isZero();
  }

  @Test
  void rescripting_changes_later_calls_only() {
    fetch.returnsAfter(Duration.ofMillis(10), "old");
    CompletableFuture<String> first = fetch.apply("a");
    fetch.returns("new");

    assertThat(fetch.apply("b")).isCompletedWithValue("new");
    vigil.virtualTime().advanceBy(Duration.ofMillis(10));
    assertThat(first).isCompletedWithValue("old");
  }

  @Test
  void was_called_with_compares_arguments_by_value() {
    fetch.apply("a");

    assertThat(fetch.wasCalledWith("a")).isTrue();
    assertThat(fetch.wasCalledWith("b")).isFalse();
    assertThat(fetch.callCount()).isEqualTo(1);
  }

  @Test
  void a_supplier_stub_records_calls_without_an_argument() {
    AsyncSupplierStub<Integer> next = AsyncSupplierStub.<Integer>of(vigil, "next").returns(7);

    assertThat(next.get()).isCompletedWithValue(7);
    assertThat(next.calls().get(0).argument()).isNull();
    assertThat(vigil.timeline().entries().get(0).summary()).isEqualTo("#1 ()");
    next.assertCalledOnce();
  }

  @Test
  void concurrent_calls_take_the_scripted_outcomes_in_the_order_of_their_numbers()
      throws InterruptedException {
    AsyncStub<Integer, Integer> numbered = AsyncStub.of(vigil, "numbered");
    @SuppressWarnings("unchecked") // an array of a generic type, made by the stream
    Outcome<Integer>[] outcomes =
        IntStream.rangeClosed(1, 2_000).mapToObj(Outcome::value).toArray(Outcome[]::new);
    numbered.answersInOrder(outcomes);
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      callers.add(new Thread(() -> IntStream.range(0, 500).forEach(numbered::apply)));
    }
    callers.forEach(Thread::start);
    for (Thread caller : callers) {
      caller.join();
    }

    assertThat(numbered.calls())
        .hasSize(2_000)
        .allSatisfy(call -> assertThat(call.value()).isEqualTo(call.number()));
  }

  @Test
  void works_on_real_time_too() {
    try (Vigil real = Vigil.create()) {
      AsyncStub<String, String> slow =
          AsyncStub.<String, String>of(real, "slow").returnsAfter(Duration.ofMillis(20), "done");

      CompletableFuture<String> call = slow.apply("a");

      assertThat(real.eventually(() -> call).within(Duration.ofSeconds(5)).join())
          .isEqualTo("done");
    }
  }
}
