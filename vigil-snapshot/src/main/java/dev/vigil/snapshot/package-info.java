/**
 * Snapshots of state taken before an event and diffed after it: objects keyed by a function of the
 * test's choosing, and database tables read over JDBC keyed by their primary key. A diff lists the
 * inserted, deleted and updated rows with field-level before and after values; a baseline waits
 * until the state differs from it; every snapshot and diff is recorded onto the timeline.
 */
@NullMarked
package dev.vigil.snapshot;

import org.jspecify.annotations.NullMarked;
