package dev.vigil.example.customer;

import dev.vigil.example.suite.EmbeddedBusOnly;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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
}
