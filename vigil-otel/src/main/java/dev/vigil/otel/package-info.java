/** OpenTelemetry spans into the Vigil timeline. */
@NullMarked
package dev.vigil.otel;

import org.jspecify.annotations.NullMarked;
