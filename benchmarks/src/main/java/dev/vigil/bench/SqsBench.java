package dev.vigil.bench;

import static org.awaitility.Awaitility.await;

import dev.vigil.Vigil;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.Message;
import dev.vigil.sqs.EmbeddedSqs;
import dev.vigil.sqs.SqsBus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * vigil-sqs on ElasticMQ 1.6.11 embedded in this JVM: how long ElasticMQ takes to start (cold JVM),
 * and how long after a send a test's wait returns with the message — Vigil's {@code
 * BusTestClient.drain} on an {@code SqsBus} (1 s long polls) against the loops users write with the
 * AWS SDK v2 (Apache HTTP client) on the same server in the same run.
 *
 * <p>Each round: the waiter starts waiting, the sender waits a random 5–30 ms (so the message lands
 * at a random point of the waiter's polling), takes the time and sends; the round's latency runs
 * from just before the send until the wait returned the message (received and deleted). The peers:
 * (1) Awaitility 4.3.0 with its defaults (poll delay and interval 100 ms) polling {@code
 * receiveMessage} with {@code WaitTimeSeconds=0}, then {@code deleteMessage} — the usual "await
 * until the queue has it" test; (2) a plain long-poll loop ({@code WaitTimeSeconds=1}, then
 * delete), which is what Vigil does under the hood. The three loops take turns round by round, so
 * that the machine's load weighs on each alike; the first tenth of the rounds warms up and is not
 * counted.
 *
 * <p>Usage: {@code ./bench sqs [--quick]}.
 */
public final class SqsBench {
  private static final String BODY = "{\"order_id\":\"o-1234567\"}";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final int rounds;
  private final SplittableRandom random = new SplittableRandom(20261130L);

  private SqsBench(int rounds) {
    this.rounds = rounds;
  }

  /** Runs every measurement and prints BENCH and RATIO lines. */
  public static void main(String[] args) throws Exception {
    boolean quick = args.length > 0 && args[0].equals("--quick");
    long startedAt = System.nanoTime();
    EmbeddedSqs sqs = EmbeddedSqs.start();
    long coldStart = System.nanoTime() - startedAt;
    try {
      Report.bench("sqs-server-start", coldStart / 1e9, "s");
      new SqsBench(quick ? 40 : 200).run(sqs);
    } finally {
      sqs.stop();
    }
    EmbeddedSqs warm = EmbeddedSqs.start();
    Report.note(
        "a second ElasticMQ in the same (warm) JVM started in "
            + Report.format(warm.startTime().toNanos() / 1e6)
            + " ms");
    warm.stop();
  }

  /** One way to wait for a message, and the send it waits for. */
  private record Loop(Runnable awaitOne, Runnable send) {}

  private void run(EmbeddedSqs sqs) throws Exception {
    try (Vigil vigil = Vigil.create();
        SqsBus bus = SqsBus.connect(vigil, sqs.endpoint());
        SqsClient sdk = sdkClient(sqs)) {
      bus.createQueue("bench-vigil");
      BusTestClient client = BusTestClient.of(vigil, bus);
      String pollUrl = sdk.createQueue(b -> b.queueName("bench-awaitility")).queueUrl();
      String longPollUrl = sdk.createQueue(b -> b.queueName("bench-long-poll")).queueUrl();
      List<Loop> loops =
          List.of(
              new Loop(
                  () -> client.drain("bench-vigil", 1, TIMEOUT, Map.class),
                  () -> bus.send("bench-vigil", Message.of(BODY))),
              new Loop(() -> awaitilityReceive(sdk, pollUrl), () -> sdkSend(sdk, pollUrl)),
              new Loop(() -> longPollReceive(sdk, longPollUrl), () -> sdkSend(sdk, longPollUrl)));
      long[][] latencies = measure(loops);
      report(latencies[0], latencies[1], latencies[2]);
    }
  }

  private static void report(long[] vigil, long[] awaitility, long[] longPoll) {
    double vigilP50 = Report.percentile(vigil, 50);
    Report.bench("sqs-send-to-wake-p50", vigilP50 / 1e6, "ms");
    Report.bench("sqs-send-to-wake-p99", Report.percentile(vigil, 99) / 1e6, "ms");
    note("peer 1, Awaitility defaults over receiveMessage(WaitTimeSeconds=0)", awaitility);
    Report.ratio("sqs-vs-sdk-poll", Report.percentile(awaitility, 50), vigilP50);
    note("peer 2, a plain SDK long-poll loop (WaitTimeSeconds=1)", longPoll);
    Report.ratio("sqs-vs-sdk-long-poll", Report.percentile(longPoll, 50), vigilP50);
  }

  private static void note(String what, long[] latencies) {
    Report.note(
        what
            + ": p50 "
            + Report.format(Report.percentile(latencies, 50) / 1e6)
            + " ms, p99 "
            + Report.format(Report.percentile(latencies, 99) / 1e6)
            + " ms");
  }

  // ---- the peers: the user's own SqsClient

  private static void sdkSend(SqsClient sdk, String url) {
    sdk.sendMessage(b -> b.queueUrl(url).messageBody(BODY));
  }

  private static void awaitilityReceive(SqsClient sdk, String url) {
    List<software.amazon.awssdk.services.sqs.model.Message> received =
        await()
            .atMost(TIMEOUT)
            .until(
                () -> sdk.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(0)).messages(),
                messages -> !messages.isEmpty());
    received.forEach(m -> sdk.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
  }

  private static void longPollReceive(SqsClient sdk, String url) {
    while (true) {
      List<software.amazon.awssdk.services.sqs.model.Message> received =
          sdk.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages();
      if (!received.isEmpty()) {
        received.forEach(
            m -> sdk.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        return;
      }
    }
  }

  // ---- the rounds

  /** Runs the loops in turn, round by round; returns each loop's counted latencies (ns). */
  private long[][] measure(List<Loop> loops) throws Exception {
    int warmUp = Math.max(10, rounds / 10);
    long[][] latencies = new long[loops.size()][rounds];
    for (int i = -warmUp; i < rounds; i++) {
      for (int loop = 0; loop < loops.size(); loop++) {
        long latency = round(loops.get(loop));
        if (i >= 0) {
          latencies[loop][i] = latency;
        }
      }
    }
    return latencies;
  }

  /** A waiter thread waits with the loop; this thread sends after a random pause. */
  private long round(Loop loop) throws Exception {
    SynchronousQueue<Long> done = new SynchronousQueue<>();
    CountDownLatch waiting = new CountDownLatch(1);
    AtomicLong sentAt = new AtomicLong();
    Thread waiter =
        new Thread(
            () -> {
              waiting.countDown();
              loop.awaitOne().run();
              try {
                done.put(System.nanoTime() - sentAt.get());
              } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
              }
            },
            "bench-sqs-waiter");
    waiter.start();
    waiting.await();
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5 + random.nextInt(26)));
    sentAt.set(System.nanoTime());
    loop.send().run();
    Long latency = done.poll(30, TimeUnit.SECONDS);
    if (latency == null) {
      throw new IllegalStateException("a round did not end within 30 s");
    }
    waiter.join();
    return latency;
  }

  private static SqsClient sdkClient(EmbeddedSqs sqs) {
    return SqsClient.builder()
        .endpointOverride(sqs.uri())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(ApacheHttpClient.create())
        .build();
  }
}
