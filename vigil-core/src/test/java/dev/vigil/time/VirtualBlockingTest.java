package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The latch, semaphore and bounded queue that block on virtual time. */
class VirtualBlockingTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final VirtualTimeSource time = vigil.virtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  private Instant plus(Duration offset) {
    return VirtualTimeSource.DEFAULT_ORIGIN.plus(offset);
  }

  @Test
  void a_latch_awaited_on_the_test_thread_drives_time_until_it_opens() throws Exception {
    VirtualLatch latch = VirtualLatch.create(time, 2);
    vigil.scheduler().schedule(latch::countDown, 1, TimeUnit.SECONDS);
    vigil.scheduler().schedule(latch::countDown, 3, TimeUnit.SECONDS);

    latch.await();

    assertThat(time.instant()).isEqualTo(plus(Duration.ofSeconds(3)));
    assertThat(latch.getCount()).isZero();
  }

  @Test
  void a_timed_latch_await_gives_up_at_its_virtual_deadline() throws Exception {
    VirtualLatch latch = VirtualLatch.create(time, 1);

    assertThat(latch.await(2, TimeUnit.SECONDS)).isFalse();
    assertThat(time.instant()).isEqualTo(plus(Duration.ofSeconds(2)));
  }

  @Test
  void an_untimed_wait_that_nothing_could_end_fails_at_once() {
    VirtualLatch latch = VirtualLatch.create(time, 1);

    assertThatThrownBy(latch::await)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "VirtualLatch.await() would block forever: virtual time is idle (no task or fiber is"
                + " scheduled that could let it go on)");
  }

  @Test
  void blocking_inside_an_inline_task_is_refused() throws Exception {
    VirtualLatch latch = VirtualLatch.create(time, 1);
    Future<?> task =
        vigil
            .scheduler()
            .submit(
                () -> {
                  latch.await();
                  return null;
                });
    time.runDue();

    assertThatThrownBy(task::get)
        .hasCauseInstanceOf(IllegalStateException.class)
        .cause()
        .hasMessageStartingWith("VirtualLatch.await() inside a virtual task would wait forever");
  }

  @Test
  void fibers_parked_on_a_latch_go_on_together_when_it_opens() {
    VirtualLatch start = VirtualLatch.create(time, 1);
    List<String> log = new CopyOnWriteArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      time.startFiber(
          name,
          () -> {
            start.await();
            log.add(name);
          });
    }
    time.runDue();
    assertThat(log).isEmpty();

    vigil.scheduler().schedule(start::countDown, 1, TimeUnit.SECONDS);
    time.runUntilIdle();

    assertThat(log).containsExactly("a", "b", "c");
  }

  @Test
  void a_semaphore_lets_two_clients_in_at_a_time() {
    VirtualSemaphore connections = VirtualSemaphore.create(time, 2);
    List<String> finished = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 5; i++) {
      String name = "client-" + i;
      time.startFiber(
          name,
          () -> {
            connections.acquire();
            try {
              Fiber.sleep(Duration.ofMillis(100));
            } finally {
              connections.release();
            }
            finished.add(
                name + "@" + Duration.between(plus(Duration.ZERO), time.instant()).toMillis());
          });
    }
    time.runDue();
    assertThat(connections.blockedCallers()).isEqualTo(3);

    time.runUntilIdle();

    assertThat(finished)
        .containsExactly(
            "client-0@100", "client-1@100", "client-2@200", "client-3@200", "client-4@300");
    assertThat(connections.availablePermits()).isEqualTo(2);
  }

  @Test
  void a_timed_try_acquire_gives_up_at_its_virtual_deadline() throws Exception {
    VirtualSemaphore none = VirtualSemaphore.create(time, 0);
    vigil.scheduler().schedule(() -> none.release(), 5, TimeUnit.SECONDS);

    assertThat(none.tryAcquire(1, TimeUnit.SECONDS)).isFalse();
    assertThat(time.instant()).isEqualTo(plus(Duration.ofSeconds(1)));
    assertThat(none.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    assertThat(time.instant()).isEqualTo(plus(Duration.ofSeconds(5)));
  }

  @Test
  void a_full_queue_parks_its_producer_and_an_empty_one_its_consumer() {
    VirtualBlockingQueue<Integer> queue = VirtualBlockingQueue.create(time, 2);
    List<Integer> consumed = new ArrayList<>();
    time.startFiber(
        "producer",
        () -> {
          for (int i = 0; i < 4; i++) {
            queue.put(i);
          }
        });
    time.runUntilIdle();
    assertThat(queue.isFull()).isTrue();
    assertThat(queue.blockedProducers()).isEqualTo(1);

    time.startFiber(
        "consumer",
        () -> {
          for (int i = 0; i < 5; i++) {
            consumed.add(queue.take());
          }
        });
    time.runUntilIdle();

    assertThat(consumed).containsExactly(0, 1, 2, 3);
    assertThat(queue.blockedProducers()).isZero();
    assertThat(queue.blockedConsumers()).isEqualTo(1);
  }

  @Test
  void timed_offer_and_poll_give_up_at_their_virtual_deadlines() throws Exception {
    VirtualBlockingQueue<String> queue = VirtualBlockingQueue.create(time, 1);
    assertThat(queue.offer("a", 1, TimeUnit.SECONDS)).isTrue();

    assertThat(queue.offer("b", 1, TimeUnit.SECONDS)).isFalse();
    assertThat(time.instant()).isEqualTo(plus(Duration.ofSeconds(1)));
    assertThat(queue.poll(1, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(queue.poll(2, TimeUnit.SECONDS)).isNull();
    assertThat(time.instant()).isEqualTo(plus(Duration.ofSeconds(3)));
  }

  @Test
  void drain_and_remove_make_room_for_a_parked_producer() {
    VirtualBlockingQueue<Integer> queue = VirtualBlockingQueue.create(time, 1);
    time.startFiber(
        "producer",
        () -> {
          queue.put(1);
          queue.put(2);
          queue.put(3);
        });
    time.runUntilIdle();
    List<Integer> drained = new ArrayList<>();

    queue.drainTo(drained);
    time.runDue();
    assertThat(queue.remove(2)).isTrue();
    time.runDue();

    assertThat(drained).containsExactly(1);
    assertThat(queue).containsExactly(3);
  }

  @Test
  void bad_arguments_name_the_parameter_and_value() {
    assertThatThrownBy(() -> VirtualLatch.create(time, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must not be negative, was -1");
    assertThatThrownBy(() -> VirtualSemaphore.create(time, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("permits must not be negative, was -2");
    assertThatThrownBy(() -> VirtualBlockingQueue.create(time, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be positive, was 0");
    VirtualBlockingQueue<String> queue = VirtualBlockingQueue.create(time, 1);
    assertThatThrownBy(() -> queue.offer(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("element must not be null");
    assertThatThrownBy(() -> queue.drainTo(queue))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target must not be this queue");
    VirtualSemaphore semaphore = VirtualSemaphore.create(time, 1);
    assertThatThrownBy(() -> semaphore.release(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("permits must not be negative, was -1");
  }

  @Test
  void they_describe_themselves() throws Exception {
    VirtualBlockingQueue<Integer> queue = VirtualBlockingQueue.create(time, 3);
    queue.put(1);
    assertThat(queue)
        .hasToString("VirtualBlockingQueue[size=1/3, blocked producers=0, blocked consumers=0]");
    assertThat(VirtualLatch.create(time, 2)).hasToString("VirtualLatch[count=2, parked fibers=0]");
    assertThat(VirtualSemaphore.create(time, 4))
        .hasToString("VirtualSemaphore[permits=4, blocked=0]");
  }
}
