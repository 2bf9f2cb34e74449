package dev.vigil.bus.internal;

import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.QueuedMessage.State;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A standard queue: visible messages go out by their delivery key (arrival order unless a
 * reordering fault moved them), with no ordering promise across receives, as in SQS.
 */
final class StandardQueueEngine extends QueueEngine {
  private final PriorityQueue<StoredMessage> ready =
      new PriorityQueue<>(StoredMessage.BY_ORDER_KEY);

  StandardQueueEngine(QueueSpec spec) {
    super(spec);
  }

  @Override
  void joined(StoredMessage message) {
    // Only visible messages need a place of their own; the base class keeps the others.
  }

  @Override
  void becameVisible(StoredMessage message) {
    ready.add(message);
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
      StoredMessage message = ready.poll();
      if (message == null) {
        return;
      }
      considerVisible(message, visibility, now, outcome);
    }
  }

  @Override
  List<StoredMessage> inDeliveryOrder() {
    List<StoredMessage> ordered = new ArrayList<>(ready);
    ordered.sort(StoredMessage.BY_ORDER_KEY);
    ordered.addAll(waitingInOrder());
    return ordered;
  }

  @Override
  void clearMessages() {
    ready.clear();
  }
}
