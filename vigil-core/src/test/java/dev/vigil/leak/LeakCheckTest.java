package dev.vigil.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class LeakCheckTest {
  private static final Duration NO_LINGER = Duration.ZERO;

  @AutoClose private final PlantedThreads planted = new PlantedThreads();
  @AutoClose private final Vigil vigil = Vigil.create();
  private final LeakCheck check = LeakCheck.defaults().withLinger(NO_LINGER);

  @Test
  void a_non_daemon_thread_started_during_the_check_and_still_alive_is_a_leak() {
    LeakCheck.Session session = check.start();
    Thread thread = planted.start("worker-1", false);
    vigil.eventually(() -> thread.getState() == Thread.State.WAITING).within(Duration.ofSeconds(5));

    LeakReport report = session.finish();

    assertThat(report.leaks())
        .singleElement()
        .isInstanceOfSatisfying(
            ThreadLeak.class,
            leak -> {
              assertThat(leak.thread()).isSameAs(thread);
              assertThat(leak.name()).isEqualTo("worker-1");
              assertThat(leak.state()).isEqualTo(Thread.State.WAITING);
              assertThat(leak.daemon()).isFalse();
              assertThat(leak.stack())
                  .anySatisfy(f -> assertThat(f.getMethodName()).isEqualTo("awaitRelease"));
              assertThat(leak.hint()).isNull();
            });
    assertThatThrownBy(report::assertNone)
        .isInstanceOf(LeakError.class)
        .hasMessageStartingWith(
            "1 leak after the test:"
                + System.lineSeparator()
                + "  thread \"worker-1\" (WAITING) started during the test is still alive:");
  }

  @Test
  void a_daemon_thread_is_a_leak_too() {
    LeakCheck.Session session = check.start();
    planted.start("daemon-worker", true);

    LeakReport report = session.finish();

    assertThat(report.threadLeaks())
        .singleElement()
        .satisfies(
            leak -> {
              assertThat(leak.name()).isEqualTo("daemon-worker");
              assertThat(leak.daemon()).isTrue();
            });
  }

  @Test
  void threads_alive_before_the_check_started_are_not_reported() {
    planted.start("older-worker", false);
    LeakCheck.Session session = check.start();

    assertThat(session.finish().isEmpty()).isTrue();
  }

  @Test
  void a_thread_that_ends_within_the_linger_is_waited_for_by_joining_it_and_not_reported() {
    Thread test = Thread.currentThread();
    Duration linger = Duration.ofSeconds(30);
    LeakCheck.Session session = check.withLinger(linger).start();
    // It ends only once the check has begun waiting for it.
    Thread thread =
        new Thread(
            () ->
                vigil
                    .eventually(() -> test.getState() == Thread.State.TIMED_WAITING)
                    .within(Duration.ofSeconds(10)),
            "finishing-worker");
    thread.start();
    long start = System.nanoTime();

    LeakReport report = session.finish();

    assertThat(report.isEmpty()).isTrue();
    assertThat(thread.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(linger);
  }

  @Test
  void a_clean_block_does_not_wait_for_the_linger() {
    Duration linger = Duration.ofSeconds(30);
    long start = System.nanoTime();

    LeakReport report = check.withLinger(linger).start().finish();

    assertThat(report.isEmpty()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(linger);
  }

  @Test
  void an_executor_that_was_not_shut_down_shows_as_an_idle_worker() throws Exception {
    LeakCheck.Session session = check.start();
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      Thread worker = pool.submit(Thread::currentThread).get();
      vigil
          .eventually(() -> worker.getState() == Thread.State.WAITING)
          .within(Duration.ofSeconds(5));

      LeakReport report = session.finish();

      assertThat(report.threadLeaks())
          .singleElement()
          .satisfies(
              leak -> {
                assertThat(leak.name()).startsWith("pool-").contains("-thread-");
                assertThat(leak.hint())
                    .isEqualTo("idle worker of an executor that was not shut down");
              });
      assertThat(report.toString())
          .contains("  idle worker of an executor that was not shut down" + System.lineSeparator());
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void scheduled_and_fork_join_pools_left_open_are_idle_workers_too() throws Exception {
    LeakCheck.Session session = check.start();
    ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor();
    ForkJoinPool forkJoin = new ForkJoinPool(1);
    try {
      Thread scheduledWorker = scheduled.submit(Thread::currentThread).get();
      Thread forkJoinWorker = forkJoin.submit(Thread::currentThread).get();
      vigil
          .eventually(() -> isParked(scheduledWorker) && isParked(forkJoinWorker))
          .within(Duration.ofSeconds(5));

      LeakReport report = session.finish();

      assertThat(report.threadLeaks())
          .extracting(ThreadLeak::thread, ThreadLeak::hint)
          .containsExactlyInAnyOrder(
              tuple(scheduledWorker, IdleThreads.IDLE_EXECUTOR_WORKER),
              tuple(forkJoinWorker, IdleThreads.IDLE_EXECUTOR_WORKER));
      assertThat(forkJoinWorker.getName()).matches("ForkJoinPool-\\d+-worker-\\d+");
    } finally {
      scheduled.shutdownNow();
      forkJoin.shutdownNow();
      scheduled.awaitTermination(10, TimeUnit.SECONDS);
      forkJoin.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static boolean isParked(Thread thread) {
    Thread.State state = thread.getState();
    return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
  }

  @Test
  void vigils_own_threads_and_the_jvms_shared_threads_are_not_reported() throws Exception {
    LeakCheck.Session session = check.start();
    vigil.scheduler().submit(() -> {}).get(); // starts vigil-scheduler-N
    planted.start("vigil-consumer-orders-99", true);
    planted.start("ForkJoinPool.commonPool-worker-99", true);
    planted.start("HttpClient-99-SelectorManager", true);
    planted.start("Common-Cleaner", true);
    planted.start("junit-jupiter-timeout-watcher", true);
    ForkJoinPool.commonPool().submit(() -> {}).get();

    assertThat(session.finish().leaks()).isEmpty();
  }

  @Test
  void a_users_threads_named_like_pools_are_reported() {
    LeakCheck.Session session = check.start();
    planted.start("pool-99-thread-1", false);
    planted.start("ForkJoinPool-99-worker-1", true);
    planted.start("HttpClient-lookalike", true);

    assertThat(session.finish().threadLeaks())
        .extracting(ThreadLeak::name)
        .containsExactly("pool-99-thread-1", "ForkJoinPool-99-worker-1", "HttpClient-lookalike");
  }

  @Test
  void threads_can_be_ignored_by_name_prefix_or_by_predicate() {
    LeakCheck.Session session =
        check
            .ignoringThreads("kafka-producer-")
            .ignoringThreads(thread -> thread.getName().endsWith("-cache-refresher"))
            .start();
    planted.start("kafka-producer-network-thread", true);
    planted.start("pricing-cache-refresher", true);
    planted.start("kept", true);

    assertThat(session.finish().threadLeaks()).extracting(ThreadLeak::name).containsExactly("kept");
  }

  @Test
  void a_watched_context_reports_its_open_resources_before_the_threads() {
    LeakCheck.Session session = check.watching(vigil).start();
    planted.start("worker-1", false);
    vigil.history("stock", () -> 1);
    AutoCloseable closed = () -> {};
    vigil.track(closed, "closed one");
    vigil.untrack(closed);

    LeakReport report = session.finish();

    assertThat(report.leaks()).hasSize(2);
    assertThat(report.leaks().get(0))
        .isInstanceOfSatisfying(
            ResourceLeak.class,
            leak ->
                assertThat(leak.toString())
                    .startsWith(
                        "ValueHistory \"stock\" opened at dev.vigil.leak.LeakCheckTest."
                            + "a_watched_context_reports_its_open_resources_before_the_threads(")
                    .endsWith(") was not closed"));
    assertThat(report.leaks().get(1)).isInstanceOf(ThreadLeak.class);
    assertThat(report.resourceLeaks()).hasSize(1);
  }

  @Test
  void run_passes_a_block_whose_threads_ended() throws Exception {
    check.run(
        () -> {
          Thread thread = new Thread(() -> {}, "short-lived");
          thread.start();
          thread.join();
        });
  }

  @Test
  void run_fails_a_block_that_leaves_a_thread_behind() {
    assertThatThrownBy(() -> check.run(() -> planted.start("leaky", false)))
        .isInstanceOf(LeakError.class)
        .hasMessageContaining("thread \"leaky\" (")
        .satisfies(
            e ->
                assertThat(((LeakError) e).report().threadLeaks())
                    .extracting(ThreadLeak::name)
                    .containsExactly("leaky"));
  }

  @Test
  void the_failure_of_the_block_wins_and_carries_the_leaks_as_suppressed() {
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                check.run(
                    () -> {
                      planted.start("leaky", false);
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(boom.getSuppressed())
        .singleElement()
        .isInstanceOf(LeakError.class)
        .satisfies(e -> assertThat(e).hasMessageContaining("thread \"leaky\""));
  }

  @Test
  void a_failing_block_without_leaks_carries_nothing_more() {
    AssertionError failed = new AssertionError("expected 3 orders");

    assertThatThrownBy(
            () ->
                check.run(
                    () -> {
                      throw failed;
                    }))
        .isSameAs(failed);
    assertThat(failed.getSuppressed()).isEmpty();
  }

  @Test
  void bad_arguments_are_refused_with_their_name_and_value() {
    assertThatThrownBy(() -> check.withLinger(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("linger must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> check.withLinger(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("linger must not be null");
    assertThatThrownBy(() -> check.ignoringThreads(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("namePrefix must not be blank, was ''");
    assertThatThrownBy(() -> check.ignoringThreads((String) null))
        .hasMessage("namePrefix must not be null");
    assertThatThrownBy(() -> check.watching(null)).hasMessage("vigil must not be null");
    assertThatThrownBy(() -> check.run(null)).hasMessage("block must not be null");
  }

  @Test
  void a_session_finishes_once() {
    LeakCheck.Session session = check.start();
    session.finish();

    assertThatThrownBy(session::finish)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this leak check session was already finished");
  }

  @Test
  void the_default_linger_is_one_second() {
    assertThat(LeakCheck.defaults().linger()).isEqualTo(Duration.ofSeconds(1));
    assertThat(check.withLinger(Duration.ofMillis(250)).linger()).isEqualTo(Duration.ofMillis(250));
  }
}
