package dev.vigil.bus;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The test's side of a {@link Bus}: publish and send typed payloads, take them off queues typed,
 * look at what a queue holds, purge, subscribe and read dead letters — the seed's {@code
 * SNSSQSTestClient} with Java manners. Payloads go through a {@link MessageCodec} (plain JSON by
 * default); waits are the context's, so they return the moment a message arrives and, under virtual
 * time, cost no wall time.
 *
 * <p>Names say what a method does to the queue: {@link #take} and {@link #drain} receive and
 * <em>delete</em> what they return; {@link #peek} and {@link #deadLetters} leave every message
 * where it is.
 *
 * <pre>{@code
 * BusTestClient client = BusTestClient.of(vigil, bus);
 * client.publish("order--created", new OrderCreated("o-1", customerId), correlationId);
 * List<OrderCreated> billed = client.drain("billing", 1, Duration.ofSeconds(10), OrderCreated.class);
 * }</pre>
 *
 * <p>A body the codec cannot read is never lost: the message is made visible again at once, the
 * failure names the queue, the message id and the raw body, and the message stays on the queue.
 *
 * @since 0.1
 */
public final class BusTestClient {
  private final Vigil vigil;
  private final MessageBus bus;
  private final MessageCodec codec;

  private BusTestClient(Vigil vigil, MessageBus bus, MessageCodec codec) {
    this.vigil = Objects.requireNonNull(vigil, "vigil must not be null");
    this.bus = Objects.requireNonNull(bus, "bus must not be null");
    this.codec = Objects.requireNonNull(codec, "codec must not be null");
  }

  /**
   * Creates a client that encodes payloads as plain JSON.
   *
   * @param vigil the context whose waits the client uses
   * @param bus the bus: embedded, Kafka, SQS or any other backend of the contract
   * @return the client
   */
  public static BusTestClient of(Vigil vigil, MessageBus bus) {
    return new BusTestClient(vigil, bus, JsonCodec.plain());
  }

  /**
   * Returns a copy that encodes and decodes with {@code newCodec}, such as {@link
   * JsonCodec#tomodachiJsonBase()}.
   *
   * @param newCodec the codec
   * @return the copy
   */
  public BusTestClient withCodec(MessageCodec newCodec) {
    return new BusTestClient(vigil, bus, newCodec);
  }

  /**
   * Returns the codec this client encodes and decodes payloads with.
   *
   * @return the codec, {@link JsonCodec#plain()} unless set with {@link #withCodec}
   */
  public MessageCodec codec() {
    return codec;
  }

  /**
   * Returns the context whose waits this client's {@link #drain} runs on.
   *
   * @return the context the client was made with
   */
  public Vigil vigil() {
    return vigil;
  }

  /**
   * Returns the bus this client works on.
   *
   * @return the bus
   */
  public MessageBus bus() {
    return bus;
  }

  /**
   * Subscribes a queue to a topic, creating both when missing.
   *
   * @param topic the topic
   * @param queue the queue
   */
  public void subscribe(String topic, String queue) {
    bus.subscribe(topic, queue);
  }

  /**
   * Encodes {@code payload} and publishes it to {@code topic}.
   *
   * @param topic the topic
   * @param payload the payload; a {@link Message} is published as it is
   * @return the message id
   */
  public String publish(String topic, Object payload) {
    return bus.publish(topic, toMessage(payload));
  }

  /**
   * Encodes {@code payload} and publishes it to {@code topic} in the flow {@code correlationId}, so
   * that every timeline entry it causes joins that flow.
   *
   * @param topic the topic
   * @param payload the payload; a {@link Message} is published with the correlation id added
   * @param correlationId the flow's id, carried in the {@code correlation-id} attribute
   * @return the message id
   */
  public String publish(String topic, Object payload, String correlationId) {
    return bus.publish(topic, toMessage(payload, correlationId));
  }

  /**
   * Encodes {@code payload} and sends it to {@code queue}.
   *
   * @param queue the queue
   * @param payload the payload; a {@link Message} is sent as it is
   * @return the message id
   */
  public String send(String queue, Object payload) {
    return bus.send(queue, toMessage(payload));
  }

  /**
   * Encodes {@code payload} and sends it to {@code queue} in the flow {@code correlationId}.
   *
   * @param queue the queue
   * @param payload the payload; a {@link Message} is sent with the correlation id added
   * @param correlationId the flow's id, carried in the {@code correlation-id} attribute
   * @return the message id
   */
  public String send(String queue, Object payload, String correlationId) {
    return bus.send(queue, toMessage(payload, correlationId));
  }

  private Message toMessage(Object payload) {
    Objects.requireNonNull(payload, "payload must not be null");
    return payload instanceof Message message ? message : Message.of(codec.encode(payload));
  }

  private Message toMessage(Object payload, String correlationId) {
    Objects.requireNonNull(correlationId, "correlationId must not be null");
    return toMessage(payload).withCorrelationId(correlationId);
  }

  /**
   * Takes what is visible now off {@code queue} (up to 10 messages): receives, decodes and deletes
   * them. To look without deleting, use {@link #peek}.
   *
   * @param queue the queue
   * @param type the payload type
   * @param <T> the payload type
   * @return the payloads, possibly none; their messages are gone from the queue
   * @throws UndecodableMessageException when a body cannot be read; that message stays on the queue
   */
  public <T> List<T> take(String queue, Class<T> type) {
    return takeUpTo(queue, 10, Duration.ZERO, type);
  }

  /**
   * Takes messages off {@code queue} (receives, decodes and deletes them) until exactly {@code
   * count} have arrived, returning them the moment the last one does; fails listing what did arrive
   * when {@code timeout} passes first.
   *
   * @param queue the queue
   * @param count how many messages to wait for, at least 1
   * @param timeout how long to wait
   * @param type the payload type
   * @param <T> the payload type
   * @return exactly {@code count} payloads, in the order received
   * @throws dev.vigil.WaitTimeoutError when fewer arrive in time
   */
  public <T> List<T> drain(String queue, int count, Duration timeout, Class<T> type) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    bus.spec(queue); // an unknown queue fails now, not as a timeout
    List<T> arrived = new ArrayList<>();
    vigil
        .eventually(
            () -> {
              int wanted = Math.min(10, count - arrived.size());
              arrived.addAll(takeUpTo(queue, wanted, bus.longPollWait(), type));
              return arrived.size() >= count;
            })
        .describedAs(count + " message(s) on queue '" + queue + "'")
        .notYetOn(AssertionError.class) // an undecodable body ends the drain at once
        .diagnostics(() -> arrived.size() + " arrived: " + arrived + "; queue " + bus.stats(queue))
        .within(timeout);
    return arrived;
  }

  /**
   * Decodes the messages of {@code queue}'s dead-letter queue without consuming them; needs a
   * {@link PeekableBus} (embedded, Kafka). On any backend, {@link #drainDeadLetters} takes them.
   *
   * @param queue a queue created with a dead-letter queue
   * @param type the payload type
   * @param <T> the payload type
   * @return the dead letters' payloads, oldest first
   * @throws BusException when the queue has no dead-letter queue or the bus cannot peek
   */
  public <T> List<T> deadLetters(String queue, Class<T> type) {
    return peek(deadLetterQueueOf(queue), type);
  }

  /**
   * Takes {@code count} messages off {@code queue}'s dead-letter queue, as {@link #drain} does: the
   * dead-letter check that works on every backend.
   *
   * @param queue a queue created with a dead-letter queue
   * @param count how many dead letters to wait for, at least 1
   * @param timeout how long to wait
   * @param type the payload type
   * @param <T> the payload type
   * @return exactly {@code count} payloads, in the order received
   * @throws BusException when the queue has no dead-letter queue
   * @throws dev.vigil.WaitTimeoutError when fewer arrive in time
   */
  public <T> List<T> drainDeadLetters(String queue, int count, Duration timeout, Class<T> type) {
    return drain(deadLetterQueueOf(queue), count, timeout, type);
  }

  private String deadLetterQueueOf(String queue) {
    String deadLetterQueue = bus.spec(queue).deadLetterQueue();
    if (deadLetterQueue == null) {
      throw new BusException(
          "queue '"
              + queue
              + "' has no dead-letter queue; create it with"
              + " QueueSpec.withDeadLetterQueue");
    }
    return deadLetterQueue;
  }

  /**
   * Decodes the messages of {@code queue} without receiving or deleting them; needs a {@link
   * PeekableBus} (embedded, Kafka), as SQS can only look by receiving.
   *
   * @param queue the queue
   * @param type the payload type
   * @param <T> the payload type
   * @return the payloads in delivery order, whatever their state
   * @throws BusException when the bus cannot peek
   */
  public <T> List<T> peek(String queue, Class<T> type) {
    List<T> payloads = new ArrayList<>();
    for (QueuedMessage message : peek(queue)) {
      payloads.add(decode(queue, message.messageId(), message.body(), type));
    }
    return payloads;
  }

  /**
   * Returns the messages of {@code queue} as they are, without receiving or deleting them; needs a
   * {@link PeekableBus} (embedded, Kafka), as SQS can only look by receiving.
   *
   * @param queue the queue
   * @return the messages in delivery order, each with its state
   * @throws BusException when the bus cannot peek
   */
  public List<QueuedMessage> peek(String queue) {
    if (!(bus instanceof PeekableBus peekable)) {
      throw new BusException(
          "the "
              + bus.backend()
              + " bus cannot peek at queue '"
              + queue
              + "': it can only look by receiving; use take or drain, or a PeekableBus");
    }
    return peekable.peek(queue);
  }

  /**
   * Deletes every message of {@code queue}.
   *
   * @param queue the queue
   * @return how many were deleted
   */
  public int purge(String queue) {
    return bus.purge(queue);
  }

  private <T> List<T> takeUpTo(String queue, int max, Duration wait, Class<T> type) {
    List<T> payloads = new ArrayList<>();
    for (ReceivedMessage message : bus.receive(queue, Receive.upTo(max).waitingUpTo(wait))) {
      T payload;
      try {
        payload = codec.decode(message.body(), type);
      } catch (UndecodableMessageException undecodable) {
        // Never lose it: back on the queue at once, and onto the timeline for the report.
        bus.release(queue, message.receiptHandle());
        vigil
            .timeline()
            .append(
                BusEntries.CLIENT_SOURCE,
                BusEntries.undecodable(queue),
                message.correlationId(),
                message.messageId(),
                String.valueOf(undecodable.getMessage()),
                Map.of("queue", queue, "messageId", message.messageId()));
        throw withQueue(queue, message.messageId(), undecodable);
      }
      bus.delete(queue, message.receiptHandle());
      payloads.add(payload);
    }
    return payloads;
  }

  private <T> T decode(String queue, String messageId, String body, Class<T> type) {
    try {
      return codec.decode(body, type);
    } catch (UndecodableMessageException undecodable) {
      throw withQueue(queue, messageId, undecodable);
    }
  }

  private static UndecodableMessageException withQueue(
      String queue, String messageId, UndecodableMessageException undecodable) {
    return undecodable.at(queue, messageId);
  }
}
