/**
 * Vigil's core: the per-test context ({@code dev.vigil}), real and virtual time and the signal
 * ({@code dev.vigil.time}), and the timeline ({@code dev.vigil.timeline}). No runtime dependency.
 */
module dev.vigil.core {
  requires transitive org.jspecify;

  exports dev.vigil;
  exports dev.vigil.time;
  exports dev.vigil.timeline;
}
