package dev.vigil.assertj;

import dev.vigil.snapshot.Diff;

/**
 * Assertions on a snapshot diff; see {@link AbstractDiffAssert}.
 *
 * @since 0.1
 */
public class DiffAssert extends AbstractDiffAssert<DiffAssert> {

  /**
   * Creates assertions on a diff.
   *
   * @param actual the diff
   */
  public DiffAssert(Diff actual) {
    super(actual, DiffAssert.class);
  }
}
