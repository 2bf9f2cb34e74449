package dev.vigil.kafka;

import dev.vigil.bus.ReceivedMessage;
import dev.vigil.kafka.internal.HandlerLoop;
import dev.vigil.kafka.internal.QueueView;
import org.apache.kafka.common.TopicPartition;

/** The handler loops' side of the bus: its entries, its capture, its dead letters. */
final class HandlerEvents implements HandlerLoop.Events {
  private final KafkaBus bus;
  private final QueueView view;

  HandlerEvents(KafkaBus bus, QueueView view) {
    this.bus = bus;
    this.view = view;
  }

  @Override
  public void awaitCaptured(TopicPartition partition, long offset) {
    bus.awaitCaptured(partition, offset);
  }

  @Override
  public void received(ReceivedMessage message) {
    bus.entries().received(message);
  }

  @Override
  public void acknowledged(ReceivedMessage message) {
    bus.entries().acknowledged(message);
  }

  @Override
  public void failed(ReceivedMessage message, Throwable failure) {
    bus.entries().handlerFailed(message, failure);
  }

  @Override
  public void retried(ReceivedMessage message) {
    bus.entries().retried(message);
  }

  @Override
  public void deadLetter(ReceivedMessage message, Throwable failure) {
    bus.deadLetter(view, message, failure);
  }
}
