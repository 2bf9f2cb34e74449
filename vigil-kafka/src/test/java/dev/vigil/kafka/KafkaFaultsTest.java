package dev.vigil.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import dev.vigil.bus.BusException;
import dev.vigil.kafka.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A cluster that is not there, or goes away mid-test: clear failures, nothing hangs. */
class KafkaFaultsTest {
  @AutoClose private final Vigil vigil = Vigil.create();

  @Test
  void an_unreachable_cluster_fails_the_bus_within_the_bound_naming_the_servers()
      throws IOException {
    String servers = "127.0.0.1:" + refusedPort();
    long start = System.nanoTime();

    assertThatThrownBy(() -> KafkaBus.connect(vigil, servers))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "cannot reach Kafka at "
                + servers
                + " within 5000 ms: is a broker running there, and is the address right?");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void an_unreachable_cluster_fails_the_capture_within_the_bound_naming_the_servers()
      throws IOException {
    String servers = "127.0.0.1:" + refusedPort();
    long start = System.nanoTime();

    assertThatThrownBy(() -> KafkaCapture.start(vigil, servers, "orders"))
        .isInstanceOf(BusException.class)
        .hasMessageStartingWith("cannot reach Kafka at " + servers + " within 5000 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    assertThat(vigil.openResources()).isEmpty();
  }

  @Test
  void a_broker_stopped_mid_test_shows_on_the_timeline_and_waits_end_at_their_deadline()
      throws Exception {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
    String topic;
    KafkaCapture capture;
    try (TestCluster cluster = new TestCluster(broker.bootstrapServers())) {
      topic = cluster.createTopic("orders");
      capture = KafkaCapture.start(vigil, broker.bootstrapServers(), topic);
      cluster.produce(topic, null, "before the crash");
      capture.awaitRecord(topic, r -> true, Duration.ofSeconds(10));
    } finally {
      broker.stop();
    }

    vigil
        .eventually(
            () -> vigil.timeline().byType(KafkaEntries.disconnected(broker.bootstrapServers())))
        .within(Duration.ofSeconds(10));
    assertThat(capture.connected()).isFalse();
    long start = System.nanoTime();
    assertThatThrownBy(() -> capture.awaitRecord(topic, r -> false, Duration.ofMillis(500)))
        .isInstanceOf(WaitTimeoutError.class)
        .hasMessageContaining("disconnected " + broker.bootstrapServers());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(capture.records(topic)).hasSize(1);
    capture.close();
  }

  private static int refusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
