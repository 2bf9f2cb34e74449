/** Engine of the embedded bus: queues, topics, consumers and faults. Not API. */
@NullMarked
package dev.vigil.bus.internal;

import org.jspecify.annotations.NullMarked;
