package dev.vigil.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Vigil's webhook capture server ({@code vigil-http}) against OkHttp's MockWebServer 5.5.1, in one
 * run: the server-side CPU per captured request under 8 concurrent keep-alive senders, the requests
 * per second that makes, and how soon a waiting test hears of a request.
 *
 * <p>Usage: {@code ./bench http [--quick]}. The senders are raw sockets ({@link HttpSenders}), the
 * same for both servers. Server CPU is the sum of the per-thread CPU clocks of the server's own
 * threads ({@link HttpServerCpu}); each tool runs two windows, in the order Vigil, MockWebServer,
 * MockWebServer, Vigil, so that a drift in the machine's load affects both alike, each on a fresh
 * server (Vigil: a fresh context too, as a test has) after a lead-in; then a window of {@link
 * FloorCapture}, a server that does nothing but read and answer, shows the kernel's share.
 */
public final class HttpBenchmark {
  private static final int SENDERS = 8;
  private static final long SAMPLE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final boolean quick;

  private HttpBenchmark(boolean quick) {
    this.quick = quick;
  }

  /** Runs every measurement and prints BENCH and RATIO lines. */
  public static void main(String[] args) throws Exception {
    boolean quick = args.length > 0 && args[0].equals("--quick");
    new HttpBenchmark(quick).run();
  }

  private void run() throws Exception {
    Report.note("vigil-http vs OkHttp MockWebServer 5.5.1; RATIO = MockWebServer / Vigil.");
    noteLoad("start");
    serverCpu();
    wake();
    noteLoad("end");
  }

  /** Other processes on a small machine shift every figure here: say how busy it was. */
  private static void noteLoad(String when) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    Report.note(
        "load average (1 min) at "
            + when
            + ": "
            + Report.format(os.getSystemLoadAverage())
            + " on "
            + os.getAvailableProcessors()
            + " cores");
  }

  // ---- server CPU per request under 8 senders

  private void serverCpu() throws Exception {
    long warm = TimeUnit.SECONDS.toNanos(quick ? 2 : 8);
    long leadIn = TimeUnit.SECONDS.toNanos(1);
    long window = TimeUnit.SECONDS.toNanos(quick ? 2 : 5);
    round(VigilCapture::new, 0, warm);
    round(MockWebServerCapture::new, 0, warm);
    Round vigil = round(VigilCapture::new, leadIn, window);
    Round mock = round(MockWebServerCapture::new, leadIn, window);
    mock = mock.plus(round(MockWebServerCapture::new, leadIn, window));
    vigil = vigil.plus(round(VigilCapture::new, leadIn, window));
    Round floor = round(FloorCapture::new, leadIn, window);
    printServerCpu(vigil, mock, floor);
  }

  private static void printServerCpu(Round vigil, Round mock, Round floor) {
    Report.note("http-*-cpu-per-request: CPU of the server's own threads (accept, connections,");
    Report.note(
        "and so receiving, recording and answering) per request, " + SENDERS + " raw-socket");
    Report.note("keep-alive senders; a consumer thread takes the record every 20 ms (Vigil:");
    Report.note("reset(), MockWebServer: takeRequest()); it and the senders are not server CPU.");
    Report.note("vigil server threads: " + threadNames(vigil));
    Report.note("mockwebserver server threads: " + threadNames(mock));
    Report.bench("http-server-cpu-per-request", vigil.serverMicrosPerRequest(), "us");
    Report.bench("http-mockwebserver-cpu-per-request", mock.serverMicrosPerRequest(), "us");
    Report.ratio(
        "http-vs-mockwebserver", mock.serverMicrosPerRequest(), vigil.serverMicrosPerRequest());
    Report.bench("http-requests-per-second", vigil.perSecond(), "req/s");
    Report.bench("http-mockwebserver-requests-per-second", mock.perSecond(), "req/s");
    Report.note("vigil: " + vigil.describe());
    Report.note("mockwebserver: " + mock.describe());
    Report.note("floor: a blocking server that only reads each request and answers a fixed 200");
    Report.note("(no parsing, no record; see FloorCapture): " + floor.describe());
  }

  /**
   * Lists the server's thread names with ports and numbers as {@code <n>}, and how many had each.
   */
  private static String threadNames(Round round) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String name : round.spent().serverThreadNames()) {
      counts.merge(name.replaceAll("(?<=[-:=])[0-9]+", "<n>"), 1, Integer::sum);
    }
    StringBuilder names = new StringBuilder();
    counts.forEach(
        (name, count) ->
            names
                .append(names.length() == 0 ? "" : ", ")
                .append(count)
                .append(" x '")
                .append(name)
                .append('\''));
    return names.toString();
  }

  /** Makes a target; checked, since MockWebServer's start declares IOException. */
  private interface TargetFactory {
    CaptureTarget start() throws Exception;
  }

  /**
   * Runs the senders against a fresh target for {@code leadIn}, then measures for {@code window};
   * checks that the target captured every request answered.
   */
  private static Round round(TargetFactory factory, long leadIn, long window) throws Exception {
    try (CaptureTarget target = factory.start()) {
      HttpSenders senders = HttpSenders.start(SENDERS, target.port(), "/hook");
      HttpServerCpu.Spent spent;
      long answered;
      long wall;
      try {
        pause(leadIn, senders);
        long answeredBefore = senders.answered();
        HttpServerCpu cpu = HttpServerCpu.start(target.isServerThread());
        long start = System.nanoTime();
        while (System.nanoTime() - start < window) {
          pause(Math.min(SAMPLE_EVERY_NANOS, window - (System.nanoTime() - start)), senders);
          cpu.sample();
        }
        spent = cpu.end();
        answered = senders.answered() - answeredBefore;
        wall = System.nanoTime() - start;
      } finally {
        senders.close();
      }
      target.checkCaptured(senders.answered());
      return new Round(spent, answered, wall);
    }
  }

  private static void pause(long nanos, HttpSenders senders) {
    long end = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = end - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
    senders.check();
  }

  /** What one or more windows cost and how many requests they served. */
  private record Round(HttpServerCpu.Spent spent, long requests, long wallNanos) {
    Round plus(Round other) {
      return new Round(
          spent.plus(other.spent), requests + other.requests, wallNanos + other.wallNanos);
    }

    double serverMicrosPerRequest() {
      return microsPerRequest(spent.serverNanos());
    }

    double perSecond() {
      return requests / (wallNanos / 1e9);
    }

    double microsPerRequest(long nanos) {
      return nanos / 1e3 / Math.max(1, requests);
    }

    String describe() {
      return requests
          + " requests; us of CPU per request: server "
          + Report.format(serverMicrosPerRequest())
          + ", senders "
          + Report.format(microsPerRequest(spent.senderNanos()))
          + ", other Java threads "
          + Report.format(microsPerRequest(spent.otherNanos()))
          + ", whole process (GC too) "
          + Report.format(microsPerRequest(spent.processNanos()));
    }
  }

  // ---- wake: from the request received to the wait returning

  private void wake() throws Exception {
    int warmup = quick ? 500 : 3_000;
    int count = quick ? 1_000 : 5_000;
    long parkedDelay = TimeUnit.MILLISECONDS.toNanos(2);
    HttpWake.Samples vigil = HttpWake.vigil(warmup, count, 0);
    long[] mock = HttpWake.mockWebServer(warmup, count, 0);
    HttpWake.Samples vigilParked = HttpWake.vigil(warmup / 5, count / 3, parkedDelay);
    long[] mockParked = HttpWake.mockWebServer(warmup / 5, count / 3, parkedDelay);
    Report.bench("http-wake-p50", micros(vigil.receivedToReturn(), 50), "us");
    Report.bench("http-wake-p99", micros(vigil.receivedToReturn(), 99), "us");
    Report.note("http-wake: from the request's timeline entry (body read, recorded) to");
    Report.note("awaitRequest returning; the request is sent as the wait begins (~0.1 ms in).");
    Report.note("MockWebServer records no arrival time, so it has no such figure and no ratio;");
    Report.note("from the sender's first byte to the wait returning, p50 / p99 in us:");
    Report.note(
        "  sent at once:     vigil "
            + p50p99(vigil.sentToReturn())
            + ", mockwebserver "
            + p50p99(mock));
    Report.note(
        "  sent 2 ms later:  vigil "
            + p50p99(vigilParked.sentToReturn())
            + ", mockwebserver "
            + p50p99(mockParked));
    Report.note(
        "  vigil received-to-return, wait parked by then: "
            + p50p99(vigilParked.receivedToReturn()));
    Report.note(
        "  returned before the entry was stamped (the journal is written before the timeline): "
            + early(vigil.receivedToReturn())
            + " and "
            + early(vigilParked.receivedToReturn())
            + " samples");
  }

  private static long early(long[] samples) {
    return Arrays.stream(samples).filter(latency -> latency < 0).count();
  }

  private static double micros(long[] samples, double percentile) {
    return Report.percentile(samples, percentile) / 1e3;
  }

  private static String p50p99(long[] samples) {
    return Report.format(micros(samples, 50)) + " / " + Report.format(micros(samples, 99));
  }
}
