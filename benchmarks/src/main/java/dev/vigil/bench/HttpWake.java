package dev.vigil.bench;

import dev.vigil.Vigil;
import dev.vigil.http.HttpEntries;
import dev.vigil.http.RequestMatcher;
import dev.vigil.http.WebhookServer;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * How soon a test hears of a request: a sender POSTs one request at a time to {@code /wake/<n>},
 * and the main thread waits for that very request — with {@code awaitRequest} on Vigil, with {@code
 * takeRequest} on MockWebServer — and reads {@link System#nanoTime()} when the call returns.
 */
final class HttpWake {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String WAKE_TYPE_PREFIX = HttpEntries.request("POST", "/wake/");
  // A fresh scan reads the whole journal at every evaluation: keep it short, as a test would.
  private static final int RESET_EVERY = 100;

  private HttpWake() {}

  /**
   * From the moment a request was received (its timeline entry's {@code nanos()}) and from the
   * moment its sender began to write it, to the moment the wait returned, per sample.
   */
  static final class Samples {
    private final long[] receivedToReturn;
    private final long[] sentToReturn;

    Samples(long[] receivedToReturn, long[] sentToReturn) {
      this.receivedToReturn = receivedToReturn;
      this.sentToReturn = sentToReturn;
    }

    long[] receivedToReturn() {
      return receivedToReturn;
    }

    long[] sentToReturn() {
      return sentToReturn;
    }
  }

  /** Measures Vigil's {@code awaitRequest}, the sender waiting {@code delayNanos} before each. */
  static Samples vigil(int warmup, int count, long delayNanos) throws Exception {
    int total = warmup + count;
    long[] returnedAt = new long[total];
    long[] sentAt = new long[total];
    try (Vigil vigil = Vigil.create();
        WebhookServer server = WebhookServer.start(vigil);
        WakeSender sender = new WakeSender(server.port(), delayNanos)) {
      for (int n = 0; n < total; n++) {
        if (n % RESET_EVERY == 0) {
          server.reset();
        }
        String path = "/wake/" + n;
        byte[] request = sender.request(path);
        RequestMatcher matcher = RequestMatcher.post(path);
        sender.send(request);
        server.awaitRequest(matcher, TIMEOUT);
        returnedAt[n] = System.nanoTime();
        sender.awaitAnswer(n + 1L);
        sentAt[n] = sender.sentAt();
      }
      long[] receivedAt = receivedAt(vigil, total);
      return new Samples(minus(returnedAt, receivedAt, warmup), minus(returnedAt, sentAt, warmup));
    }
  }

  /** Reads when each request was received from its timeline entry, in one pass. */
  private static long[] receivedAt(Vigil vigil, int total) {
    long[] receivedAt = new long[total];
    Arrays.fill(receivedAt, Long.MIN_VALUE);
    for (TimelineEntry entry :
        vigil.timeline().select(e -> e.type().startsWith(WAKE_TYPE_PREFIX))) {
      int n = Integer.parseInt(entry.type().substring(WAKE_TYPE_PREFIX.length()));
      receivedAt[n] = entry.nanos();
    }
    for (int n = 0; n < total; n++) {
      if (receivedAt[n] == Long.MIN_VALUE) {
        throw new IllegalStateException("no timeline entry " + WAKE_TYPE_PREFIX + n);
      }
    }
    return receivedAt;
  }

  /**
   * Measures MockWebServer's {@code takeRequest}, which records no arrival time: only the time from
   * the send can be had.
   */
  static long[] mockWebServer(int warmup, int count, long delayNanos) throws Exception {
    int total = warmup + count;
    long[] returnedAt = new long[total];
    long[] sentAt = new long[total];
    try (MockWebServer server = MockWebServerCapture.startAnsweringOk();
        WakeSender sender = new WakeSender(server.getPort(), delayNanos)) {
      for (int n = 0; n < total; n++) {
        String path = "/wake/" + n;
        byte[] request = sender.request(path);
        sender.send(request);
        RecordedRequest taken = server.takeRequest(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        returnedAt[n] = System.nanoTime();
        if (taken == null || !path.equals(taken.getTarget())) {
          throw new IllegalStateException("takeRequest gave " + taken + ", expected POST " + path);
        }
        sender.awaitAnswer(n + 1L);
        sentAt[n] = sender.sentAt();
      }
    }
    return minus(returnedAt, sentAt, warmup);
  }

  private static long[] minus(long[] later, long[] earlier, int from) {
    long[] differences = new long[later.length - from];
    for (int i = 0; i < differences.length; i++) {
      differences[i] = later[from + i] - earlier[from + i];
    }
    return differences;
  }
}
