package dev.vigil.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kafka.internal.KafkaTexts;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The texts no broker test reaches in full. */
class KafkaTextsTest {

  @Test
  void several_unknown_topics_are_named_together() {
    assertThat(KafkaTexts.unknownTopics("h:1", List.of("a", "b")))
        .isEqualTo(
            "no topics 'a', 'b' on Kafka at h:1; create it first (KafkaBus.createTopic or an admin"
                + " client): Vigil never creates a topic that a name merely mentions");
  }

  @Test
  void a_failed_write_names_the_topic_the_servers_and_the_cause() {
    assertThat(KafkaTexts.produceFailed("orders", "h:1", new IOException("broken pipe")))
        .isEqualTo(
            "could not write to topic 'orders' on Kafka at h:1: java.io.IOException: broken pipe");
  }

  @Test
  void the_unreachable_text_gives_the_bound_in_milliseconds() {
    assertThat(KafkaTexts.unreachable("h:1", Duration.ofSeconds(5)))
        .isEqualTo(
            "cannot reach Kafka at h:1 within 5000 ms: is a broker running there, and is the"
                + " address right?");
  }
}
