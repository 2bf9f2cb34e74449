package dev.vigil.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

  @Test
  void starts_a_broker_that_creates_topics_and_stops_it_once() throws Exception {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("orders", 1, (short) 1))).all().get();
      assertThat(admin.listTopics().names().get()).contains("orders");
    } finally {
      broker.stop();
      broker.stop();
    }
    assertThat(broker.isStopped()).isTrue();
    assertThat(broker.startTime()).isPositive().isLessThan(Duration.ofSeconds(60));
    assertThat(broker.toString()).endsWith(", stopped]").contains(broker.bootstrapServers());
  }
}
