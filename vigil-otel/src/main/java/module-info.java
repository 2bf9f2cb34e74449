/** OpenTelemetry spans recorded on a Vigil timeline ({@code dev.vigil.otel}). */
module dev.vigil.otel {
  requires transitive dev.vigil.core;
  requires transitive io.opentelemetry.sdk.trace;
  requires io.opentelemetry.sdk.common;
  requires io.opentelemetry.api;
  requires io.opentelemetry.context;

  exports dev.vigil.otel;
}
