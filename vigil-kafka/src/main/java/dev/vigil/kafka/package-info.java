/**
 * Kafka for tests ({@code dev.vigil.kafka}): {@link dev.vigil.kafka.KafkaCapture} reads chosen
 * topics onto the timeline from the moment it starts, and {@link dev.vigil.kafka.KafkaBus} runs the
 * bus contract on Kafka topics.
 */
@NullMarked
package dev.vigil.kafka;

import org.jspecify.annotations.NullMarked;
