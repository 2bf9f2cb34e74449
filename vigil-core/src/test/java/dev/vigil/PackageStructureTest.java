package dev.vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's layering: the leaves (time and the signal, the timeline, the internal helpers) know
 * nothing of the context and the waits above them, leak checks and the async techniques (async,
 * flow, doubles, perf) sit on top of the context and nothing below uses them, and no packages form
 * a cycle — except that the context makes the async checks ({@code vigil.completes(...)}) that are
 * built on its waits.
 */
class PackageStructureTest {
  private static final String[] TECHNIQUES = {
    "dev.vigil.async..", "dev.vigil.flow..", "dev.vigil.doubles..", "dev.vigil.perf.."
  };

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.vigil");

  @Test
  void the_internal_helpers_depend_on_no_other_vigil_package() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.vigil", "dev.vigil.time..", "dev.vigil.timeline..", "dev.vigil.leak..")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(TECHNIQUES)
        .check(CORE);
  }

  @Test
  void time_knows_neither_the_context_nor_the_timeline() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.time..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.vigil", "dev.vigil.timeline..", "dev.vigil.leak..")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(TECHNIQUES)
        .check(CORE);
  }

  @Test
  void the_timeline_does_not_know_the_context_or_the_waits() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.timeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.vigil", "dev.vigil.leak..")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(TECHNIQUES)
        .check(CORE);
  }

  @Test
  void the_context_and_the_waits_do_not_use_leak_checks() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.vigil.leak..")
        .check(CORE);
  }

  @Test
  void leak_checks_use_only_the_context_and_the_internal_helpers() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.leak..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.vigil.time..", "dev.vigil.timeline..")
        .check(CORE);
  }

  @Test
  void the_context_makes_only_the_async_checks_among_the_techniques() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.vigil.flow..", "dev.vigil.doubles..", "dev.vigil.perf..")
        .check(CORE);
  }

  @Test
  void the_techniques_do_not_use_each_other_or_leak_checks() {
    for (String technique : TECHNIQUES) {
      String[] others =
          java.util.Arrays.stream(TECHNIQUES)
              .filter(other -> !other.equals(technique))
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(technique)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("dev.vigil.leak..")
          .check(CORE);
    }
  }

  @Test
  void packages_form_no_cycles() {
    slices().matching("dev.vigil.(**)").should().beFreeOfCycles().check(CORE);
  }
}
