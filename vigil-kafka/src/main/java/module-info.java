/** Kafka capture onto the Vigil timeline and the Kafka backend of the bus contract. */
@SuppressWarnings("requires-automatic") // kafka-clients has no module name of its own
module dev.vigil.kafka {
  requires transitive dev.vigil.bus;
  requires kafka.clients;

  exports dev.vigil.kafka;
}
