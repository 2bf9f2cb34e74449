package dev.vigil.sqs;

import dev.vigil.sqs.internal.ElasticMqServer;
import java.net.URI;
import java.time.Duration;

/**
 * ElasticMQ started in this JVM on {@code 127.0.0.1} and a free port: an SQS endpoint for tests
 * that need the real protocol without Docker. One per test class is the usual pattern (it starts in
 * about a second on a cold JVM); {@link SqsBus#reset()} or unique queue names keep tests apart.
 * ElasticMQ has no SNS: topics need LocalStack or AWS.
 *
 * <pre>{@code
 * static EmbeddedSqs sqs = EmbeddedSqs.start();
 * SqsBus bus = SqsBus.connect(vigil, sqs.endpoint());
 * }</pre>
 *
 * <p>ElasticMQ ({@code org.elasticmq:elasticmq-rest-sqs_2.13}) must be on the class path, as it is
 * with this module's default dependencies. Its Pekko logs are kept at warnings unless the system
 * property {@code pekko.loglevel} says otherwise.
 *
 * @since 0.1
 */
public final class EmbeddedSqs implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final String REGION = "us-east-1";

  private final ElasticMqServer server;
  private final URI uri;
  private final Duration startTime;
  private volatile boolean stopped;

  private EmbeddedSqs(ElasticMqServer server, Duration startTime) {
    this.server = server;
    this.uri = URI.create("http://" + HOST + ":" + server.port());
    this.startTime = startTime;
  }

  /**
   * Starts ElasticMQ and returns once it listens.
   *
   * @return the running server
   * @throws IllegalStateException when ElasticMQ is not on the class path or does not start
   */
  public static EmbeddedSqs start() {
    long startedAt = System.nanoTime();
    ElasticMqServer server = ElasticMqServer.start(HOST, REGION);
    return new EmbeddedSqs(server, Duration.ofNanos(System.nanoTime() - startedAt));
  }

  /**
   * Returns the endpoint to connect an {@link SqsBus} or the code under test to.
   *
   * @return {@code http://127.0.0.1:<port>}, region {@code us-east-1}, credentials {@code test}
   */
  public SqsEndpoint endpoint() {
    return SqsEndpoint.of(uri);
  }

  /**
   * Returns the endpoint's URI, for the code under test's own SQS client.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public URI uri() {
    return uri;
  }

  /**
   * Returns the port ElasticMQ listens on.
   *
   * @return the bound port
   */
  public int port() {
    return server.port();
  }

  /**
   * Returns how long {@link #start()} took, from the call until the server listened.
   *
   * @return the start time
   */
  public Duration startTime() {
    return startTime;
  }

  /** Stops ElasticMQ and waits until it has; its queues are gone. Stopping twice does nothing. */
  public void stop() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
    }
    server.stop();
  }

  /** Stops ElasticMQ, as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "EmbeddedSqs[" + uri + (stopped ? ", stopped" : "") + "]";
  }
}
