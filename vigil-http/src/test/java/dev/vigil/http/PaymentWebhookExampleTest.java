package dev.vigil.http;

import static dev.vigil.http.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example, kept compiling and passing here. */
class PaymentWebhookExampleTest {
  private static final String SECRET = "whsec-test-secret";

  @Test
  void payment_completion_triggers_a_signed_webhook_retried_after_a_503() {
    try (Vigil vigil = Vigil.withVirtualTime();
        WebhookServer webhooks = WebhookServer.start(vigil)) {
      webhooks
          .when(post("/payment-complete"))
          .failFirst(1, Response.status(503))
          .respond(Response.ok());
      PaymentService payments =
          new PaymentService(HttpClient.newHttpClient(), vigil.scheduler(), SECRET);
      payments.registerWebhook(webhooks.uri("/payment-complete"));

      payments.processPayment("ord-1", 99.99);

      List<RecordedRequest> calls =
          webhooks.awaitRequests(
              post("/payment-complete").withJsonField("order_id", "ord-1"),
              2,
              Duration.ofSeconds(15));
      RecordedRequest call = calls.get(1);
      assertThat(call.bodyAsJson().path("amount").asDouble()).isEqualTo(99.99);
      assertThat(call.bodyAsJson().path("status").asText()).isEqualTo("completed");
      WebhookSignature.hmacSha256Hex("X-Signature", "sha256=", SECRET).verify(call);
      vigil
          .timeline()
          .trace("ord-1")
          .containsInOrder(
              HttpEntries.request("POST", "/payment-complete"),
              HttpEntries.response(503, "POST", "/payment-complete"),
              HttpEntries.request("POST", "/payment-complete"),
              HttpEntries.response(200, "POST", "/payment-complete"));
      assertThat(call.receivedAt()).isEqualTo(calls.get(0).receivedAt().plusSeconds(2));
    }
  }
}
