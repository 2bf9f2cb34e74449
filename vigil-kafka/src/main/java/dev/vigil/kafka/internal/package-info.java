/** The capture's poll loop, the queue views, the handler loop and the clients' settings. */
@NullMarked
package dev.vigil.kafka.internal;

import org.jspecify.annotations.NullMarked;
