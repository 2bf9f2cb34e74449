/** Failure texts and JSON field checks behind the assertions; not part of the API. */
@NullMarked
package dev.vigil.assertj.internal;

import org.jspecify.annotations.NullMarked;
