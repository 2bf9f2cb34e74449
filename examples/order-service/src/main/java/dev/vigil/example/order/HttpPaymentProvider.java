package dev.vigil.example.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Calls the payment provider's {@code POST {provider}/payments} with {@code {"order_id", "amount",
 * "callback_url"}}; a 2xx answer is accepted, its {@code payment_id} (if any) is the payment's id.
 */
public final class HttpPaymentProvider implements PaymentProvider {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI payments;

  /**
   * Calls the provider at {@code providerUri}.
   *
   * @param http the HTTP client
   * @param providerUri the provider's base URI
   */
  public HttpPaymentProvider(HttpClient http, URI providerUri) {
    this.http = http;
    this.payments = URI.create(providerUri.toString().replaceAll("/+$", "") + "/payments");
  }

  @Override
  public CompletableFuture<String> initiate(PaymentRequest request) {
    HttpRequest call =
        HttpRequest.newBuilder(payments)
            .header("content-type", "application/json")
            .header("correlation-id", request.correlationId())
            .POST(HttpRequest.BodyPublishers.ofString(json(request)))
            .build();
    return http.sendAsync(call, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> paymentId(request, response));
  }

  private static String paymentId(PaymentRequest request, HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new PaymentRefusedException(
          "payment provider answered " + response.statusCode() + " for " + request.orderId());
    }
    try {
      JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
      return body.path("payment_id").asText("pay-" + request.orderId());
    } catch (IOException e) {
      return "pay-" + request.orderId();
    }
  }

  private static String json(PaymentRequest request) {
    try {
      return JSON.writeValueAsString(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The provider refused the payment. */
  public static final class PaymentRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PaymentRefusedException(String message) {
      super(message);
    }
  }
}
