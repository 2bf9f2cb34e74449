/**
 * Leak checks around a test or any block of code: threads started during it and still alive after
 * it (daemon or not), and a context's resources left open ({@link dev.vigil.leak.LeakCheck}).
 */
@NullMarked
package dev.vigil.leak;

import org.jspecify.annotations.NullMarked;
