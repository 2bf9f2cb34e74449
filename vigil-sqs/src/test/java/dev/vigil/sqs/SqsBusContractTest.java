package dev.vigil.sqs;

import dev.vigil.Vigil;
import dev.vigil.bus.VisibilityBus;
import dev.vigil.bus.contract.MessageBusContract;
import dev.vigil.bus.contract.VisibilityBusContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;

/**
 * The bus contract on ElasticMQ embedded in the JVM: queues, consumers and visibility timeouts. Not
 * {@code TopicContract}, as ElasticMQ has no SNS ({@code LocalStackContractTest} runs it where
 * Docker is), and not {@code PeekableBusContract}, as SQS can only look by receiving.
 */
class SqsBusContractTest implements MessageBusContract, VisibilityBusContract {
  private static EmbeddedSqs sqs;

  @AutoClose private final Vigil vigil = Vigil.create();
  @AutoClose private final SqsBus bus = SqsBus.connect(vigil, sqs.endpoint());

  @BeforeAll
  static void startElasticMq() {
    sqs = EmbeddedSqs.start();
  }

  @AfterAll
  static void stopElasticMq() {
    sqs.stop();
  }

  @Override
  public VisibilityBus bus() {
    return bus;
  }

  @Override
  public Vigil vigil() {
    return vigil;
  }
}
