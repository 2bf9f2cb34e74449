package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.example.suite.EmbeddedBusOnly;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The repository contract on {@link DynamoDbCustomerRepository} through the AWS SDK, against the
 * in-JVM {@link DynamoDbStandIn} (DynamoDB Local is not open source; LocalStack needs Docker).
 */
@EmbeddedBusOnly("the store's contract does not touch the bus: it runs once, in the embedded pass")
class DynamoDbCustomerRepositoryTest implements CustomerRepositoryContract {
  private static DynamoDbStandIn dynamo;
  private static DynamoDbClient client;
  private static DynamoDbCustomerRepository repository;

  @BeforeAll
  static void startStandIn() throws IOException {
    dynamo = DynamoDbStandIn.start();
    client =
        DynamoDbClient.builder()
            .endpointOverride(dynamo.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    repository = new DynamoDbCustomerRepository(client, CustomerConfig.defaults().tableName());
    repository.createTableIfMissing();
    repository.createTableIfMissing(); // a second start finds the table and leaves it
  }

  @AfterAll
  static void stopStandIn() {
    client.close();
    dynamo.close();
  }

  @Override
  public CustomerRepository repository() {
    return repository;
  }

  @Test
  void an_unreachable_endpoint_makes_the_store_unavailable() throws IOException {
    DynamoDbStandIn stopped = DynamoDbStandIn.start();
    stopped.close();
    try (DynamoDbClient unreachable =
        DynamoDbClient.builder()
            .endpointOverride(stopped.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      DynamoDbCustomerRepository customers =
          new DynamoDbCustomerRepository(unreachable, "customers");

      assertThatThrownBy(() -> customers.get("c-1"))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessage("cannot read customer c-1");
    }
  }
}
