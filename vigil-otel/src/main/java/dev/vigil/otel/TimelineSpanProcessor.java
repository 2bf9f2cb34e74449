package dev.vigil.otel;

import dev.vigil.Vigil;
import dev.vigil.timeline.Timeline;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Records every ended OpenTelemetry span into a Vigil timeline, with the span's trace id as the
 * correlation id and its parent span id as the causation id; each record wakes the context's waits.
 * Register it on the tracer provider of the code under test:
 *
 * <pre>{@code
 * SdkTracerProvider tracing = SdkTracerProvider.builder()
 *     .addSpanProcessor(TimelineSpanProcessor.of(vigil))
 *     .build();
 * // ... run the flow, then:
 * vigil.eventually(() -> vigil.timeline().trace(traceId)
 *         .containsInOrder("POST /orders", "charge card", "create label"))
 *     .within(Duration.ofSeconds(5));
 * }</pre>
 *
 * @since 0.1
 */
public final class TimelineSpanProcessor implements SpanProcessor {
  /** The timeline source of span entries. */
  public static final String SOURCE = "span";

  private final Timeline timeline;

  private TimelineSpanProcessor(Timeline timeline) {
    this.timeline = timeline;
  }

  /**
   * Creates a processor recording into {@code vigil}'s timeline.
   *
   * @param vigil the test's context
   * @return the processor
   */
  public static TimelineSpanProcessor of(Vigil vigil) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    return new TimelineSpanProcessor(vigil.timeline());
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    // Only ended spans are recorded: their duration and status are known then.
  }

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    SpanData data = span.toSpanData();
    SpanContext parent = data.getParentSpanContext();
    timeline.append(
        SOURCE,
        data.getName(),
        data.getTraceId(),
        parent.isValid() ? parent.getSpanId() : null,
        summary(data),
        attributes(data));
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode forceFlush() {
    return CompletableResultCode.ofSuccess();
  }

  private static String summary(SpanData data) {
    long micros = (data.getEndEpochNanos() - data.getStartEpochNanos()) / 1_000;
    String service =
        String.valueOf(data.getResource().getAttribute(AttributeKey.stringKey("service.name")));
    StringBuilder text =
        new StringBuilder(data.getKind().name().toLowerCase(java.util.Locale.ROOT))
            .append(' ')
            .append(micros)
            .append("µs");
    if (!"null".equals(service)) {
      text.append(" in ").append(service);
    }
    if (data.getStatus().getStatusCode() == StatusCode.ERROR) {
      text.append(" ERROR");
    }
    return text.toString();
  }

  private static Map<String, String> attributes(SpanData data) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("span.id", data.getSpanId());
    attributes.put("span.kind", data.getKind().name());
    attributes.put("status", data.getStatus().getStatusCode().name());
    if (!data.getStatus().getDescription().isEmpty()) {
      attributes.put("status.description", data.getStatus().getDescription());
    }
    data.getAttributes()
        .forEach((key, value) -> attributes.put(key.getKey(), String.valueOf(value)));
    return attributes;
  }
}
