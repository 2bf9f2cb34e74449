/**
 * A real single-node KRaft Kafka broker in the JVM for tests ({@code dev.vigil.kafka.broker}), on
 * Kafka's own test kit.
 */
@NullMarked
package dev.vigil.kafka.broker;

import org.jspecify.annotations.NullMarked;
