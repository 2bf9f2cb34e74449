/**
 * Vigil's core: the per-test context ({@code dev.vigil}), real and virtual time and the signal
 * ({@code dev.vigil.time}), the timeline ({@code dev.vigil.timeline}) and leak checks ({@code
 * dev.vigil.leak}). No runtime dependency.
 */
module dev.vigil.core {
  requires transitive org.jspecify;

  exports dev.vigil;
  exports dev.vigil.async;
  exports dev.vigil.leak;
  exports dev.vigil.time;
  exports dev.vigil.timeline;
}
