package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ConsumerTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);

  @Test
  void a_handler_that_returns_acknowledges_the_message() {
    bus.createQueue("orders");
    List<String> handled = new CopyOnWriteArrayList<>();
    BusConsumer consumer = bus.consume("orders", message -> handled.add(message.body()));

    bus.send("orders", Message.of("o-1"));
    bus.send("orders", Message.of("o-2"));

    vigil.eventually(() -> consumer.acknowledged() == 2).within(Duration.ofSeconds(1));
    assertThat(handled).containsExactly("o-1", "o-2");
    assertThat(bus.stats("orders").total()).isZero();
  }

  @Test
  void a_handler_that_throws_gets_the_message_again_after_the_visibility_timeout() {
    bus.createQueue(QueueSpec.named("orders").withVisibilityTimeout(Duration.ofSeconds(30)));
    AtomicInteger attempts = new AtomicInteger();
    BusConsumer consumer =
        bus.consume(
            "orders",
            message -> {
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
              }
            });
    long start = vigil.time().nanoTime();

    bus.send("orders", Message.of("o-1"));

    vigil.eventually(() -> consumer.acknowledged() == 1).within(Duration.ofMinutes(1));
    assertThat(consumer.failed()).isEqualTo(1);
    assertThat(Duration.ofNanos(vigil.time().nanoTime() - start)).isEqualTo(Duration.ofSeconds(30));
    assertThat(vigil.timeline().byType("handler-failed orders"))
        .singleElement()
        .satisfies(e -> assertThat(e.summary()).contains("database down"));
    assertThat(vigil.timeline().byType("retry orders")).hasSize(1);
  }

  /**
   * The seed's dead-letter test with production settings: visibility timeout 30 s and three
   * receives. In LocalStack it needed both shrunk (3 s, one receive) to finish in 10 s; here it
   * runs as configured in production, in virtual time.
   */
  @Test
  void a_message_that_always_fails_reaches_the_dead_letter_queue_with_production_settings() {
    bus.createQueue(
        QueueSpec.named("customer--order-created")
            .withVisibilityTimeout(Duration.ofSeconds(30))
            .withDeadLetterQueue("customer--order-created--dlq", 3));
    bus.subscribe(Subscription.of("order--created", "customer--order-created").withRawDelivery());
    bus.consume(
        "customer--order-created",
        message -> {
          throw new IllegalArgumentException("customer not found");
        });
    long start = vigil.time().nanoTime();

    bus.publish("order--created", Message.of("{\"order_id\":\"o-1\",\"customer_id\":\"c-404\"}"));

    List<QueuedMessage> deadLetters =
        vigil
            .eventually(() -> bus.peek("customer--order-created--dlq"))
            .within(Duration.ofMinutes(5));
    assertThat(deadLetters).singleElement().satisfies(m -> assertThat(m.body()).contains("c-404"));
    assertThat(vigil.timeline().byType("handler-failed customer--order-created")).hasSize(3);
    assertThat(vigil.timeline().byType("dead-letter customer--order-created"))
        .singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("receiveCount", "3"));
    // Received at 0 s, 30 s and 60 s; the fourth receive, at 90 s, moves it. All of it on the
    // virtual clock: the test takes milliseconds.
    assertThat(Duration.ofNanos(vigil.time().nanoTime() - start)).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void concurrency_runs_that_many_handlers_at_once_and_no_more() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    // Under real time the handlers block until released, so they overlap for real.
    try (Vigil real = Vigil.create();
        EmbeddedBus realBus = EmbeddedBus.create(real)) {
      realBus.createQueue("orders");
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      BusConsumer consumer =
          realBus.consume(
              "orders",
              message -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                release.await();
                running.decrementAndGet();
              },
              ConsumerOptions.defaults().withConcurrency(3).withBatchSize(1));
      for (int i = 0; i < 6; i++) {
        realBus.send("orders", Message.of("o-" + i));
      }

      real.eventually(() -> running.get() == 3).within(Duration.ofSeconds(5));
      real.continually(() -> running.get() <= 3).throughout(Duration.ofMillis(50));
      release.countDown();
      real.eventually(() -> consumer.acknowledged() == 6).within(Duration.ofSeconds(5));
      assertThat(mostAtOnce.get()).isEqualTo(3);
    }
  }

  @Test
  void what_a_handler_publishes_inherits_the_correlation_id_of_the_message_it_handles() {
    bus.subscribe(Subscription.of("order--created", "payments").withRawDelivery());
    bus.subscribe(Subscription.of("payment--completed", "shipping").withRawDelivery());
    bus.consume(
        "payments",
        message -> bus.publish("payment--completed", Message.of("paid " + message.body())));

    bus.publish("order--created", Message.of("o-1").withCorrelationId("flow-1"));

    QueuedMessage shipped =
        vigil.eventually(() -> bus.peek("shipping")).within(Duration.ofSeconds(1)).get(0);
    assertThat(shipped.attributes()).containsEntry("correlation-id", "flow-1");
    vigil
        .timeline()
        .trace("flow-1")
        .containsInOrder(
            "publish order--created",
            "receive payments",
            "publish payment--completed",
            "ack payments");
  }

  @Test
  void a_closed_consumer_gets_nothing_more() {
    bus.createQueue("orders");
    List<String> handled = new CopyOnWriteArrayList<>();
    BusConsumer consumer = bus.consume("orders", message -> handled.add(message.body()));
    bus.send("orders", Message.of("before"));
    vigil.eventually(() -> handled.size() == 1).within(Duration.ofSeconds(1));

    consumer.close();
    bus.send("orders", Message.of("after"));

    vigil.never(() -> handled.size() > 1).within(Duration.ofSeconds(10));
    assertThat(bus.peek("orders")).extracting(QueuedMessage::body).containsExactly("after");
  }

  @Test
  void in_real_time_a_failed_message_comes_back_when_its_visibility_timeout_ends() {
    try (Vigil real = Vigil.create();
        EmbeddedBus realBus = EmbeddedBus.create(real)) {
      realBus.createQueue(QueueSpec.named("orders").withVisibilityTimeout(Duration.ofMillis(200)));
      AtomicInteger attempts = new AtomicInteger();
      BusConsumer consumer =
          realBus.consume(
              "orders",
              message -> {
                if (attempts.incrementAndGet() == 1) {
                  throw new IllegalStateException("first attempt fails");
                }
              });

      realBus.send("orders", Message.of("o-1"));

      // Only the broker's scheduled wake-up brings the message back: nothing else sends.
      real.eventually(() -> consumer.acknowledged() == 1).within(Duration.ofSeconds(5));
      assertThat(attempts.get()).isEqualTo(2);
    }
  }

  record OrderCreated(String orderId) {}

  @Test
  void a_body_the_handler_cannot_decode_is_retried_and_dead_lettered_never_lost() {
    bus.createQueue(
        QueueSpec.named("orders")
            .withVisibilityTimeout(Duration.ofSeconds(30))
            .withDeadLetterQueue("orders--dlq", 2));
    bus.consume("orders", m -> m.decode(JsonCodec.plain(), OrderCreated.class));

    bus.send("orders", Message.of("{not json"));

    List<QueuedMessage> deadLetters =
        vigil.eventually(() -> bus.peek("orders--dlq")).within(Duration.ofMinutes(2));
    assertThat(deadLetters).extracting(QueuedMessage::body).containsExactly("{not json");
    assertThat(vigil.timeline().byType("handler-failed orders"))
        .hasSize(2)
        .allSatisfy(
            e ->
                assertThat(e.attributes())
                    .containsEntry("exception", UndecodableMessageException.class.getName()));
  }

  @Test
  void deleting_a_queue_stops_its_consumers() {
    bus.createQueue("orders");
    BusConsumer consumer = bus.consume("orders", m -> {});

    bus.deleteQueue("orders");
    bus.createQueue("orders");
    bus.send("orders", Message.of("for nobody"));

    vigil.never(() -> consumer.acknowledged() > 0).within(Duration.ofSeconds(10));
    assertThat(bus.stats("orders").visible()).isEqualTo(1);
  }

  @Test
  void a_real_time_consumer_handles_messages_on_its_own_threads() {
    try (Vigil real = Vigil.create();
        EmbeddedBus realBus = EmbeddedBus.create(real)) {
      realBus.createQueue("orders");
      List<String> threads = new CopyOnWriteArrayList<>();
      BusConsumer consumer =
          realBus.consume("orders", message -> threads.add(Thread.currentThread().getName()));

      realBus.send("orders", Message.of("o-1"));

      real.eventually(() -> consumer.acknowledged() == 1).within(Duration.ofSeconds(5));
      assertThat(threads).singleElement().asString().startsWith("vigil-consumer-orders-");
    }
  }
}
