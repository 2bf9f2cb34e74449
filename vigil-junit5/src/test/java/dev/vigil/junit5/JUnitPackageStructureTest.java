package dev.vigil.junit5;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The extension is a user of Vigil like any other: it reaches the modules through their exported
 * API only, and JUnit through its API, never its engine (the user's build picks the engine).
 */
class JUnitPackageStructureTest {
  private static final JavaClasses EXTENSION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.vigil.junit5");

  @Test
  void uses_no_internal_package_of_vigil() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.junit5..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.vigil..internal..")
        .check(EXTENSION);
  }

  @Test
  void uses_no_part_of_junit_but_its_api() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.junit5..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.junit.jupiter.engine..", "org.junit.platform.engine..")
        .check(EXTENSION);
  }
}
