package dev.vigil.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * OkHttp's MockWebServer 5.5.1 answering every request {@code 200} with an empty body, as Vigil's
 * server does when no route is scripted. Its default dispatcher answers only what the test enqueued
 * and blocks otherwise, so a fixed dispatcher stands in. The consumer takes every request with
 * {@code takeRequest} every 20 ms, until the queue is empty.
 */
final class MockWebServerCapture implements CaptureTarget {
  /** Its pool threads are named {@code MockWebServer TaskRunner}, renamed for each task. */
  static final String THREAD_PREFIX = "MockWebServer";

  private final MockWebServer server;
  private final Thread consumer = new Thread(this::consume, CONSUMER_THREAD);
  private volatile boolean stopping;
  private long taken;

  MockWebServerCapture() throws IOException {
    server = startAnsweringOk();
    consumer.setDaemon(true);
    consumer.start();
  }

  /** Starts a MockWebServer on loopback that answers every request 200, empty body. */
  static MockWebServer startAnsweringOk() throws IOException {
    MockResponse ok = new MockResponse.Builder().code(200).build();
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return ok;
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
    return server;
  }

  private void consume() {
    try {
      while (!stopping) {
        LockSupport.parkNanos(CONSUME_EVERY_NANOS);
        drain();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain() throws InterruptedException {
    while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
      taken++;
    }
  }

  @Override
  public int port() {
    return server.getPort();
  }

  @Override
  public Predicate<String> isServerThread() {
    return name -> name.startsWith(THREAD_PREFIX);
  }

  @Override
  public void checkCaptured(long answered, long retried) throws InterruptedException {
    stopping = true;
    consumer.join();
    drain();
    CaptureTarget.checkCount("MockWebServer (takeRequest)", taken, answered, retried);
  }

  @Override
  public void close() {
    stopping = true;
    CaptureTarget.join(consumer);
    server.close();
  }
}
