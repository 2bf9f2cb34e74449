/** The callback-capture HTTP server ({@code dev.vigil.http}). */
module dev.vigil.http {
  requires transitive dev.vigil.core;
  requires transitive com.fasterxml.jackson.databind;

  exports dev.vigil.http;
}
