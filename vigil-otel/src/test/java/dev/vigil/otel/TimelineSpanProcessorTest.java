package dev.vigil.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.timeline.TimelineEntry;
import dev.vigil.timeline.TraceAssertionError;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real spans from the OpenTelemetry SDK land in the timeline, correlated by trace id. */
class TimelineSpanProcessorTest {
  private final Vigil vigil = Vigil.builder().timeScale(1).build();
  private final SdkTracerProvider tracing =
      SdkTracerProvider.builder().addSpanProcessor(TimelineSpanProcessor.of(vigil)).build();
  private final Tracer tracer = tracing.get("orders-test");

  @AfterEach
  void close() {
    tracing.close();
    vigil.close();
  }

  private String orderFlow(boolean paymentFails) {
    Span root = tracer.spanBuilder("POST /orders").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = root.makeCurrent()) {
      Span charge = tracer.spanBuilder("charge card").setAttribute("amount", 99.99).startSpan();
      if (paymentFails) {
        charge.setStatus(StatusCode.ERROR, "card declined");
      }
      charge.end();
      if (!paymentFails) {
        tracer.spanBuilder("create label").startSpan().end();
      }
    } finally {
      root.end();
    }
    return root.getSpanContext().getTraceId();
  }

  @Test
  void ended_spans_are_recorded_with_trace_id_as_correlation_id() {
    String traceId = orderFlow(false);

    List<TimelineEntry> spans = vigil.timeline().byCorrelationId(traceId);

    assertThat(spans)
        .extracting(TimelineEntry::type)
        .containsExactly("charge card", "create label", "POST /orders");
    assertThat(spans).allMatch(e -> e.source().equals("span"));
    TimelineEntry charge = spans.get(0);
    assertThat(charge.causationId()).isEqualTo(spans.get(2).attributes().get("span.id"));
    assertThat(charge.attributes())
        .containsEntry("amount", "99.99")
        .containsEntry("status", "UNSET");
    assertThat(spans.get(2).causationId()).isNull();
    assertThat(spans.get(2).summary()).startsWith("server ");
  }

  @Test
  void a_wait_on_the_trace_chain_returns_once_the_spans_have_ended() throws Exception {
    Thread service = new Thread(() -> orderFlow(false));
    service.start();

    List<TimelineEntry> roots =
        vigil
            .eventually(() -> vigil.timeline().byType("POST /orders"))
            .within(Duration.ofSeconds(5));
    String traceId = roots.get(0).correlationId();
    vigil
        .eventually(
            () -> vigil.timeline().trace(traceId).containsInOrder("charge card", "create label"))
        .within(Duration.ofSeconds(5));
    service.join();

    assertThat(vigil.timeline().trace(traceId).types()).hasSize(3);
  }

  @Test
  void failed_spans_carry_their_status_and_break_the_expected_chain() {
    String traceId = orderFlow(true);

    TimelineEntry charge = vigil.timeline().byType("charge card").get(0);
    assertThat(charge.attributes())
        .containsEntry("status", "ERROR")
        .containsEntry("status.description", "card declined");
    assertThat(charge.summary()).endsWith(" ERROR");
    assertThatThrownBy(
            () -> vigil.timeline().trace(traceId).containsInOrder("charge card", "create label"))
        .isInstanceOf(TraceAssertionError.class)
        .hasMessageContaining("create label (expected at [1]) never occurred.");
  }

  @Test
  void each_trace_is_its_own_correlation() {
    String first = orderFlow(false);
    String second = orderFlow(true);

    assertThat(first).isNotEqualTo(second);
    assertThat(vigil.timeline().byCorrelationId(first)).hasSize(3);
    assertThat(vigil.timeline().byCorrelationId(second)).hasSize(2);
  }

  @Test
  void a_null_context_is_rejected() {
    assertThatThrownBy(() -> TimelineSpanProcessor.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("vigil must not be null");
  }
}
