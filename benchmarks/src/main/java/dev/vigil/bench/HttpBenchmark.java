package dev.vigil.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Vigil's webhook capture server ({@code vigil-http}) against OkHttp's MockWebServer 5.5.1, in one
 * run: the server-side CPU per captured request under 8 concurrent keep-alive senders, the requests
 * per second that makes, and how soon a waiting test hears of a request.
 *
 * <p>Usage: {@code ./bench http [--quick]}. The senders ({@link HttpSenders}) are the same for both
 * servers: first raw sockets, which cost the servers' machine little, then the JDK's {@code
 * HttpClient}, the reference setup. Server CPU is the sum of the per-thread CPU clocks of
 * the server's own threads ({@link HttpServerCpu}); under each kind of sender each tool runs two
 * windows, in the order Vigil, MockWebServer, MockWebServer, Vigil, so that a drift in the
 * machine's load affects both alike, each on a fresh server (Vigil: a fresh context too, as a test
 * has) after a lead-in. A window of {@link FloorCapture}, a server that does nothing but read and
 * answer, under raw senders, shows the kernel's share.
 */
public final class HttpBenchmark {
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

  /** Both servers' rounds under one kind of sender. */
  private record Comparison(HttpSenders.Kind kind, HttpRound vigil, HttpRound mock) {}

  private void serverCpu() throws Exception {
    long leadIn = TimeUnit.SECONDS.toNanos(1);
    long window = TimeUnit.SECONDS.toNanos(quick ? 2 : 5);
    Comparison raw = compare(HttpSenders.Kind.RAW_SOCKET, quick ? 2 : 8, leadIn, window);
    HttpRound floor = HttpRound.run(FloorCapture::new, HttpSenders.Kind.RAW_SOCKET, leadIn, window);
    // The servers' code is warm from the raw rounds; this warms the JDK client and the servers'
    // paths for how it writes.
    Comparison jdk = compare(HttpSenders.Kind.JDK_CLIENT, quick ? 2 : 5, leadIn, window);
    printServerCpu(raw, floor);
    printJdkClient(jdk);
    printSenderCost(raw, jdk);
  }

  /**
   * Warms both servers for {@code warmSeconds}, then runs two windows each, in the order Vigil,
   * MockWebServer, MockWebServer, Vigil.
   */
  private static Comparison compare(
      HttpSenders.Kind kind, int warmSeconds, long leadIn, long window) throws Exception {
    long warm = TimeUnit.SECONDS.toNanos(warmSeconds);
    HttpRound.run(VigilCapture::new, kind, 0, warm);
    HttpRound.run(MockWebServerCapture::new, kind, 0, warm);
    HttpRound vigil = HttpRound.run(VigilCapture::new, kind, leadIn, window);
    HttpRound mock = HttpRound.run(MockWebServerCapture::new, kind, leadIn, window);
    mock = mock.plus(HttpRound.run(MockWebServerCapture::new, kind, leadIn, window));
    vigil = vigil.plus(HttpRound.run(VigilCapture::new, kind, leadIn, window));
    return new Comparison(kind, vigil, mock);
  }

  private static void printServerCpu(Comparison raw, HttpRound floor) {
    Report.note("http-*-cpu-per-request: CPU of the server's own threads (accept, connections,");
    Report.note(
        "and so receiving, recording and answering) per request, "
            + HttpRound.senders()
            + " raw-socket");
    Report.note("keep-alive senders; a consumer thread takes the record every 20 ms (Vigil:");
    Report.note("reset(), MockWebServer: takeRequest()); it and the senders are not server CPU.");
    Report.note("vigil server threads: " + threadNames(raw.vigil()));
    Report.note("mockwebserver server threads: " + threadNames(raw.mock()));
    printFigures(raw);
    Report.note("floor: a blocking server that only reads each request and answers a fixed 200");
    Report.note("(no parsing, no record; see FloorCapture): " + floor.describe());
  }

  private static void printJdkClient(Comparison jdk) {
    Report.note("*-jdk-client: the same, with the JDK's HttpClient as the sender, the issue's");
    Report.note("reference setup: one client, HTTP/1.1 forced, shared by " + HttpRound.senders());
    Report.note("threads each sending synchronously in a loop, keep-alive as its pool does.");
    printFigures(jdk);
    Report.note("jdk client sends (measured rounds, lead-ins included) that failed once and were");
    Report.note(
        "retried: vigil " + retries(jdk.vigil()) + ", mockwebserver " + retries(jdk.mock()));
  }

  private static String retries(HttpRound round) {
    return round.retries()
        + " of "
        + round.sends()
        + (round.retries() == 0 ? "" : " (" + String.join("; ", round.retryReasons()) + ")");
  }

  /** Prints the BENCH and RATIO lines of one kind of sender, and the windows' breakdown. */
  private static void printFigures(Comparison run) {
    String suffix = run.kind().suffix;
    HttpRound vigil = run.vigil();
    HttpRound mock = run.mock();
    Report.bench("http-server-cpu-per-request" + suffix, vigil.serverMicrosPerRequest(), "us");
    Report.bench(
        "http-mockwebserver-cpu-per-request" + suffix, mock.serverMicrosPerRequest(), "us");
    Report.ratio(
        "http-vs-mockwebserver" + suffix,
        mock.serverMicrosPerRequest(),
        vigil.serverMicrosPerRequest());
    Report.bench("http-requests-per-second" + suffix, vigil.perSecond(), "req/s");
    Report.bench("http-mockwebserver-requests-per-second" + suffix, mock.perSecond(), "req/s");
    Report.note("vigil (" + run.kind().label + "): " + vigil.describe());
    Report.note("mockwebserver (" + run.kind().label + "): " + mock.describe());
  }

  /** What the senders themselves cost: on 2 cores, their CPU is CPU the servers cannot have. */
  private static void printSenderCost(Comparison raw, Comparison jdk) {
    Report.note("the senders' own CPU per request (vigil windows / mockwebserver windows), us:");
    Report.note(
        "  raw sockets: "
            + Report.format(raw.vigil().senderMicrosPerRequest())
            + " / "
            + Report.format(raw.mock().senderMicrosPerRequest()));
    Report.note(
        "  JDK HttpClient (its selector and worker threads too): "
            + Report.format(jdk.vigil().senderMicrosPerRequest())
            + " / "
            + Report.format(jdk.mock().senderMicrosPerRequest()));
  }

  /**
   * Lists the server's thread names with ports and numbers as {@code <n>}, and how many had each.
   */
  private static String threadNames(HttpRound round) {
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
        "  returned before the entry was stamped (0 expected: it is appended under the journal lock): "
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
