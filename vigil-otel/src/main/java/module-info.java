/** OpenTelemetry spans recorded on a Vigil timeline ({@code dev.vigil.otel}). */
// OpenTelemetry's jars are automatic modules (no module-info of their own): nothing to do about it.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.vigil.otel {
  requires transitive dev.vigil.core;
  requires transitive io.opentelemetry.sdk.trace;
  requires transitive io.opentelemetry.sdk.common;
  requires transitive io.opentelemetry.context;
  requires io.opentelemetry.api;

  exports dev.vigil.otel;
}
