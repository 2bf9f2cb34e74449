/**
 * The JUnit Jupiter extension: {@code @VigilTest} gives each test a Vigil context and injects its
 * parts ({@code dev.vigil.junit5}).
 */
module dev.vigil.junit5 {
  requires transitive dev.vigil.core;
  requires transitive dev.vigil.bus;
  requires transitive dev.vigil.http;
  requires transitive dev.vigil.snapshot;
  requires transitive org.junit.jupiter.api;

  exports dev.vigil.junit5;
}
