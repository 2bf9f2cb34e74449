/**
 * Vigil's core: the per-test context ({@code dev.vigil}), real and virtual time, fibers and the
 * signal ({@code dev.vigil.time}), the timeline ({@code dev.vigil.timeline}), leak checks ({@code
 * dev.vigil.leak}), checks on futures, timeouts and task groups ({@code dev.vigil.async}),
 * backpressure tests for {@code java.util.concurrent.Flow} ({@code dev.vigil.flow}), async test
 * doubles and a fake transport ({@code dev.vigil.doubles}) and response times on the context's
 * clock ({@code dev.vigil.perf}). No runtime dependency: Reactive Streams is needed only by {@code
 * dev.vigil.flow.ReactiveStreamsAdapters}, Mockito only by {@code dev.vigil.doubles.AsyncAnswers}.
 */
module dev.vigil.core {
  requires transitive org.jspecify;
  requires static org.reactivestreams;
  // Not transitive: a module that reads the core must not need Mockito to compile.
  requires static org.mockito;

  exports dev.vigil;
  exports dev.vigil.async;
  exports dev.vigil.doubles;
  exports dev.vigil.flow;
  exports dev.vigil.leak;
  exports dev.vigil.perf;
  exports dev.vigil.time;
  exports dev.vigil.timeline;
}
