package dev.vigil.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * ElasticMQ embedded in this JVM, driven the way a user's code drives SQS: through the AWS SDK v2
 * {@link SqsClient} over HTTP on localhost. Close it to stop the server and the client.
 */
final class BusElasticMq implements AutoCloseable {
  private final SQSRestServer server;
  private final SqsClient sqs;

  private BusElasticMq(SQSRestServer server, SqsClient sqs) {
    this.server = server;
    this.sqs = sqs;
  }

  /** Starts ElasticMQ on a free port and connects a client to it. */
  static BusElasticMq start() {
    SQSRestServer server =
        SQSRestServerBuilder.withInterface("localhost")
            .withPort(0)
            .withAWSRegion("us-east-1")
            .start();
    InetSocketAddress bound = server.waitUntilStarted().localAddress();
    SqsClient sqs =
        SqsClient.builder()
            .endpointOverride(URI.create("http://localhost:" + bound.getPort()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
            .httpClient(ApacheHttpClient.create())
            .build();
    return new BusElasticMq(server, sqs);
  }

  /** Creates a queue with SQS's defaults and returns its URL. */
  String createQueue(String name) {
    return sqs.createQueue(b -> b.queueName(name)).queueUrl();
  }

  void send(String queueUrl, String body) {
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
  }

  List<Message> receive(String queueUrl, int max) {
    return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(max).waitTimeSeconds(0))
        .messages();
  }

  void delete(String queueUrl, String receiptHandle) {
    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle));
  }

  @Override
  public void close() {
    sqs.close();
    server.stopAndWait();
  }
}
