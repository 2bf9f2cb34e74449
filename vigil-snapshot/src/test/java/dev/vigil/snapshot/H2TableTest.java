package dev.vigil.snapshot;

import org.junit.jupiter.api.Nested;

/** The table contracts on H2, in memory: one database for the class. */
class H2TableTest {
  private static final TestDatabase H2 = TestDatabase.h2("table-contract");

  @Nested
  class Changes extends TableChangesContract {
    @Override
    TestDatabase database() {
      return H2;
    }
  }

  @Nested
  class Reading extends TableReadingContract {
    @Override
    TestDatabase database() {
      return H2;
    }
  }

  @Nested
  class BadInput extends TableBadInputContract {
    @Override
    TestDatabase database() {
      return H2;
    }
  }

  @Nested
  class Waiting extends TableWaitingContract {
    @Override
    TestDatabase database() {
      return H2;
    }
  }
}
