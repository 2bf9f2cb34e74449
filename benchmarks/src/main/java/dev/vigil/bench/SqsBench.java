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
 * BusTestClient.drain} (1 s long polls) against the loops users write with the AWS SDK v2 on the
 * same server in the same run.
 *
 * <p>Each round: the waiter starts waiting, the sender waits a random 5–30 ms (so the message lands
 * at a random point of the waiter's polling), takes the time and sends; the round's latency runs
 * from just before the send until the wait returned the message (received and deleted). The peers:
 * (1) Awaitility 4.3.0 with its defaults (poll delay and interval 100 ms) polling {@code
 * receiveMessage} with {@code WaitTimeSeconds=0}, then {@code deleteMessage} — the usual "await
 * until the queue has it" test; (2) a plain long-poll loop ({@code WaitTimeSeconds=1}, then
 * delete), which is what Vigil does under the hood.
 *
 * <p>Usage: {@code ./bench sqs [--quick]}.
 */
public final class SqsBench {
  private static final String BODY = "{\"order_id\":\"o-1234567\"}";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final int rounds;
  private final SplittableRandom random = new SplittableRandom(20261130L);
  private final long[] sends;

  private SqsBench(int rounds) {
    this.rounds = rounds;
    this.sends = new long[rounds];
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

  private void run(EmbeddedSqs sqs) throws Exception {
    SqsClient sdk = sdkClient(sqs);
    try {
      long[] vigil = vigilRounds(sqs);
      double vigilP50 = Report.percentile(vigil, 50);
      Report.bench("sqs-send-to-wake-p50", vigilP50 / 1e6, "ms");
      Report.bench("sqs-send-to-wake-p99", Report.percentile(vigil, 99) / 1e6, "ms");
      Report.note(
          "one ElasticMQ request (a send) takes p50 "
              + Report.format(Report.percentile(sends, 50) / 1e6)
              + " ms here; a drain's wake needs the send, the long poll's answer and a delete");
      long[] awaitility = peerRounds(sdk, "awaitility", this::awaitilityReceive);
      Report.note(
          "peer 1, Awaitility defaults over receiveMessage(WaitTimeSeconds=0): p50 "
              + Report.format(Report.percentile(awaitility, 50) / 1e6)
              + " ms, p99 "
              + Report.format(Report.percentile(awaitility, 99) / 1e6)
              + " ms");
      Report.ratio("sqs-vs-sdk-poll", Report.percentile(awaitility, 50), vigilP50);
      long[] longPoll = peerRounds(sdk, "long-poll", SqsBench::longPollReceive);
      Report.note(
          "peer 2, a plain SDK long-poll loop (WaitTimeSeconds=1): p50 "
              + Report.format(Report.percentile(longPoll, 50) / 1e6)
              + " ms, p99 "
              + Report.format(Report.percentile(longPoll, 99) / 1e6)
              + " ms");
      Report.ratio("sqs-vs-sdk-long-poll", Report.percentile(longPoll, 50), vigilP50);
    } finally {
      sdk.close();
    }
  }

  // ---- Vigil: BusTestClient.drain on an SqsBus

  private long[] vigilRounds(EmbeddedSqs sqs) throws Exception {
    try (Vigil vigil = Vigil.create();
        SqsBus bus = SqsBus.connect(vigil, sqs.endpoint())) {
      String queue = "bench-vigil";
      bus.createQueue(queue);
      BusTestClient client = BusTestClient.of(vigil, bus);
      return measure(
          () -> client.drain(queue, 1, TIMEOUT, Map.class),
          () -> bus.send(queue, Message.of(BODY)));
    }
  }

  // ---- the peers: the user's own SqsClient

  /** One wait of a peer: returns once the message is received and deleted. */
  interface PeerReceive {
    void awaitOne(SqsClient sdk, String queueUrl);
  }

  private long[] peerRounds(SqsClient sdk, String name, PeerReceive peer) throws Exception {
    String url = sdk.createQueue(b -> b.queueName("bench-" + name)).queueUrl();
    return measure(
        () -> peer.awaitOne(sdk, url),
        () -> sdk.sendMessage(b -> b.queueUrl(url).messageBody(BODY)));
  }

  private void awaitilityReceive(SqsClient sdk, String url) {
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

  // ---- the round

  /**
   * Runs warm-up and timed rounds: a waiter thread waits with {@code awaitOne}; this thread sends
   * after a random pause. Returns the timed rounds' latencies in nanoseconds.
   */
  private long[] measure(Runnable awaitOne, Runnable send) throws Exception {
    int warmUp = Math.max(10, rounds / 10);
    long[] latencies = new long[rounds];
    SynchronousQueue<Long> done = new SynchronousQueue<>();
    for (int i = -warmUp; i < rounds; i++) {
      CountDownLatch waiting = new CountDownLatch(1);
      AtomicLong sentAt = new AtomicLong();
      Thread waiter =
          new Thread(
              () -> {
                waiting.countDown();
                awaitOne.run();
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
      long start = System.nanoTime();
      sentAt.set(start);
      send.run();
      long sent = System.nanoTime() - start;
      Long latency = done.poll(30, TimeUnit.SECONDS);
      if (latency == null) {
        throw new IllegalStateException("a round did not end within 30 s");
      }
      waiter.join();
      if (i >= 0) {
        latencies[i] = latency;
        sends[i] = sent;
      }
    }
    return latencies;
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
