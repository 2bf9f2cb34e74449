/**
 * Vigil's core: the per-test context ({@code dev.vigil}), real and virtual time and the signal
 * ({@code dev.vigil.time}), the timeline ({@code dev.vigil.timeline}), leak checks ({@code
 * dev.vigil.leak}), async test doubles and a fake transport ({@code dev.vigil.doubles}) and
 * response times on the context's clock ({@code dev.vigil.perf}). No runtime dependency: Mockito is
 * needed only by {@code dev.vigil.doubles.AsyncAnswers}.
 */
module dev.vigil.core {
  requires transitive org.jspecify;
  requires static transitive org.mockito; // AsyncAnswer is a Mockito Answer

  exports dev.vigil;
  exports dev.vigil.doubles;
  exports dev.vigil.leak;
  // PERF exports dev.vigil.perf;
  exports dev.vigil.time;
  exports dev.vigil.timeline;
}
