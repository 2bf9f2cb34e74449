/** The compact row store and the keyed merge behind table snapshots; not part of the API. */
@NullMarked
package dev.vigil.snapshot.internal;

import org.jspecify.annotations.NullMarked;
