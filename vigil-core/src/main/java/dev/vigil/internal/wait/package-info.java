/** The evaluation loop behind every wait, its watchdog and its failure messages; not API. */
@NullMarked
package dev.vigil.internal.wait;

import org.jspecify.annotations.NullMarked;
