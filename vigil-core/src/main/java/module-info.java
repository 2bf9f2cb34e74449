/**
 * Vigil's core: the per-test context ({@code dev.vigil}), real and virtual time, fibers and the
 * signal ({@code dev.vigil.time}), the timeline ({@code dev.vigil.timeline}), leak checks ({@code
 * dev.vigil.leak}), checks on futures, timeouts and task groups ({@code dev.vigil.async}) and
 * backpressure tests for {@code java.util.concurrent.Flow} ({@code dev.vigil.flow}). No runtime
 * dependency; Reactive Streams adapters need {@code org.reactivestreams} when used.
 */
module dev.vigil.core {
  requires transitive org.jspecify;
  requires static org.reactivestreams;

  exports dev.vigil;
  exports dev.vigil.async;
  exports dev.vigil.flow;
  exports dev.vigil.leak;
  exports dev.vigil.time;
  exports dev.vigil.timeline;
}
