package dev.vigil.example.customer;

import dev.vigil.example.suite.EmbeddedBusOnly;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The repository contract on {@link DynamoDbCustomerRepository} against LocalStack's DynamoDB in a
 * container, as the seed runs its store: where a Docker engine answers; elsewhere every test is
 * skipped, saying why ({@code mvn verify -Dgroups=docker} runs only such tests).
 */
@EmbeddedBusOnly("the store's contract does not touch the bus: it runs once, in the embedded pass")
@Tag("docker")
@ExtendWith(LocalStackCustomerRepositoryTest.DockerAvailable.class)
class LocalStackCustomerRepositoryTest implements CustomerRepositoryContract {
  private static LocalStackContainer localStack;
  private static DynamoDbClient client;
  private static DynamoDbCustomerRepository repository;

  @BeforeAll
  static void startLocalStack() {
    localStack =
        new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
            .withServices(Service.DYNAMODB);
    localStack.start();
    client =
        DynamoDbClient.builder()
            .endpointOverride(localStack.getEndpoint())
            .region(Region.of(localStack.getRegion()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        localStack.getAccessKey(), localStack.getSecretKey())))
            .build();
    repository = new DynamoDbCustomerRepository(client, "autotest-customers");
    repository.createTableIfMissing();
  }

  @AfterAll
  static void stopLocalStack() {
    if (client != null) {
      client.close();
    }
    if (localStack != null) {
      localStack.stop();
    }
  }

  @Override
  public CustomerRepository repository() {
    return repository;
  }

  /** Runs the class only where a Docker engine answers; elsewhere skips it, saying why. */
  static final class DockerAvailable implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (DockerClientFactory.instance().isDockerAvailable()) {
        return ConditionEvaluationResult.enabled("a Docker engine answers");
      }
      return ConditionEvaluationResult.disabled(
          "no Docker engine found: LocalStack needs one; DynamoDbCustomerRepositoryTest runs the"
              + " same contract on the in-JVM stand-in");
    }
  }
}
