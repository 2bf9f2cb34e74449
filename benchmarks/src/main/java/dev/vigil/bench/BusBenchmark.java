package dev.vigil.bench;

import dev.vigil.Vigil;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.ConsumerOptions;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.Message;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Vigil's embedded bus in real time: consumer throughput, send-to-handler latency, and a
 * send/receive/delete loop side by side with ElasticMQ 1.6.11 embedded in the same JVM and driven
 * through the AWS SDK v2 SQS client, in one run.
 *
 * <p>Usage: {@code ./bench bus [--quick]}. Every round runs on a fresh {@code Vigil.create()} and
 * {@link EmbeddedBus}, as a test would, so that the timeline of one round (the bus records every
 * send, receive and ack) does not pile up across rounds; creating and closing them is not timed.
 */
public final class BusBenchmark {
  private static final String QUEUE = "bench--orders";
  private static final String BODY = "{\"order_id\":\"o-1234567\",\"customer\":\"c-42\"}";
  private static final Message MESSAGE = Message.of(BODY);
  private static final int BATCH = 10;

  private final boolean quick;
  private final SplittableRandom random = new SplittableRandom(20261124L);

  private BusBenchmark(boolean quick) {
    this.quick = quick;
  }

  /** Runs every measurement and prints BENCH and RATIO lines. */
  public static void main(String[] args) throws Exception {
    boolean quick = args.length > 0 && args[0].equals("--quick");
    new BusBenchmark(quick).run();
  }

  private void run() throws Exception {
    throughput();
    latency();
    double vigilNanos = sendReceiveDeleteVigil();
    double elasticNanos = sendReceiveDeleteElasticMq();
    Report.ratio("bus-vs-elasticmq", elasticNanos, vigilNanos);
    retainedHeap();
  }

  // ---- consumer throughput

  /** One producer thread sends; one consumer (the defaults) handles and acks. */
  private void throughput() throws InterruptedException {
    int perRound = quick ? 50_000 : 200_000;
    // The hot path reaches steady state only after ~3 M messages (JIT and heap sizing): warm up
    // with 4 M so that the timed rounds measure the steady state, as a long test suite sees it.
    int warmRounds = quick ? 2 : 20;
    int rounds = quick ? 2 : 10;
    for (int i = 0; i < warmRounds; i++) {
      throughputRound(perRound);
    }
    long nanos = 0;
    for (int i = 0; i < rounds; i++) {
      nanos += throughputRound(perRound);
    }
    Report.bench("bus-throughput", (double) perRound * rounds / (nanos / 1e9), "msg/s");
  }

  /** Returns the time from the first send to the ack of the last message. */
  private static long throughputRound(int messages) throws InterruptedException {
    try (Vigil vigil = Vigil.create();
        EmbeddedBus bus = EmbeddedBus.create(vigil)) {
      bus.createQueue(QUEUE);
      CountingHandler handler = new CountingHandler(messages);
      BusConsumer consumer = bus.consume(QUEUE, handler::handle, ConsumerOptions.defaults());
      long start = System.nanoTime();
      for (int i = 0; i < messages; i++) {
        bus.send(QUEUE, MESSAGE);
      }
      if (!handler.done.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "handler saw " + handler.count + " of " + messages + " messages within 60 s");
      }
      while (consumer.acknowledged() < messages) {
        Thread.onSpinWait();
      }
      long elapsed = System.nanoTime() - start;
      consumer.close();
      return elapsed;
    }
  }

  /** Counts deliveries; a consumer with concurrency 1 runs it on one thread at a time. */
  private static final class CountingHandler {
    final CountDownLatch done = new CountDownLatch(1);
    final int target;
    long count;

    CountingHandler(int target) {
      this.target = target;
    }

    void handle(ReceivedMessage message) {
      if (++count == target) {
        done.countDown();
      }
    }
  }

  // ---- latency

  /** From send of one message to an idle consumer to its handler running. */
  private void latency() {
    int warmup = quick ? 500 : 2_000;
    int samples = quick ? 2_000 : 20_000;
    try (Vigil vigil = Vigil.create();
        EmbeddedBus bus = EmbeddedBus.create(vigil)) {
      bus.createQueue(QUEUE);
      LatencyHandler handler = new LatencyHandler();
      BusConsumer consumer = bus.consume(QUEUE, handler::handle, ConsumerOptions.defaults());
      long[] latencies = new long[samples];
      for (int i = -warmup; i < samples; i++) {
        LockSupport.parkNanos(random.nextLong(20_000, 200_001));
        long sentAt = System.nanoTime();
        bus.send(QUEUE, MESSAGE);
        long expected = i + warmup + 1L;
        awaitAck(consumer, expected);
        if (i >= 0) {
          latencies[i] = handler.handledAt - sentAt;
        }
      }
      consumer.close();
      Report.bench("bus-latency-p50", Report.percentile(latencies, 50) / 1e3, "us");
      Report.bench("bus-latency-p99", Report.percentile(latencies, 99) / 1e3, "us");
      Report.bench("bus-latency-p999", Report.percentile(latencies, 99.9) / 1e3, "us");
    }
  }

  /** Waits, spinning briefly and then parking, until the consumer has acked {@code count}. */
  private static void awaitAck(BusConsumer consumer, long count) {
    long spinUntil = System.nanoTime() + 20_000;
    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (consumer.acknowledged() < count) {
      long now = System.nanoTime();
      if (now < spinUntil) {
        Thread.onSpinWait();
      } else if (now < giveUpAt) {
        LockSupport.parkNanos(10_000);
      } else {
        throw new IllegalStateException(
            "consumer acked " + consumer.acknowledged() + " of " + count + " within 10 s");
      }
    }
  }

  /** Records when it last ran. */
  private static final class LatencyHandler {
    volatile long handledAt;

    void handle(ReceivedMessage message) {
      handledAt = System.nanoTime();
    }
  }

  // ---- send / receive(10) / delete, one thread: Vigil against ElasticMQ

  /** Returns the nanoseconds per message of the loop on Vigil's bus, and prints its rate. */
  private double sendReceiveDeleteVigil() {
    int perRound = quick ? 50_000 : 200_000;
    // The hot path reaches steady state only after ~3 M messages (JIT and heap sizing): warm up
    // with 4 M so that the timed rounds measure the steady state, as a long test suite sees it.
    int warmRounds = quick ? 2 : 20;
    int rounds = quick ? 2 : 10;
    for (int i = 0; i < warmRounds; i++) {
      sendReceiveDeleteVigilRound(perRound);
    }
    long nanos = 0;
    for (int i = 0; i < rounds; i++) {
      nanos += sendReceiveDeleteVigilRound(perRound);
    }
    double perMessage = nanos / ((double) perRound * rounds);
    Report.bench("bus-send-receive-delete-vigil", 1e9 / perMessage, "msg/s");
    return perMessage;
  }

  private static long sendReceiveDeleteVigilRound(int messages) {
    try (Vigil vigil = Vigil.create();
        EmbeddedBus bus = EmbeddedBus.create(vigil)) {
      bus.createQueue(QUEUE);
      Receive upTo10 = Receive.upTo(BATCH);
      long start = System.nanoTime();
      for (int done = 0; done < messages; done += BATCH) {
        for (int i = 0; i < BATCH; i++) {
          bus.send(QUEUE, MESSAGE);
        }
        int left = BATCH;
        for (int tries = 0; left > 0; tries++) {
          checkTries(tries);
          List<ReceivedMessage> received = bus.receive(QUEUE, upTo10);
          for (ReceivedMessage message : received) {
            bus.delete(QUEUE, message.receiptHandle());
          }
          left -= received.size();
        }
      }
      return System.nanoTime() - start;
    }
  }

  /** Returns the nanoseconds per message of the same loop on ElasticMQ, and prints its rate. */
  private double sendReceiveDeleteElasticMq() {
    // ElasticMQ (Scala, Pekko HTTP) and the SDK take tens of seconds of JIT to reach speed.
    long warmNanos = TimeUnit.SECONDS.toNanos(quick ? 3 : 20);
    long measureNanos = TimeUnit.SECONDS.toNanos(quick ? 2 : 10);
    try (BusElasticMq elastic = BusElasticMq.start()) {
      String queueUrl = elastic.createQueue(QUEUE);
      elasticLoop(elastic, queueUrl, warmNanos);
      long[] result = elasticLoop(elastic, queueUrl, measureNanos);
      double perMessage = result[1] / (double) result[0];
      Report.bench("bus-send-receive-delete-elasticmq", 1e9 / perMessage, "msg/s");
      return perMessage;
    }
  }

  /** Runs whole batches for at least {@code forNanos}; returns {messages, nanoseconds}. */
  private static long[] elasticLoop(BusElasticMq elastic, String queueUrl, long forNanos) {
    long start = System.nanoTime();
    long messages = 0;
    long now;
    do {
      for (int i = 0; i < BATCH; i++) {
        elastic.send(queueUrl, BODY);
      }
      int left = BATCH;
      for (int tries = 0; left > 0; tries++) {
        checkTries(tries);
        List<software.amazon.awssdk.services.sqs.model.Message> received =
            elastic.receive(queueUrl, BATCH);
        for (software.amazon.awssdk.services.sqs.model.Message message : received) {
          elastic.delete(queueUrl, message.receiptHandle());
        }
        left -= received.size();
      }
      messages += BATCH;
      now = System.nanoTime();
    } while (now - start < forNanos);
    return new long[] {messages, now - start};
  }

  private static void checkTries(int tries) {
    if (tries > 1_000) {
      throw new IllegalStateException("10 messages sent but not received after 1000 receives");
    }
  }

  // ---- memory

  /**
   * Heap a context keeps per message that went through send, receive and ack: the timeline's three
   * entries, since the message itself is gone.
   */
  private static void retainedHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    int messages = 100_000;
    try (Vigil vigil = Vigil.create();
        EmbeddedBus bus = EmbeddedBus.create(vigil)) {
      bus.createQueue(QUEUE);
      long before = usedAfterGc(memory);
      sendReceiveDeleteOn(bus, messages);
      long after = usedAfterGc(memory);
      Report.bench("bus-retained-heap-per-msg", (after - before) / (double) messages, "B");
    }
  }

  private static void sendReceiveDeleteOn(EmbeddedBus bus, int messages) {
    for (int i = 0; i < messages; i++) {
      bus.send(QUEUE, MESSAGE);
      for (ReceivedMessage message : bus.receive(QUEUE, Receive.one())) {
        bus.delete(QUEUE, message.receiptHandle());
      }
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
