package dev.vigil.kafka.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The settings of every client Vigil opens: bounded timeouts (so an unreachable cluster fails a
 * call within {@link #API_TIMEOUT} instead of blocking for a minute), no auto-created topics, no
 * consumer group, bytes in and out.
 */
public final class ClientSettings {

  /** How long one call to the cluster may take before it fails naming the servers. */
  public static final Duration API_TIMEOUT = Duration.ofSeconds(5);

  private ClientSettings() {}

  /**
   * Returns the settings of a group-less consumer that reads bytes from assigned partitions.
   *
   * @param bootstrapServers the cluster
   * @param clientId the client's id, as the broker's logs show it
   * @return the settings
   */
  public static Map<String, Object> consumer(String bootstrapServers, String clientId) {
    Map<String, Object> settings = common(bootstrapServers, clientId);
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A metadata request must never create the topic a typo named.
    settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    settings.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
    settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
    return settings;
  }

  /**
   * Returns the settings of a producer of bytes that sends each record at once ({@code
   * linger.ms=0}) and fails within {@link #API_TIMEOUT} when the cluster is away.
   *
   * @param bootstrapServers the cluster
   * @param clientId the client's id
   * @return the settings
   */
  public static Map<String, Object> producer(String bootstrapServers, String clientId) {
    Map<String, Object> settings = common(bootstrapServers, clientId);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(API_TIMEOUT));
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(API_TIMEOUT) - 1000);
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(API_TIMEOUT));
    return settings;
  }

  /**
   * Returns the settings of an admin client.
   *
   * @param bootstrapServers the cluster
   * @param clientId the client's id
   * @return the settings
   */
  public static Map<String, Object> admin(String bootstrapServers, String clientId) {
    return common(bootstrapServers, clientId);
  }

  private static Map<String, Object> common(String bootstrapServers, String clientId) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
    settings.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(API_TIMEOUT));
    settings.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis(API_TIMEOUT));
    settings.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 1000L);
    settings.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 2000L);
    settings.put(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, 20L);
    settings.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500L);
    return settings;
  }

  private static int millis(Duration duration) {
    return (int) duration.toMillis();
  }
}
