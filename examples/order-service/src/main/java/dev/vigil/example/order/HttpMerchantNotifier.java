package dev.vigil.example.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** POSTs {@code {"event_type", "order_id", "label_id"}} to the merchant's notification URL. */
public final class HttpMerchantNotifier implements MerchantNotifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI endpoint;

  /**
   * Notifies the merchant at {@code endpoint}.
   *
   * @param http the HTTP client
   * @param endpoint the merchant's notification URL
   */
  public HttpMerchantNotifier(HttpClient http, URI endpoint) {
    this.http = http;
    this.endpoint = endpoint;
  }

  @Override
  public void send(Notification notification) throws IOException, InterruptedException {
    OrderEvent order = notification.labelled();
    String body =
        JSON.writeValueAsString(
            Map.of(
                "event_type", EventType.NOTIFICATION_SENT.eventType(),
                "order_id", order.orderId(),
                "label_id", String.valueOf(order.labelId())));
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .header("correlation-id", notification.correlationId())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status / 100 != 2) {
      throw new IOException("merchant answered " + status + " for " + order.orderId());
    }
  }
}
