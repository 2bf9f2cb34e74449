/**
 * Vigil for JUnit Jupiter: annotate a test class with {@link dev.vigil.junit5.VigilTest} and each
 * test gets a fresh {@link dev.vigil.Vigil} context, its bus, webhook server, snapshots, clock and
 * timeline as parameters or fields, a seed it can be rerun with, a timeline report when it fails
 * and a leak check when it ends.
 */
@NullMarked
package dev.vigil.junit5;

import org.jspecify.annotations.NullMarked;
