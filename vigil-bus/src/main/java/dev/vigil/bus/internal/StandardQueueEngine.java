package dev.vigil.bus.internal;

import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.QueuedMessage.State;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A standard queue: visible messages go out in the order they became visible, unless a reordering
 * fault let one jump ahead. SQS promises no order for standard queues; this one keeps a plain
 * deque, so that tests are reproducible and receives cost O(1).
 */
final class StandardQueueEngine extends QueueEngine {
  private final ArrayDeque<StoredMessage> ready = new ArrayDeque<>();

  StandardQueueEngine(QueueSpec spec) {
    super(spec);
  }

  @Override
  void joined(StoredMessage message) {
    // Only visible messages need a place of their own; the base class keeps the others.
  }

  @Override
  void becameVisible(StoredMessage message) {
    if (message.overtake == 0 || ready.isEmpty()) {
      ready.addLast(message);
      return;
    }
    // Jump ahead of up to `overtake` of the last visible messages, once.
    ArrayDeque<StoredMessage> overtaken = new ArrayDeque<>();
    for (int i = 0; i < message.overtake && !ready.isEmpty(); i++) {
      overtaken.addFirst(ready.pollLast());
    }
    message.overtake = 0;
    ready.addLast(message);
    ready.addAll(overtaken);
  }

  @Override
  void left(StoredMessage message) {
    if (message.state == State.VISIBLE) {
      ready.remove(message);
    }
  }

  @Override
  void select(int max, long visibility, long now, ReceiveOutcome outcome) {
    while (outcome.received.size() < max) {
      StoredMessage message = ready.pollFirst();
      if (message == null) {
        return;
      }
      considerVisible(message, visibility, now, outcome);
    }
  }

  @Override
  List<StoredMessage> inDeliveryOrder() {
    List<StoredMessage> ordered = new ArrayList<>(ready);
    ordered.addAll(waitingInOrder());
    return ordered;
  }

  @Override
  void clearMessages() {
    ready.clear();
  }
}
