package dev.vigil.kafka;

import java.util.Objects;

/**
 * The source and types of the timeline entries a {@link KafkaCapture} records. A {@link KafkaBus}
 * also records the bus's own entries, under {@link dev.vigil.bus.BusEntries#SOURCE} with attribute
 * {@code backend=kafka}.
 *
 * <table>
 *   <caption>Entry types of source {@value #SOURCE}</caption>
 *   <tr><th>method</th><th>type</th><th>recorded when</th></tr>
 *   <tr><td>{@link #record}</td><td>{@code record <topic>}</td>
 *       <td>the capture read a record; attributes {@code topic}, {@code partition},
 *       {@code offset} and {@code key}</td></tr>
 *   <tr><td>{@link #disconnected}</td><td>{@code disconnected <servers>}</td>
 *       <td>the capture lost its connection to the cluster (a broker stopped)</td></tr>
 *   <tr><td>{@link #reconnected}</td><td>{@code reconnected <servers>}</td>
 *       <td>the connection came back</td></tr>
 *   <tr><td>{@link #pollFailed}</td><td>{@code poll-failed <servers>}</td>
 *       <td>a poll failed; attribute {@code exception} names the class</td></tr>
 * </table>
 *
 * @since 0.1
 */
public final class KafkaEntries {

  /** The source of every entry a capture records. */
  public static final String SOURCE = "kafka";

  private KafkaEntries() {}

  /**
   * Returns the type of a record read from {@code topic}.
   *
   * @param topic the topic
   * @return {@code record <topic>}
   */
  public static String record(String topic) {
    return type("record", topic);
  }

  /**
   * Returns the type of a lost connection.
   *
   * @param bootstrapServers the cluster
   * @return {@code disconnected <servers>}
   */
  public static String disconnected(String bootstrapServers) {
    return type("disconnected", bootstrapServers);
  }

  /**
   * Returns the type of a connection that came back.
   *
   * @param bootstrapServers the cluster
   * @return {@code reconnected <servers>}
   */
  public static String reconnected(String bootstrapServers) {
    return type("reconnected", bootstrapServers);
  }

  /**
   * Returns the type of a failed poll.
   *
   * @param bootstrapServers the cluster
   * @return {@code poll-failed <servers>}
   */
  public static String pollFailed(String bootstrapServers) {
    return type("poll-failed", bootstrapServers);
  }

  private static String type(String what, String where) {
    return what + " " + Objects.requireNonNull(where, "topic or servers must not be null");
  }
}
