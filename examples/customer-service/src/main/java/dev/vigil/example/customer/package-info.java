/** The seeds' Customer application: HTTP API, store, events published and consumed. */
@NullMarked
package dev.vigil.example.customer;

import org.jspecify.annotations.NullMarked;
