package dev.vigil.bench;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One or more measured windows of senders against a capture server: what they cost, per group of
 * threads ({@link HttpServerCpu}), how many requests they served, and how many sends the senders
 * had to retry.
 */
record HttpRound(
    HttpServerCpu.Spent spent,
    long requests,
    long wallNanos,
    long retries,
    long sends,
    Set<String> retryReasons) {
  private static final int SENDERS = 8;
  private static final long SAMPLE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  /** Makes a target; checked, since MockWebServer's start declares IOException. */
  interface TargetFactory {
    CaptureTarget start() throws Exception;
  }

  /** Returns how many senders every round runs. */
  static int senders() {
    return SENDERS;
  }

  /**
   * Runs {@link #SENDERS} senders of {@code kind} against a fresh target for {@code leadIn}, then
   * measures for {@code window}; checks that the target captured every request answered.
   */
  static HttpRound run(TargetFactory factory, HttpSenders.Kind kind, long leadIn, long window)
      throws Exception {
    try (CaptureTarget target = factory.start()) {
      HttpSenders senders = HttpSenders.start(kind, SENDERS, target.port(), "/hook");
      HttpRound measured;
      try {
        pause(leadIn, senders);
        measured = measure(target, senders, window);
      } finally {
        senders.close();
      }
      target.checkCaptured(senders.answered(), senders.retries());
      return new HttpRound(
          measured.spent,
          measured.requests,
          measured.wallNanos,
          senders.retries(),
          senders.answered() + senders.retries(),
          senders.retryReasons());
    }
  }

  private static HttpRound measure(CaptureTarget target, HttpSenders senders, long window) {
    long answeredBefore = senders.answered();
    HttpServerCpu cpu = HttpServerCpu.start(target.isServerThread());
    long start = System.nanoTime();
    while (System.nanoTime() - start < window) {
      pause(Math.min(SAMPLE_EVERY_NANOS, window - (System.nanoTime() - start)), senders);
      cpu.sample();
    }
    HttpServerCpu.Spent spent = cpu.end();
    long answered = senders.answered() - answeredBefore;
    long wall = System.nanoTime() - start;
    return new HttpRound(spent, answered, wall, 0, 0, Set.of());
  }

  private static void pause(long nanos, HttpSenders senders) {
    long end = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = end - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
    senders.check();
  }

  /** Adds another round's windows to this one's. */
  HttpRound plus(HttpRound other) {
    Set<String> reasons = new TreeSet<>(retryReasons);
    reasons.addAll(other.retryReasons);
    return new HttpRound(
        spent.plus(other.spent),
        requests + other.requests,
        wallNanos + other.wallNanos,
        retries + other.retries,
        sends + other.sends,
        reasons);
  }

  double serverMicrosPerRequest() {
    return microsPerRequest(spent.serverNanos());
  }

  double senderMicrosPerRequest() {
    return microsPerRequest(spent.senderNanos());
  }

  double perSecond() {
    return requests / (wallNanos / 1e9);
  }

  private double microsPerRequest(long nanos) {
    return nanos / 1e3 / Math.max(1, requests);
  }

  /** Describes the windows in one line: requests, and CPU per request by group of threads. */
  String describe() {
    return requests
        + " requests; us of CPU per request: server "
        + Report.format(serverMicrosPerRequest())
        + ", senders "
        + Report.format(senderMicrosPerRequest())
        + ", other Java threads "
        + Report.format(microsPerRequest(spent.otherNanos()))
        + ", whole process (GC too) "
        + Report.format(microsPerRequest(spent.processNanos()));
  }
}
