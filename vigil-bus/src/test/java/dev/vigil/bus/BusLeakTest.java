package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.OpenResource;
import dev.vigil.Vigil;
import dev.vigil.leak.LeakCheck;
import dev.vigil.leak.LeakError;
import dev.vigil.leak.LeakReport;
import dev.vigil.leak.ThreadLeak;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leak checks around the bus: threads its handlers start, and buses left open. */
class BusLeakTest {
  private final Vigil vigil = Vigil.create();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicReference<Thread> startedByHandler = new AtomicReference<>();

  @AfterEach
  void releasePlantedThreads() throws InterruptedException {
    release.countDown();
    Thread planted = startedByHandler.get();
    if (planted != null) {
      planted.join();
    }
    vigil.close();
  }

  /**
   * The story: a hand-written check passed with this leak planted, because a thread started
   * from a consumer's thread inherits daemon=true.
   */
  @Test
  void a_daemon_thread_started_from_a_consumers_handler_is_caught() {
    LeakCheck.Session session =
        LeakCheck.defaults().withLinger(Duration.ofMillis(50)).watching(vigil).start();
    EmbeddedBus bus = EmbeddedBus.create(vigil);
    bus.createQueue("orders");
    bus.consume("orders", message -> startedByHandler.set(startWaitingThread()));
    bus.send("orders", Message.of("o-1"));
    Thread planted = vigil.eventually(startedByHandler::get).within(Duration.ofSeconds(5));
    vigil
        .eventually(() -> planted.getState() == Thread.State.WAITING)
        .within(Duration.ofSeconds(5));
    bus.close();

    LeakReport report = session.finish();

    assertThat(report.leaks())
        .singleElement()
        .isInstanceOfSatisfying(
            ThreadLeak.class,
            leak -> {
              assertThat(leak.thread()).isSameAs(planted);
              assertThat(leak.daemon()).isTrue();
            });
    assertThatThrownBy(report::assertNone)
        .isInstanceOf(LeakError.class)
        .hasMessageContaining(
            "  thread \"started-by-handler\" (WAITING, daemon) started during the test is still"
                + " alive after 50ms:");
  }

  private Thread startWaitingThread() {
    Thread thread =
        new Thread(
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "started-by-handler");
    thread.start();
    return thread;
  }

  @Test
  void a_bus_left_open_is_a_resource_leak_naming_the_test_that_opened_it() {
    LeakCheck.Session session = LeakCheck.defaults().watching(vigil).start();
    EmbeddedBus bus = EmbeddedBus.create(vigil);
    bus.createQueue("orders");
    bus.consume("orders", message -> {});

    LeakReport report = session.finish();

    assertThat(report.resourceLeaks())
        .singleElement()
        .satisfies(
            leak -> {
              assertThat(leak.resource().resource()).isSameAs(bus);
              assertThat(leak.toString())
                  .startsWith(
                      "EmbeddedBus opened at dev.vigil.bus.BusLeakTest."
                          + "a_bus_left_open_is_a_resource_leak_naming_the_test_that_opened_it("
                          + "BusLeakTest.java:")
                  .endsWith(") was not closed");
            });
    assertThat(report.threadLeaks()).isEmpty();
  }

  @Test
  void a_closed_bus_is_not_reported_and_closing_it_twice_is_harmless() throws Exception {
    LeakCheck.defaults()
        .watching(vigil)
        .run(
            () -> {
              EmbeddedBus bus = EmbeddedBus.create(vigil, 7);
              bus.createQueue("orders");
              bus.consume("orders", message -> {});
              bus.send("orders", Message.of("o-1"));
              bus.close();
              bus.close();
            });
  }

  @Test
  void closing_the_context_closes_the_buses_left_open_and_views_are_not_tracked() {
    EmbeddedBus bus = EmbeddedBus.create(vigil);
    bus.namespace("t1");
    assertThat(vigil.openResources()).extracting(OpenResource::resource).containsExactly(bus);

    vigil.close();

    assertThat(vigil.openResources()).isEmpty();
    bus.close();
  }
}
