/**
 * Backpressure tests for {@link java.util.concurrent.Flow}: a subscriber with manual demand that
 * checks the protocol ({@link dev.vigil.flow.TestSubscriber}), publishers a test drives ({@link
 * dev.vigil.flow.TestPublisher}) or paces on the context's clock ({@link
 * dev.vigil.flow.PacedPublisher}), overflow policy checks ({@link dev.vigil.flow.OverflowCheck})
 * and Reactive Streams adapters ({@link dev.vigil.flow.ReactiveStreamsAdapters}). Every signal is
 * recorded on the context's timeline under source {@value dev.vigil.flow.FlowEntries#SOURCE}.
 */
@NullMarked
package dev.vigil.flow;

import org.jspecify.annotations.NullMarked;
