/** Snapshots and keyed diffs of objects and database tables ({@code dev.vigil.snapshot}). */
module dev.vigil.snapshot {
  requires transitive dev.vigil.core;
  requires transitive java.sql;

  exports dev.vigil.snapshot;
}
