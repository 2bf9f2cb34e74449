package dev.vigil.kafka;

import dev.vigil.Vigil;
import dev.vigil.bus.contract.MessageBusContract;
import dev.vigil.bus.contract.PeekableBusContract;
import dev.vigil.bus.contract.TopicContract;
import dev.vigil.kafka.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;

/**
 * The bus contract on a real Kafka broker in the JVM: queues, consumers, topics and peeking. Kafka
 * has no visibility timeouts, so the class does not implement {@code VisibilityBusContract}.
 */
class KafkaBusContractTest implements MessageBusContract, TopicContract, PeekableBusContract {
  private static EmbeddedKafkaBroker broker;

  @AutoClose private final Vigil vigil = Vigil.create();
  @AutoClose private final KafkaBus bus = KafkaBus.connect(vigil, broker.bootstrapServers());

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.stop();
  }

  @Override
  public KafkaBus bus() {
    return bus;
  }

  @Override
  public Vigil vigil() {
    return vigil;
  }
}
