package dev.vigil.http;

import dev.vigil.timeline.Correlation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seed's payment service, as the code under test of the README's example: it posts a signed
 * {@code payment.completed} webhook and retries every 2 seconds on a 5xx, on the scheduler it is
 * given.
 */
final class PaymentService {
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final byte[] secret;
  private volatile URI webhook = URI.create("http://localhost/");

  PaymentService(HttpClient http, ScheduledExecutorService scheduler, String secret) {
    this.http = http;
    this.scheduler = scheduler;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  void registerWebhook(URI target) {
    webhook = target;
  }

  void processPayment(String orderId, double amount) {
    String body =
        String.format(
            Locale.ROOT,
            "{\"order_id\":\"%s\",\"amount\":%s,\"status\":\"completed\"}",
            orderId,
            amount);
    scheduler.execute(() -> deliver(orderId, body, 1));
  }

  private void deliver(String orderId, String body, int attempt) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(webhook)
                  .header("Content-Type", "application/json")
                  .header("X-Signature", "sha256=" + hmac(body))
                  .header(Correlation.HEADER, orderId)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() >= 500 && attempt < 5) {
        scheduler.schedule(() -> deliver(orderId, body, attempt + 1), 2, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      scheduler.schedule(() -> deliver(orderId, body, attempt + 1), 2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String hmac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
