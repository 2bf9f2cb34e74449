/**
 * A callback-capture HTTP server for tests: it records every request onto the context's timeline,
 * lets tests wait for requests, scripts responses per route and verifies webhook signatures.
 */
@NullMarked
package dev.vigil.http;

import org.jspecify.annotations.NullMarked;
