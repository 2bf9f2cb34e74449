/** The embedded SNS/SQS bus, its test client and fault injection ({@code dev.vigil.bus}). */
module dev.vigil.bus {
  requires transitive dev.vigil.core;
  requires transitive com.fasterxml.jackson.databind;

  exports dev.vigil.bus;
}
