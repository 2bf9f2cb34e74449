/**
 * Async test doubles on the context's time: stubs of functions that return futures ({@link
 * dev.vigil.doubles.AsyncStub}, {@link dev.vigil.doubles.AsyncSupplierStub}), Mockito answers
 * ({@link dev.vigil.doubles.AsyncAnswers}, which alone needs Mockito) and an in-memory transport
 * pair for protocol code ({@link dev.vigil.doubles.FakeTransport}). Every call, write and close is
 * a timeline entry.
 */
@NullMarked
package dev.vigil.doubles;

import org.jspecify.annotations.NullMarked;
