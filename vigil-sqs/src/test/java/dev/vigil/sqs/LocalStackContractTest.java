package dev.vigil.sqs;

import dev.vigil.Vigil;
import dev.vigil.bus.VisibilityBus;
import dev.vigil.bus.contract.MessageBusContract;
import dev.vigil.bus.contract.TopicContract;
import dev.vigil.bus.contract.VisibilityBusContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;

/**
 * The whole contract, topics included, on LocalStack's SQS and SNS in a container: runs where a
 * Docker engine is and skips, saying why, where none is. The same {@link SqsBus} code as on
 * ElasticMQ; only the endpoint differs.
 */
@Tag("docker")
@ExtendWith(DockerAvailable.class)
class LocalStackContractTest implements MessageBusContract, VisibilityBusContract, TopicContract {
  private static LocalStackContainer localStack;

  private final Vigil vigil = Vigil.create();
  private final SqsBus bus = SqsBus.connect(vigil, endpoint());

  @BeforeAll
  static void startLocalStack() {
    localStack =
        new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
            .withServices(Service.SQS, Service.SNS);
    localStack.start();
  }

  @AfterAll
  static void stopLocalStack() {
    if (localStack != null) {
      localStack.stop();
    }
  }

  private static SqsEndpoint endpoint() {
    return SqsEndpoint.of(localStack.getEndpoint())
        .withSns(localStack.getEndpoint())
        .withRegion(localStack.getRegion())
        .withCredentials(localStack.getAccessKey(), localStack.getSecretKey());
  }

  @AfterEach
  void close() {
    bus.close();
    vigil.close();
  }

  @Override
  public VisibilityBus bus() {
    return bus;
  }

  @Override
  public Vigil vigil() {
    return vigil;
  }

  @Override
  public Duration patience() {
    return Duration.ofSeconds(20); // LocalStack in a container answers more slowly than ElasticMQ
  }
}
