/** Vigil's context object and its waits: {@code eventually}, {@code continually}, {@code never}. */
@NullMarked
package dev.vigil;

import org.jspecify.annotations.NullMarked;
