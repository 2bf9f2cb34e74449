package dev.vigil.timeline;

import dev.vigil.Vigil;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes an example timeline report for a shop's order flow, for the screenshot in the docs (run by
 * {@code scripts/render-timeline-report.sh}).
 */
public final class ExampleReport {
  private static final String PAID = "order-7f3a";
  private static final String DEAD = "order-9c21";

  private ExampleReport() {}

  /**
   * Builds the example timeline under virtual time and writes it to the path in {@code args[0]}.
   *
   * @param args the output path
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ExampleReport <output.html>");
    }
    try (Vigil vigil = Vigil.withVirtualTime()) {
      Timeline timeline = vigil.timeline();
      Step step = new Step(vigil, timeline);

      step.at(0)
          .entry(
              "http",
              "request.received",
              PAID,
              null,
              "POST /orders",
              Map.of("status", "201", "items", "3"));
      step.at(4)
          .entry(
              "customer-service",
              "order.created",
              PAID,
              "req-1",
              "3 items, 129.90 EUR",
              Map.of("customer", "c-1042", "total", "129.90"));
      step.at(6).entry("bus", "order.created", PAID, "msg-101", "orders topic", Map.of());
      step.at(3)
          .entry("http", "request.received", DEAD, null, "POST /orders", Map.of("status", "201"));
      step.at(5)
          .entry(
              "customer-service",
              "order.created",
              DEAD,
              "req-2",
              "1 item, 15.00 EUR",
              Map.of("customer", "c-0077"));
      step.at(14)
          .entry(
              "payment",
              "payment.initiated",
              PAID,
              "msg-101",
              "card ending 4242",
              Map.of("provider", "stripe-sandbox"));
      step.at(6).entry("bus", "order.created", DEAD, "msg-102", "orders topic", Map.of());
      step.at(9)
          .entry(
              "span",
              "POST /v1/charges",
              PAID,
              "pay-1",
              "provider call",
              Map.of("http.status", "200", "duration", "412ms"));
      step.at(11)
          .entry(
              "shipping",
              "delivery.failed",
              DEAD,
              "msg-102",
              "attempt 1 of 3",
              Map.of("error", "address lookup timed out"));
      step.at(401)
          .entry(
              "payment",
              "payment.completed",
              PAID,
              "pay-1",
              "129.90 EUR captured",
              Map.of("charge", "ch_3Pq"));
      step.at(8).entry("bus", "payment.completed", PAID, "msg-103", "payments topic", Map.of());
      step.at(89)
          .entry(
              "shipping",
              "delivery.failed",
              DEAD,
              "msg-102",
              "attempt 2 of 3",
              Map.of("error", "address lookup timed out", "backoff", "100ms"));
      step.at(12)
          .entry(
              "shipping",
              "inventory.reserved",
              PAID,
              "msg-103",
              "3 items held",
              Map.of("warehouse", "berlin-2"));
      step.at(35)
          .entry(
              "shipping",
              "shipping.label_created",
              PAID,
              "msg-103",
              "DHL parcel",
              Map.of("tracking", "JD0146000"));
      step.at(165)
          .entry(
              "shipping",
              "delivery.failed",
              DEAD,
              "msg-102",
              "attempt 3 of 3",
              Map.of("error", "address lookup timed out", "backoff", "200ms"));
      step.at(2)
          .entry(
              "bus",
              "message.dead_lettered",
              DEAD,
              "msg-102",
              "orders.dlq after 3 attempts",
              Map.of("queue", "orders.dlq"));
      step.at(21)
          .entry(
              "customer-service",
              "notification.sent",
              PAID,
              "msg-103",
              "order confirmation email",
              Map.of("channel", "email"));

      Path written = TimelineReport.write(timeline, Path.of(args[0]));
      System.out.println("wrote " + written.toAbsolutePath());
    }
  }

  /** Advances virtual time before each entry, so the report shows realistic gaps. */
  private static final class Step {
    private final Vigil vigil;
    private final Timeline timeline;

    Step(Vigil vigil, Timeline timeline) {
      this.vigil = vigil;
      this.timeline = timeline;
    }

    Step at(long millisAfterPrevious) {
      vigil.virtualTime().advanceBy(Duration.ofMillis(millisAfterPrevious));
      return this;
    }

    void entry(
        String source,
        String type,
        String correlationId,
        @Nullable String causationId,
        String summary,
        Map<String, String> attributes) {
      timeline.append(source, type, correlationId, causationId, summary, attributes);
    }
  }
}
