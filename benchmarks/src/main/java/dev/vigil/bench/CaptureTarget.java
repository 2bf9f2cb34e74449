package dev.vigil.bench;

import java.util.function.Predicate;

/**
 * A capture server under load for {@code ./bench http}, with a consumer thread that takes what it
 * records every {@link #CONSUME_EVERY_NANOS}, as a test that looks at its requests would, so that
 * the server's record does not grow without bound.
 */
interface CaptureTarget extends AutoCloseable {
  /** How often the consumer takes what the server recorded: 20 ms. */
  long CONSUME_EVERY_NANOS = 20_000_000;

  /** The name of the consumer thread, a Java thread that counts as neither server nor sender. */
  String CONSUMER_THREAD = "http-bench-consumer";

  /** Returns the port the server listens on, on loopback. */
  int port();

  /** Tells which Java threads are the server's, by name. */
  Predicate<String> isServerThread();

  /**
   * Stops the consumer and checks that the server captured {@code answered} requests, and at most
   * {@code retried} more: a send that failed and was sent again may have reached the server.
   *
   * @throws IllegalStateException when it captured another number
   */
  void checkCaptured(long answered, long retried) throws Exception;

  /** Throws unless {@code captured} is within what {@link #checkCaptured} allows. */
  static void checkCount(String server, long captured, long answered, long retried) {
    if (captured < answered || captured > answered + retried) {
      throw new IllegalStateException(
          server
              + " captured "
              + captured
              + " requests, senders had "
              + answered
              + " answered and "
              + retried
              + " retried");
    }
  }

  @Override
  void close();

  /** Waits for {@code thread} to end; an interrupt ends the wait and stays set for the caller. */
  static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
