/** The HTTP/1.1 wire protocol and TLS material behind {@code dev.vigil.http}; not API. */
@NullMarked
package dev.vigil.http.internal;

import org.jspecify.annotations.NullMarked;
