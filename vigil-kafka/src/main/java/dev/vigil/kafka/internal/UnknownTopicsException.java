package dev.vigil.kafka.internal;

import dev.vigil.bus.BusException;
import java.util.List;

/** Topics asked for do not exist on the cluster. */
public final class UnknownTopicsException extends BusException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param bootstrapServers the cluster
   * @param topics the topics that do not exist
   */
  public UnknownTopicsException(String bootstrapServers, List<String> topics) {
    super(KafkaTexts.unknownTopics(bootstrapServers, topics));
  }
}
