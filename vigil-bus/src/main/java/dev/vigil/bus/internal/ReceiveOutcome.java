package dev.vigil.bus.internal;

import dev.vigil.bus.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * What one pass over a queue did, gathered under the queue's lock and reported after it is
 * released: the messages received, and those it found expired, due for the dead-letter queue, or
 * back from an ended visibility timeout.
 */
final class ReceiveOutcome {
  /** The receipts, as taken under the lock: a message may be received again once it is released. */
  final List<ReceivedMessage> received = new ArrayList<>();

  final List<ReceivedMessage> retried = new ArrayList<>();
  final List<StoredMessage> deadLettered = new ArrayList<>();
  final List<StoredMessage> expired = new ArrayList<>();

  /** How many messages became visible: ended delays and visibility timeouts. */
  int promoted;

  /** When the broker must schedule the queue's next wake-up; {@code Long.MAX_VALUE} for none. */
  long wakeAt = Long.MAX_VALUE;

  boolean somethingHappened() {
    return !received.isEmpty()
        || promoted > 0
        || !deadLettered.isEmpty()
        || !expired.isEmpty()
        || wakeAt != Long.MAX_VALUE;
  }
}
