package dev.vigil.assertj;

import static dev.vigil.assertj.VigilAssertions.assertThat;
import static dev.vigil.assertj.VigilAssertions.assertThatQueue;
import static dev.vigil.assertj.VigilAssertions.assertThatTimeline;
import static dev.vigil.http.RequestMatcher.post;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.JsonCodec;
import dev.vigil.bus.QueueSpec;
import dev.vigil.http.WebhookServer;
import dev.vigil.http.WebhookSignature;
import dev.vigil.snapshot.Diff;
import dev.vigil.snapshot.Snapshot;
import dev.vigil.timeline.Timeline;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's examples of the AssertJ assertions, as they are printed there. */
class ReadmeExamplesTest {
  record Charge(String orderId, double amount) {}

  record Stock(String sku, int quantity) {}

  private static final WebhookSignature SIGNED =
      WebhookSignature.hmacSha256Hex("X-Signature", "sha256=", "webhook-secret");

  @Test
  void timelines_and_traces() {
    try (Vigil vigil = Vigil.withVirtualTime()) {
      Timeline timeline = vigil.timeline();
      vigil
          .scheduler()
          .schedule(() -> timeline.record("order.created", "ord-1", Map.of()), 1, SECONDS);
      vigil
          .scheduler()
          .schedule(() -> timeline.record("payment.completed", "ord-1", Map.of()), 2, SECONDS);

      assertThatTimeline(vigil)
          .eventually() // a wait, woken by every append
          .forCorrelationId("ord-1")
          .containsInOrder("order.created", "payment.completed")
          .containsExactlyOnce("payment.completed")
          .happensBefore("order.created", "payment.completed")
          .doesNotContain("payment.refunded");
      assertThat(timeline).fromSource("user").containsExactly("order.created", 1);
    }
  }

  @Test
  void bus_messages_and_queues() {
    try (Vigil vigil = Vigil.withVirtualTime();
        EmbeddedBus bus = EmbeddedBus.create(vigil)) {
      bus.createQueue(QueueSpec.named("billing").withDeadLetterQueue("billing--dlq", 3));
      BusTestClient client = BusTestClient.of(vigil, bus);
      JsonCodec json = JsonCodec.plain();
      try (BusConsumer billing = // the code under test
          bus.consume(
              "billing",
              message -> {
                if (message.decode(json, Charge.class).amount() < 0) {
                  throw new IllegalArgumentException(
                      "negative amount"); // retried, then dead-lettered
                }
              })) {
        client.send("billing", new Charge("ord-1", 99.99), "ord-1");
        client.send("billing", new Charge("ord-2", -1), "ord-2");

        assertThatQueue(client, "billing")
            .eventually()
            .within(Duration.ofMinutes(5))
            .hasDeadLetters(1) // after 3 receives, 30 s apart
            .isEmpty()
            .deadLetters()
            .containsMessageWith("orderId", "ord-2");
        assertThat(bus.peek("billing--dlq").get(0)) // peeked: nothing is consumed
            .hasJsonField("/amount", -1)
            .hasCorrelationId("ord-2");
      }
    }
  }

  @Test
  void captured_http_requests() throws Exception {
    try (Vigil vigil = Vigil.withVirtualTime();
        WebhookServer webhooks = WebhookServer.start(vigil)) {
      String body = "{\"order_id\":\"ord-1\",\"status\":\"completed\"}";
      HttpRequest paid =
          HttpRequest.newBuilder(webhooks.uri("/payment-complete"))
              .header("Content-Type", "application/json")
              .header("X-Signature", SIGNED.sign(body.getBytes(UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpClient sender = HttpClient.newHttpClient(); // the code under test, 2 s from now
      vigil
          .scheduler()
          .schedule(() -> sender.send(paid, HttpResponse.BodyHandlers.discarding()), 2, SECONDS);

      assertThat(webhooks).eventually().hasReceived(post("/payment-complete"), 1);
      assertThat(webhooks.requests().get(0))
          .hasMethod("POST")
          .hasPath("/payment-complete")
          .hasHeader("content-type", "application/json") // names in any case
          .hasJsonField("order_id", "ord-1")
          .hasValidSignature(SIGNED);
      assertThat(webhooks).hasNotReceived(post("/refund"));
    }
  }

  @Test
  void snapshot_diffs() {
    List<Stock> inventory =
        new ArrayList<>(List.of(new Stock("prod-789", 100), new Stock("prod-790", 5)));
    Snapshot before = Snapshot.of("inventory", inventory, Stock::sku);

    inventory.set(0, new Stock("prod-789", 97)); // the event
    inventory.add(new Stock("prod-791", 1));
    Diff diff = before.diffTo(Snapshot.of("inventory", inventory, Stock::sku));

    assertThat(diff)
        .hasUpdated("prod-789")
        .hasInserted("prod-791")
        .hasOnlyChangedFields("prod-789", "quantity")
        .hasFieldChange("prod-789", "quantity", 100, 97);
    assertThatThrownBy(() -> assertThat(diff).hasFieldChange("prod-789", "quantity", 100, 98))
        .hasMessage(
            String.join(
                System.lineSeparator(),
                "",
                "Expecting diff:",
                "  inventory: 1 updated, 1 inserted, 0 deleted",
                "    change    key         field     before  after",
                "    updated   \"prod-789\"  quantity  100     97",
                "    inserted  \"prod-791\"  sku               \"prod-791\"",
                "                          quantity          1",
                "to have row \"prod-789\" change quantity from 100 to 98, but it changed from 100"
                    + " to 97."));
  }
}
