package dev.vigil.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.http.WebhookServer;
import dev.vigil.junit5.fixtures.LeakFixture;
import dev.vigil.junit5.fixtures.Observed;
import dev.vigil.leak.LeakError;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

class ExtensionLeakCheckTest {
  private static Events events;
  private static Map<String, Throwable> failures;
  private static Map<String, Object> observed;

  @BeforeAll
  static void runTheLeakingFixtures() {
    LeakFixture.release = new CountDownLatch(1);
    events = Fixtures.run(LeakFixture.class);
    failures = Fixtures.failures(events);
    observed = Map.copyOf(Observed.VALUES);
    Fixtures.run(LeakFixture.Unchecked.class, LeakFixture.Ignored.class)
        .assertStatistics(stats -> stats.succeeded(2).failed(0));
  }

  @AfterAll
  static void endThePlantedThreads() {
    LeakFixture.release.countDown();
    ((ExecutorService) observed.get("pool")).shutdown();
  }

  @Test
  void a_thread_started_from_a_consumer_fails_the_test_although_it_is_a_daemon() {
    assertThat(observed.get("audit-writer.daemon")).isEqualTo(true);
    assertThat(failures.get("consumer_starts_a_thread_that_outlives_the_test"))
        .isInstanceOf(LeakError.class)
        .hasMessageContaining("thread \"audit-writer\" (WAITING, daemon)")
        .hasMessageContaining("LeakFixture.awaitRelease");
  }

  @Test
  void an_executor_left_running_is_reported_as_such() {
    assertThat(failures.get("executor_left_running"))
        .isInstanceOf(LeakError.class)
        .hasMessageContaining("idle worker of an executor that was not shut down");
  }

  @Test
  void a_server_left_open_is_reported_and_then_closed_with_the_context() {
    WebhookServer server = (WebhookServer) observed.get("server");
    assertThat(failures.get("server_left_open"))
        .isInstanceOf(LeakError.class)
        .hasMessageContaining("WebhookServer")
        .hasMessageContaining("was not closed");
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), server.port()).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void a_thread_that_ends_within_the_linger_is_no_leak() {
    assertThat(failures)
        .doesNotContainKey("thread_told_to_stop_in_after_each_ends_within_the_linger");
    events.assertStatistics(stats -> stats.started(4).failed(3).succeeded(1));
  }
}
