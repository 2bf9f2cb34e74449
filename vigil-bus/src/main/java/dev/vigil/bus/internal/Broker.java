package dev.vigil.bus.internal;

import dev.vigil.bus.BusException;
import dev.vigil.bus.ConsumerOptions;
import dev.vigil.bus.FaultPlan;
import dev.vigil.bus.Message;
import dev.vigil.bus.MessageHandler;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.QueueStats;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.bus.Subscription;
import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import dev.vigil.timeline.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The embedded broker: topics, queues and consumers on one context's time source, recording into
 * its timeline. Queue state lives in {@link QueueEngine}s, each under its own lock; the broker
 * reads the time, applies faults, moves dead letters between queues (never holding two queue locks
 * at once), schedules the wake-ups that make delayed and timed-out messages visible on time, and
 * wakes consumers.
 */
public final class Broker implements AutoCloseable {
  private final TimeSource time;
  private final Signal signal;
  private final BusEvents events;
  private final FaultInjector faults;
  private final MessageIds ids;
  private final Deduplication deduplication = new Deduplication();
  private final AtomicLong serials = new AtomicLong();
  private final Topology topology = new Topology();
  private final Set<ConsumerLoop> consumers = ConcurrentHashMap.newKeySet();

  /**
   * Creates a broker.
   *
   * @param time the context's time source
   * @param signal the context's signal
   * @param timeline the context's timeline
   * @param seed drives message ids and faults, so that runs repeat
   */
  public Broker(TimeSource time, Signal signal, Timeline timeline, long seed) {
    this.time = time;
    this.signal = signal;
    this.events = new BusEvents(timeline);
    this.faults = new FaultInjector(seed);
    this.ids = new MessageIds(seed);
  }

  // ---- topology

  /** Creates a topic unless it exists. */
  public void createTopic(String name) {
    topology.createTopic(name);
  }

  /** Creates a queue (and its dead-letter queue) unless it exists with the same spec. */
  public void createQueue(QueueSpec spec) {
    topology.createQueue(spec);
  }

  /** Deletes a topic and its subscriptions. */
  public void deleteTopic(String name) {
    topology.deleteTopic(name);
  }

  /** Deletes a queue, its messages, its consumers and its subscriptions. */
  public void deleteQueue(String name) {
    QueueEngine engine = topology.deleteQueue(name);
    for (ConsumerLoop consumer : engine.consumers) {
      consumer.close();
    }
    deduplication.forget(name);
  }

  /** Subscribes a queue to a topic, creating both when missing. */
  public void subscribe(Subscription subscription) {
    topology.subscribe(subscription);
  }

  /** Returns the spec a queue was created with. */
  public QueueSpec spec(String queueName) {
    return topology.spec(queueName);
  }

  /** Returns the names of the queues, sorted. */
  public Set<String> queueNames() {
    return topology.queueNames();
  }

  /** Returns the names of the topics, sorted. */
  public Set<String> topicNames() {
    return topology.topicNames();
  }

  // ---- publishing and sending

  /** Publishes to a topic's subscribed queues; returns the SNS message id. */
  public String publish(String topicName, Message message) {
    Objects.requireNonNull(message, "message must not be null");
    TopicState topic = topology.topic(topicName);
    MessageRules.checkLimits(topicName, message);
    if (topic.fifo() && message.groupId() == null) {
      throw new IllegalArgumentException(
          "a message published to FIFO topic '"
              + topicName
              + "' needs a groupId (Message.withGroupId)");
    }
    String correlationId = correlationOf(message);
    failIfPlanned(topicName, correlationId);
    String snsMessageId = ids.next();
    List<QueueEngine> targets = new ArrayList<>();
    List<Message> copies = new ArrayList<>();
    for (TopicState.Route route : topic.routes) {
      QueueEngine queue = topology.queueIfPresent(route.subscription().queue());
      if (queue == null || !route.policy().matches(message)) {
        continue; // unmatched, or the queue was deleted since it subscribed
      }
      Message tagged = withCorrelation(message, correlationId);
      targets.add(queue);
      copies.add(
          route.subscription().rawDelivery() ? tagged : enveloped(topic, snsMessageId, tagged));
    }
    // The publish goes on the timeline before the deliveries it causes.
    events.published(
        topicName,
        snsMessageId,
        correlationId,
        message.body(),
        targets.stream().map(QueueEngine::name).toList());
    for (int i = 0; i < targets.size(); i++) {
      enqueue(targets.get(i), copies.get(i), correlationId);
    }
    return snsMessageId;
  }

  private Message enveloped(TopicState topic, String snsMessageId, Message message) {
    String body =
        SnsEnvelope.wrap(
            snsMessageId, topic.arn, null, message.body(), message.attributes(), time.instant());
    // SNS puts the attributes inside the envelope, not on the SQS message.
    return new Message(
        body, Map.of(), message.groupId(), message.deduplicationId(), message.delay());
  }

  /** Sends to a queue; returns the SQS message id (the first one's, for a FIFO duplicate). */
  public String send(String queueName, Message message) {
    Objects.requireNonNull(message, "message must not be null");
    QueueEngine queue = queue(queueName);
    MessageRules.checkLimits(queueName, message);
    String correlationId = correlationOf(message);
    failIfPlanned(queueName, correlationId);
    return enqueue(queue, withCorrelation(message, correlationId), correlationId);
  }

  /** The message's own correlation id, else that of the message being handled on this thread. */
  private static @Nullable String correlationOf(Message message) {
    String own = message.correlationId();
    return own != null ? own : HandlingContext.correlationId();
  }

  private static Message withCorrelation(Message message, @Nullable String correlationId) {
    if (correlationId == null || correlationId.equals(message.correlationId())) {
      return message;
    }
    return message.withCorrelationId(correlationId);
  }

  private String enqueue(QueueEngine queue, Message message, @Nullable String correlationId) {
    MessageRules.checkFifoRules(queue, message);
    long now = time.nanoTime();
    String messageId = ids.next();
    if (queue.fifo) {
      String deduplicationId = MessageRules.deduplicationIdOf(queue, message);
      String first = deduplication.firstOrRemember(queue.name(), deduplicationId, messageId, now);
      if (first != null) {
        events.deduplicated(queue.name(), deduplicationId, first, correlationId);
        return first;
      }
    }
    FaultPlan plan = faults.planFor(queue.name());
    StoredMessage stored = store(queue, messageId, message, correlationId, now, plan);
    long extraDelay = extraDelay(queue, stored, plan);
    long hold = message.delay().toNanos() + extraDelay;
    // Recorded before the message is in the queue: a consumer on another thread may receive it
    // at once, and its receipt must not come before the send on the timeline.
    events.sent(queue, stored);
    long wakeAt = queue.add(stored, hold, now);
    if (!queue.fifo && faults.strikes("duplicate", queue.name(), plan.duplicates())) {
      StoredMessage twin = store(queue, messageId, message, correlationId, now, plan);
      events.fault("duplicate", queue.name(), messageId, correlationId, "message enqueued twice");
      wakeAt = Math.min(wakeAt, queue.add(twin, hold, now));
    }
    // The entry above woke waiters before the message could be received: wake them again now
    // that it can, or a long poll that looked in between would sleep through it.
    signal.pulse();
    scheduleWake(queue, wakeAt);
    notifyConsumers(queue);
    return messageId;
  }

  private StoredMessage store(
      QueueEngine queue,
      String messageId,
      Message message,
      @Nullable String correlationId,
      long now,
      FaultPlan plan) {
    long serial = serials.incrementAndGet();
    // Serials grow, so they serve as the FIFO sequence numbers SQS hands out.
    String sequenceNumber = queue.fifo ? String.format("%020d", serial) : null;
    StoredMessage stored =
        new StoredMessage(
            queue.name(),
            messageId,
            message.body(),
            message.attributes(),
            correlationId,
            message.groupId(),
            sequenceNumber,
            time.instant(),
            now,
            serial);
    if (plan.reorderWindow() > 0 && !queue.fifo) {
      stored.overtake = (int) faults.draw(plan.reorderWindow() + 1L);
      if (stored.overtake > 0) {
        events.fault(
            "reorder",
            queue.name(),
            messageId,
            correlationId,
            "may overtake up to " + stored.overtake + " earlier messages");
      }
    }
    return stored;
  }

  private long extraDelay(QueueEngine queue, StoredMessage stored, FaultPlan plan) {
    long max = plan.maxDelay().toNanos();
    if (max == 0) {
      return 0;
    }
    long min = plan.minDelay().toNanos();
    long delay = min + faults.draw(max - min + 1);
    events.fault(
        "delay",
        queue.name(),
        stored.messageId,
        stored.correlationId,
        "delivery delayed by " + Duration.ofNanos(delay));
    return delay;
  }

  private void failIfPlanned(String target, @Nullable String correlationId) {
    FaultPlan plan = faults.planFor(target);
    if (faults.strikes("publish-failure", target, plan.publishFailures())) {
      events.fault("publish-failure", target, null, correlationId, "publish failed on purpose");
      throw new BusException(
          "publish to '" + target + "' failed: injected by the fault plan (nothing was enqueued)");
    }
  }

  // ---- receiving and acknowledging

  /** Receives, waiting up to the request's (or queue's) wait time for a first message. */
  public List<ReceivedMessage> receive(String queueName, Receive request) {
    Objects.requireNonNull(request, "request must not be null");
    QueueEngine queue = queue(queueName);
    long visibility = visibilityOf(queue, request.visibilityTimeout());
    Duration wait = request.waitTime() != null ? request.waitTime() : queue.spec.receiveWaitTime();
    long deadline = time.nanoTime() + wait.toNanos();
    while (true) {
      long seen = signal.version();
      List<ReceivedMessage> batch = receiveNow(queue, request.maxMessages(), visibility);
      long now = time.nanoTime();
      if (!batch.isEmpty() || now >= deadline) {
        return batch;
      }
      long wakeAt = Math.min(deadline, queue.nextChangeNanos());
      try {
        time.awaitChange(signal, seen, wakeAt);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
  }

  /** Receives what is visible now, without waiting. */
  List<ReceivedMessage> receiveNow(QueueEngine queue, int max, long visibility) {
    ReceiveOutcome outcome = queue.receive(max, visibility, time.nanoTime());
    report(queue, outcome);
    return outcome.received;
  }

  long visibilityOf(QueueEngine queue, @Nullable Duration override) {
    return override != null ? override.toNanos() : queue.visibilityNanos;
  }

  /** Deletes by receipt handle; {@code false} when the handle is stale or unknown. */
  public boolean delete(String queueName, String receiptHandle) {
    return delete(queue(queueName), receiptHandle);
  }

  boolean delete(QueueEngine queue, String receiptHandle) {
    Objects.requireNonNull(receiptHandle, "receiptHandle must not be null");
    StoredMessage deleted = queue.delete(receiptHandle);
    if (deleted == null) {
      events.deleteIgnored(queue.name(), receiptHandle);
      return false;
    }
    events.acknowledged(queue, deleted);
    if (queue.fifo) {
      notifyConsumers(queue); // the message's group may give out its next message now
    }
    return true;
  }

  /**
   * Deletes a consumer's batch of receipts under one lock, as SQS's DeleteMessageBatch does.
   *
   * @return how many were deleted
   */
  int deleteAll(QueueEngine queue, List<String> receiptHandles) {
    if (receiptHandles.isEmpty()) {
      return 0;
    }
    List<@Nullable StoredMessage> results = queue.deleteAll(receiptHandles);
    List<StoredMessage> deleted = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      StoredMessage message = results.get(i);
      if (message == null) {
        events.deleteIgnored(queue.name(), receiptHandles.get(i));
      } else {
        deleted.add(message);
      }
    }
    events.acknowledged(queue, deleted);
    if (queue.fifo) {
      notifyConsumers(queue); // the messages' groups may give out their next messages now
    }
    return deleted.size();
  }

  /** Changes an in-flight message's visibility timeout, counted from now. */
  public void changeVisibility(String queueName, String receiptHandle, Duration timeout) {
    QueueEngine queue = queue(queueName);
    Objects.requireNonNull(receiptHandle, "receiptHandle must not be null");
    SqsLimits.checkRange("timeout", timeout, SqsLimits.MAX_VISIBILITY);
    StoredMessage message =
        queue.changeVisibility(receiptHandle, timeout.toNanos(), time.nanoTime());
    events.visibilityChanged(queueName, message, timeout.toString());
    scheduleWake(queue, queue.claimNextWake());
  }

  /** Deletes every message of a queue. */
  public int purge(String queueName) {
    QueueEngine queue = queue(queueName);
    int count = queue.purge();
    events.purged(queueName, count);
    return count;
  }

  /** Purges every queue. */
  public int purgeAll(Set<String> names) {
    int total = 0;
    for (String name : names) {
      total += purge(name);
    }
    return total;
  }

  /** Returns a queue's counts by state. */
  public QueueStats stats(String queueName) {
    QueueEngine queue = queue(queueName);
    ReceiveOutcome outcome = new ReceiveOutcome();
    QueueStats stats = queue.stats(time.nanoTime(), outcome);
    report(queue, outcome);
    return stats;
  }

  /** Returns a queue's messages without receiving them. */
  public List<QueuedMessage> peek(String queueName) {
    QueueEngine queue = queue(queueName);
    ReceiveOutcome outcome = new ReceiveOutcome();
    List<QueuedMessage> messages = queue.peek(time.nanoTime(), outcome);
    report(queue, outcome);
    return messages;
  }

  // ---- consumers

  /** Starts a consumer on a queue. */
  public ConsumerLoop consume(String queueName, MessageHandler handler, ConsumerOptions options) {
    QueueEngine queue = queue(queueName);
    Objects.requireNonNull(handler, "handler must not be null");
    Objects.requireNonNull(options, "options must not be null");
    ConsumerLoop consumer = new ConsumerLoop(this, queue, handler, options, time);
    consumers.add(consumer);
    queue.consumers.add(consumer);
    consumer.wake();
    return consumer;
  }

  void consumerClosed(ConsumerLoop consumer) {
    consumers.remove(consumer);
  }

  /** Reports a handler's failure; the message stays in flight and is retried in time. */
  void handlerFailed(ReceivedMessage message, Throwable failure) {
    events.handlerFailed(message, failure);
  }

  /** Tells whether a consumer's acknowledgement of {@code message} is lost on purpose. */
  boolean crashBeforeAck(QueueEngine queue, ReceivedMessage message) {
    FaultPlan plan = faults.planFor(queue.name());
    if (!faults.strikes("crash-before-ack", queue.name(), plan.crashBeforeAck())) {
      return false;
    }
    events.fault(
        "crash-before-ack",
        queue.name(),
        message.messageId(),
        message.correlationId(),
        "handler succeeded, acknowledgement lost: redelivered after the visibility timeout");
    return true;
  }

  // ---- faults

  /** Sets the bus-wide fault plan. */
  public void injectFaults(FaultPlan plan) {
    faults.plan(Objects.requireNonNull(plan, "plan must not be null"));
  }

  /** Sets the fault plan of one queue or topic. */
  public void injectFaults(String target, FaultPlan plan) {
    Objects.requireNonNull(plan, "plan must not be null");
    if (!topology.hasQueueOrTopic(target)) {
      throw new BusException(
          "no queue or topic named '"
              + target
              + "' to inject faults into; queues: "
              + queueNames()
              + ", topics: "
              + topicNames());
    }
    faults.plan(target, plan);
  }

  /** Removes every fault plan. */
  public void clearFaults() {
    faults.clear();
  }

  // ---- bookkeeping

  /**
   * Records what a pass over a queue found: receipts, retries, expiries, and dead letters, which
   * move to the dead-letter queue here, after the source queue's lock is released.
   */
  private void report(QueueEngine queue, ReceiveOutcome outcome) {
    if (!outcome.somethingHappened()) {
      return;
    }
    for (ReceivedMessage message : outcome.retried) {
      events.retried(queue, message);
    }
    for (StoredMessage message : outcome.expired) {
      events.expired(queue.name(), message);
    }
    if (!outcome.received.isEmpty()) {
      events.received(queue, outcome.received);
    }
    for (StoredMessage message : outcome.deadLettered) {
      moveToDeadLetterQueue(queue, message);
    }
    scheduleWake(queue, outcome.wakeAt);
    if (outcome.promoted > 0) {
      notifyConsumers(queue);
    }
  }

  private void moveToDeadLetterQueue(QueueEngine from, StoredMessage message) {
    String target = Objects.requireNonNull(from.spec.deadLetterQueue());
    // Topology refuses to delete a queue that another queue dead-letters into.
    QueueEngine deadLetters = topology.queue(target);
    events.deadLettered(from.name(), target, message);
    StoredMessage moved = message.movedTo(target, serials.incrementAndGet());
    scheduleWake(deadLetters, deadLetters.add(moved, 0, time.nanoTime()));
    signal.pulse(); // the entry above came first; the message is receivable only now
    notifyConsumers(deadLetters);
  }

  /** Schedules the wake-up a queue claimed, if it claimed one. */
  private void scheduleWake(QueueEngine queue, long at) {
    if (at == Long.MAX_VALUE) {
      return;
    }
    long delay = Math.max(0, at - time.nanoTime());
    try {
      // Nobody waits on a wake-up: it reports what it finds on the timeline itself.
      var unused = time.scheduler().schedule(() -> wake(queue, at), delay, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      queue.unclaimWake(at); // the context is closing; nothing will run again
    }
  }

  /** Runs when a delay or visibility timeout ends: brings messages back and wakes waiters. */
  private void wake(QueueEngine queue, long at) {
    if (!topology.isCurrent(queue)) {
      return; // deleted
    }
    ReceiveOutcome outcome = queue.wake(at, time.nanoTime());
    report(queue, outcome);
    if (outcome.promoted > 0) {
      signal.pulse(); // an ended delay records nothing, yet a waiting receive must look again
    }
  }

  private void notifyConsumers(QueueEngine queue) {
    for (ConsumerLoop consumer : queue.consumers) {
      consumer.wake();
    }
  }

  QueueEngine queue(String name) {
    return topology.queue(name);
  }

  /** Stops every consumer. */
  @Override
  public void close() {
    for (ConsumerLoop consumer : List.copyOf(consumers)) {
      consumer.close();
    }
  }
}
