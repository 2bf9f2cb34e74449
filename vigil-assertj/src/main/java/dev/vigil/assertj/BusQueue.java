package dev.vigil.assertj;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.bus.BusException;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.UndecodableMessageException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One queue of a bus as a test client sees it: the object under test of a {@link QueueAssert}.
 * Reading it never consumes: it peeks, so every message stays where it is, whatever its state.
 *
 * @param client the client whose bus holds the queue and whose codec reads the bodies
 * @param name the queue's name
 * @since 0.1
 */
public record BusQueue(BusTestClient client, String name) {

  /**
   * Checks the components.
   *
   * @param client not null
   * @param name not blank
   */
  public BusQueue {
    Objects.requireNonNull(client, "client must not be null");
    Objects.requireNonNull(name, "name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
    }
  }

  /**
   * Returns the messages the queue holds now, in delivery order, without receiving them.
   *
   * @return visible, in-flight and delayed messages alike
   * @throws BusException when the queue does not exist, or the bus cannot peek (SQS)
   */
  public List<QueuedMessage> messages() {
    return client.peek(name);
  }

  /**
   * Returns the queue's dead-letter queue.
   *
   * @return the dead-letter queue, seen through the same client
   * @throws BusException when the queue has none, or does not exist
   */
  public BusQueue deadLetterQueue() {
    String deadLetterQueue = client.bus().spec(name).deadLetterQueue();
    if (deadLetterQueue == null) {
      throw new BusException(
          "queue '"
              + name
              + "' has no dead-letter queue; create it with QueueSpec.withDeadLetterQueue");
    }
    return new BusQueue(client, deadLetterQueue);
  }

  /**
   * Reads a message's payload as JSON with the client's codec (which sees through an SNS envelope,
   * and through tomodachi's if the codec expects it).
   *
   * @param message a message of this queue
   * @return the payload, or empty when the codec cannot read it as JSON
   */
  public Optional<JsonNode> payload(QueuedMessage message) {
    try {
      return Optional.of(client.codec().decode(message.body(), JsonNode.class));
    } catch (UndecodableMessageException notJson) {
      return Optional.empty();
    }
  }

  /**
   * Names the queue as failures do.
   *
   * @return such as {@code queue billing}
   */
  @Override
  public String toString() {
    return "queue " + name;
  }
}
