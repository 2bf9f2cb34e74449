package dev.vigil.kafka;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.Vigil;
import dev.vigil.bus.contract.MessageBusContract;
import dev.vigil.bus.contract.PeekableBusContract;
import dev.vigil.bus.contract.TopicContract;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The bus contract against a Kafka container, by its bootstrap servers: the same code as on the
 * embedded broker. Each test is skipped, saying why, where no Docker engine answers (as on the
 * build machine).
 */
@Tag("docker")
class KafkaContainerContractTest implements MessageBusContract, TopicContract, PeekableBusContract {
  private static final String IMAGE = "apache/kafka:4.1.0";
  private static final String NO_DOCKER =
      "no Docker engine answers here, so the contract does not run against a "
          + IMAGE
          + " container; KafkaBusContractTest runs it on the embedded broker";
  private static KafkaContainer kafka;

  private Vigil vigil;
  private KafkaBus bus;

  @BeforeAll
  static void startContainer() {
    if (DockerClientFactory.instance().isDockerAvailable()) {
      kafka = new KafkaContainer(IMAGE);
      kafka.start();
    }
  }

  @AfterAll
  static void stopContainer() {
    if (kafka != null) {
      kafka.stop();
    }
  }

  @BeforeEach
  void connect() {
    assumeTrue(kafka != null, NO_DOCKER);
    vigil = Vigil.create();
    bus = KafkaBus.connect(vigil, kafka.getBootstrapServers());
  }

  @AfterEach
  void close() {
    if (bus != null) {
      bus.close();
      vigil.close();
    }
  }

  @Override
  public KafkaBus bus() {
    return Objects.requireNonNull(bus);
  }

  @Override
  public Vigil vigil() {
    return Objects.requireNonNull(vigil);
  }
}
