/**
 * AssertJ assertions for Vigil's types ({@code dev.vigil.assertj}): timelines and traces, bus
 * messages and queues, captured HTTP requests and snapshot diffs, with waiting forms that run on
 * the context's waits.
 */
module dev.vigil.assertj {
  requires transitive dev.vigil.core;
  requires transitive dev.vigil.bus;
  requires transitive dev.vigil.http;
  requires transitive dev.vigil.snapshot;
  requires transitive org.assertj.core;

  exports dev.vigil.assertj;
}
