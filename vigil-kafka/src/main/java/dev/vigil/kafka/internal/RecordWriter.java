package dev.vigil.kafka.internal;

import dev.vigil.bus.BusException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/** Writes records one at a time and waits for the broker's acknowledgement, within a bound. */
public final class RecordWriter implements AutoCloseable {
  private final String bootstrapServers;
  private final KafkaProducer<byte[], byte[]> producer;

  /**
   * Opens a producer.
   *
   * @param bootstrapServers the cluster
   * @param clientId the client's id
   */
  public RecordWriter(String bootstrapServers, String clientId) {
    this.bootstrapServers = bootstrapServers;
    this.producer = new KafkaProducer<>(ClientSettings.producer(bootstrapServers, clientId));
  }

  /**
   * Writes one record and waits until the broker has it.
   *
   * @param topic the topic
   * @param key the key, or {@code null}
   * @param value the value
   * @param headers the headers
   * @return where the record went
   * @throws BusException naming the topic and the servers when the write fails or times out
   */
  public RecordMetadata write(String topic, @Nullable String key, byte[] value, Headers headers) {
    byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, null, keyBytes, value, headers);
    try {
      return producer
          .send(record)
          .get(ClientSettings.API_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException failed) {
      throw failure(topic, failed.getCause() == null ? failed : failed.getCause());
    } catch (TimeoutException | RuntimeException failed) {
      throw failure(topic, failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failure(topic, interrupted);
    }
  }

  private BusException failure(String topic, Throwable cause) {
    BusException failure =
        new BusException(KafkaTexts.produceFailed(topic, bootstrapServers, cause));
    failure.initCause(cause);
    return failure;
  }

  @Override
  public void close() {
    producer.close(Duration.ZERO);
  }
}
