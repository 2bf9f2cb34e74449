package dev.vigil.bus.internal;

import dev.vigil.bus.Message;

/** The rules SQS applies to a message before accepting it, with errors that name what broke. */
final class MessageRules {
  private MessageRules() {}

  /** Checks what SQS checks of any message: its delay and its size. */
  static void checkLimits(String target, Message message) {
    SqsLimits.checkRange("delay", message.delay(), SqsLimits.MAX_DELAY);
    int size = SqsLimits.sizeOf(message.body(), message.attributes());
    if (size > SqsLimits.MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException(
          "message to '"
              + target
              + "' is "
              + size
              + " bytes; SQS accepts at most "
              + SqsLimits.MAX_MESSAGE_BYTES
              + " (256 KiB), body and attributes together");
    }
  }

  /** Checks what a FIFO queue asks of a message: a group, and no delay of its own. */
  static void checkFifoRules(QueueEngine queue, Message message) {
    if (!queue.fifo) {
      return;
    }
    String groupId = message.groupId();
    if (groupId == null) {
      throw new IllegalArgumentException(
          "a message sent to FIFO queue '"
              + queue.name()
              + "' needs a groupId (Message.withGroupId)");
    }
    SqsLimits.checkFifoId("groupId", groupId);
    if (!message.delay().isZero()) {
      throw new IllegalArgumentException(
          "FIFO queue '"
              + queue.name()
              + "' does not accept a per-message delay, was "
              + message.delay()
              + "; set the queue's delay instead");
    }
  }

  /** Returns the deduplication id: the message's own, or a hash of its body. */
  static String deduplicationIdOf(QueueEngine queue, Message message) {
    String explicit = message.deduplicationId();
    if (explicit != null) {
      SqsLimits.checkFifoId("deduplicationId", explicit);
      return explicit;
    }
    if (!queue.spec.contentBasedDeduplication()) {
      throw new IllegalArgumentException(
          "a message sent to FIFO queue '"
              + queue.name()
              + "' needs a deduplicationId, or the"
              + " queue needs content-based deduplication (QueueSpec.withContentBasedDeduplication)");
    }
    return Deduplication.contentHash(message.body());
  }
}
