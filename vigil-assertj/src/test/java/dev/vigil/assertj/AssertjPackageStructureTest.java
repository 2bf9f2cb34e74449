package dev.vigil.assertj;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module's layering: the failure texts and JSON checks ({@code internal}) know neither the
 * assertions above them nor AssertJ, so each text is plain data a test can pin; and every public
 * assertion is an AssertJ {@code AbstractAssert}, so {@code as}, {@code withFailMessage} and soft
 * assertions apply to all of them.
 */
class AssertjPackageStructureTest {
  private static final JavaClasses ASSERTJ =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.vigil.assertj");

  @Test
  void the_texts_know_neither_the_assertions_nor_assertj() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.assertj.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.vigil.assertj", "org.assertj..")
        .check(ASSERTJ);
  }

  @Test
  void every_assertion_is_an_assertj_assertion() {
    classes()
        .that()
        .resideInAPackage("dev.vigil.assertj")
        .and()
        .haveSimpleNameEndingWith("Assert")
        .should()
        .beAssignableTo(org.assertj.core.api.AbstractAssert.class)
        .check(ASSERTJ);
  }

  @Test
  void the_assertions_use_only_the_modules_apis() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.assertj..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.vigil.internal..",
            "dev.vigil.bus.internal..",
            "dev.vigil.http.internal..",
            "dev.vigil.snapshot.internal..")
        .check(ASSERTJ);
  }
}
