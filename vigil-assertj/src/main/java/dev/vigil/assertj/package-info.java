/**
 * AssertJ assertions for Vigil's types, all reached from {@link dev.vigil.assertj.VigilAssertions}:
 * timelines and traces, bus messages and queues, captured HTTP requests, webhook servers and
 * snapshot diffs. Assertions on live objects (a timeline, a queue, a server's requests) can wait:
 * after {@code eventually()} each assertion runs as a wait on the object's own context.
 */
@NullMarked
package dev.vigil.assertj;

import org.jspecify.annotations.NullMarked;
