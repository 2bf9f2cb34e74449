/**
 * Checks for asynchronous code on a context's time and timeline: futures that complete or fail
 * ({@link dev.vigil.async.Completes}, {@link dev.vigil.async.Fails}), groups of futures gathered
 * with every outcome ({@link dev.vigil.async.Gather}), timeouts that fire at exactly their deadline
 * on virtual time ({@link dev.vigil.async.TimeoutCheck}), and fail-fast groups of subtasks ({@link
 * dev.vigil.async.SubtaskWatch}). Made from {@code dev.vigil.Vigil}'s entry points.
 */
@NullMarked
package dev.vigil.async;

import org.jspecify.annotations.NullMarked;
