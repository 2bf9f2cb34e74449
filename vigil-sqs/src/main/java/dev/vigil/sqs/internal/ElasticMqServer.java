package dev.vigil.sqs.internal;

import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;

/**
 * ElasticMQ's REST server, started and stopped by reflection: its jars derive no JPMS module name
 * ({@code elasticmq-rest-sqs_2.13} holds a {@code 2}), so a named module cannot require them, and
 * they stay on the class path, which every module may reach reflectively.
 */
public final class ElasticMqServer {
  private static final String BUILDER = "org.elasticmq.rest.sqs.SQSRestServerBuilder";

  private final Object server;
  private final int port;

  private ElasticMqServer(Object server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a server on {@code host} and a free port, and waits until it listens.
   *
   * @param host the interface to bind, such as {@code 127.0.0.1}
   * @param region the region in the queues' ARNs
   * @return the running server
   * @throws IllegalStateException when ElasticMQ is not on the class path or does not start
   */
  public static ElasticMqServer start(String host, String region) {
    quietLogs();
    try {
      Class<?> builderClass = Class.forName(BUILDER);
      Object builder = builderClass.getMethod("withInterface", String.class).invoke(null, host);
      builder = call(builder, "withPort", int.class, 0);
      builder = call(builder, "withAWSRegion", String.class, region);
      Object server = builder.getClass().getMethod("start").invoke(builder);
      Object binding = server.getClass().getMethod("waitUntilStarted").invoke(server);
      InetSocketAddress bound =
          (InetSocketAddress) binding.getClass().getMethod("localAddress").invoke(binding);
      return new ElasticMqServer(server, bound.getPort());
    } catch (ClassNotFoundException missing) {
      throw new IllegalStateException(
          "ElasticMQ is not on the class path: add org.elasticmq:elasticmq-rest-sqs_2.13:1.6.11"
              + " (excluding org.elasticmq:elasticmq-common-test_2.13)",
          missing);
    } catch (InvocationTargetException failed) {
      throw new IllegalStateException(
          "ElasticMQ did not start on " + host + ": " + failed.getCause(), failed.getCause());
    } catch (ReflectiveOperationException | ClassCastException changed) {
      throw new IllegalStateException(
          "ElasticMQ's server builder is not the one of version 1.6.x: " + changed, changed);
    }
  }

  private static Object call(Object target, String method, Class<?> type, Object argument)
      throws ReflectiveOperationException {
    return target.getClass().getMethod(method, type).invoke(target, argument);
  }

  /**
   * Keeps ElasticMQ's actor system at warnings: its own configuration asks Pekko for debug logs,
   * which a test's default logging backend would print. A {@code pekko.loglevel} set by the user
   * wins.
   */
  private static void quietLogs() {
    if (System.getProperty("pekko.loglevel") == null) {
      System.setProperty("pekko.loglevel", "WARNING");
    }
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the bound port
   */
  public int port() {
    return port;
  }

  /** Stops the server and waits until it has. */
  public void stop() {
    try {
      server.getClass().getMethod("stopAndWait").invoke(server);
    } catch (InvocationTargetException failed) {
      throw new IllegalStateException("ElasticMQ did not stop: " + failed.getCause(), failed);
    } catch (ReflectiveOperationException changed) {
      throw new IllegalStateException("ElasticMQ cannot be stopped: " + changed, changed);
    }
  }
}
