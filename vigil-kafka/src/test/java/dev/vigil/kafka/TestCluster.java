package dev.vigil.kafka;

import dev.vigil.kafka.internal.ClientSettings;
import dev.vigil.kafka.internal.TopicAdmin;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/** The code under test's side of a cluster: its own topics and a plain producer. */
final class TestCluster implements AutoCloseable {
  private final TopicAdmin admin;
  private final KafkaProducer<byte[], byte[]> producer;

  TestCluster(String bootstrapServers) {
    this.admin = new TopicAdmin(bootstrapServers, "test-admin");
    this.producer = new KafkaProducer<>(ClientSettings.producer(bootstrapServers, "test-app"));
  }

  String createTopic(String base) {
    String topic = KafkaBus.uniqueName(base);
    admin.create(topic, 1);
    return topic;
  }

  RecordMetadata produce(String topic, @Nullable String key, String value) throws Exception {
    return produce(topic, key, value.getBytes(StandardCharsets.UTF_8), new RecordHeaders());
  }

  RecordMetadata produce(String topic, @Nullable String key, byte[] value, RecordHeaders headers)
      throws Exception {
    byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    return producer
        .send(new ProducerRecord<>(topic, null, keyBytes, value, headers))
        .get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    producer.close();
    admin.close();
  }
}
