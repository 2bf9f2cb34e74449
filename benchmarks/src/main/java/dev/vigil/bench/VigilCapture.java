package dev.vigil.bench;

import dev.vigil.Vigil;
import dev.vigil.http.RecordedRequest;
import dev.vigil.http.RequestMatcher;
import dev.vigil.http.WebhookServer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Vigil's {@link WebhookServer} on a fresh context, as a test builds it: every request goes into
 * the journal and onto the timeline. The consumer resets the journal every 20 ms (the timeline is
 * append-only and keeps every entry, as in a test).
 */
final class VigilCapture implements CaptureTarget {
  static final String THREAD_PREFIX = "vigil-http-";

  private final Vigil vigil = Vigil.create();
  private final WebhookServer server = WebhookServer.start(vigil);
  private final Thread consumer = new Thread(this::consume, CONSUMER_THREAD);
  private volatile boolean stopping;

  VigilCapture() {
    consumer.setDaemon(true);
    consumer.start();
  }

  private void consume() {
    while (!stopping) {
      LockSupport.parkNanos(CONSUME_EVERY_NANOS);
      server.reset();
    }
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public Predicate<String> isServerThread() {
    return name -> name.startsWith(THREAD_PREFIX);
  }

  /** Sends one more request: its sequence number tells how many came before it. */
  @Override
  public void checkCaptured(long answered, long retried) throws InterruptedException, IOException {
    stopping = true;
    consumer.join();
    try (RawHttpConnection probe = new RawHttpConnection(server.port())) {
      probe.exchange(probe.request("/probe"));
    }
    RecordedRequest probed =
        server.awaitRequest(RequestMatcher.post("/probe"), Duration.ofSeconds(10));
    CaptureTarget.checkCount("vigil-http", probed.sequence() - 1, answered, retried);
  }

  @Override
  public void close() {
    stopping = true;
    CaptureTarget.join(consumer);
    server.close();
    vigil.close();
  }
}
