package dev.vigil.bus.internal;

import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.QueuedMessage.State;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A FIFO queue: messages of one group go out in the order they were sent, and while any message of
 * a group is in flight the group gives out nothing more — so a retried message is redelivered
 * before the ones behind it. Deduplication is the broker's job, before a message gets here.
 */
final class FifoQueueEngine extends QueueEngine {
  /** Groups in the order they were first seen; a group lives while it holds messages. */
  private final Map<String, Group> groups = new LinkedHashMap<>();

  FifoQueueEngine(QueueSpec spec) {
    super(spec);
  }

  /** One message group: its messages in order, and how many of them are in flight. */
  private static final class Group {
    final ArrayDeque<StoredMessage> messages = new ArrayDeque<>();
    int inFlight;
  }

  @Override
  void joined(StoredMessage message) {
    groups.computeIfAbsent(groupOf(message), g -> new Group()).messages.addLast(message);
  }

  @Override
  void becameVisible(StoredMessage message) {
    // The message keeps its place in its group; being visible is enough.
  }

  @Override
  void returnedFromFlight(StoredMessage message) {
    Group group = groups.get(groupOf(message));
    if (group != null) {
      group.inFlight--;
    }
  }

  @Override
  void left(StoredMessage message) {
    String id = groupOf(message);
    Group group = groups.get(id);
    if (group == null) {
      return;
    }
    if (message.state == State.IN_FLIGHT) {
      group.inFlight--;
    }
    group.messages.remove(message);
    if (group.messages.isEmpty()) {
      groups.remove(id);
    }
  }

  @Override
  void select(int max, long visibility, long now, ReceiveOutcome outcome) {
    for (Iterator<Group> groupIterator = groups.values().iterator(); groupIterator.hasNext(); ) {
      if (outcome.received.size() >= max) {
        return;
      }
      Group group = groupIterator.next();
      if (group.inFlight > 0) {
        continue;
      }
      takeInOrder(group, max, visibility, now, outcome);
      if (group.messages.isEmpty()) {
        groupIterator.remove();
      }
    }
  }

  /** Takes the group's visible messages from its head, stopping at the first that is not. */
  private void takeInOrder(
      Group group, int max, long visibility, long now, ReceiveOutcome outcome) {
    // The group had nothing in flight, so its head is visible or delayed; what this loop
    // delivers stays in place, behind the iterator.
    for (Iterator<StoredMessage> it = group.messages.iterator(); it.hasNext(); ) {
      if (outcome.received.size() >= max) {
        return;
      }
      StoredMessage message = it.next();
      if (message.state == State.DELAYED) {
        return;
      }
      if (considerVisible(message, visibility, now, outcome)) {
        group.inFlight++;
      } else {
        it.remove();
      }
    }
  }

  @Override
  List<StoredMessage> inDeliveryOrder() {
    List<StoredMessage> ordered = new ArrayList<>();
    for (Group group : groups.values()) {
      ordered.addAll(group.messages);
    }
    return ordered;
  }

  @Override
  void clearMessages() {
    groups.clear();
  }

  private static String groupOf(StoredMessage message) {
    return Objects.requireNonNull(message.groupId, "FIFO message without a group");
  }
}
