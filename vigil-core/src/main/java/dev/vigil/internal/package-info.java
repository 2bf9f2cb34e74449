/** Helpers shared by the core's packages (duration arithmetic, the watchdog); not API. */
@NullMarked
package dev.vigil.internal;

import org.jspecify.annotations.NullMarked;
