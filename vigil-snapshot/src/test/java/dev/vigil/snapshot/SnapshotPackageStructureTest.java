package dev.vigil.snapshot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module's layering: the row store and the keyed merge ({@code internal}) know nothing of the
 * API above them, which hands them rows and receives changes through {@code ChangeSink}; nor of the
 * core.
 */
class SnapshotPackageStructureTest {
  private static final JavaClasses SNAPSHOT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.vigil.snapshot");

  @Test
  void the_row_store_and_merge_know_neither_the_api_nor_the_core() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.snapshot.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.vigil.snapshot", "dev.vigil", "dev.vigil.time..", "dev.vigil.timeline..")
        .check(SNAPSHOT);
  }
}
