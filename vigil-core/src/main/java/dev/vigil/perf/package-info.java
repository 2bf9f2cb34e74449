/**
 * Response times and throughput measured on the context's clock ({@link
 * dev.vigil.perf.ResponseTimes}): percentiles, maximum and operations per second of virtual (or
 * real) time, with the distribution in every failure.
 */
@NullMarked
package dev.vigil.perf;

import org.jspecify.annotations.NullMarked;
