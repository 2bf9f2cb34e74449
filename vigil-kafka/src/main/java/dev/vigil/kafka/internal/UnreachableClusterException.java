package dev.vigil.kafka.internal;

import dev.vigil.bus.BusException;
import java.time.Duration;

/** The cluster did not answer within the clients' timeout. */
public final class UnreachableClusterException extends BusException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param bootstrapServers the cluster
   * @param timeout how long the client waited
   * @param cause the client's timeout
   */
  public UnreachableClusterException(String bootstrapServers, Duration timeout, Throwable cause) {
    super(KafkaTexts.unreachable(bootstrapServers, timeout));
    initCause(cause);
  }
}
