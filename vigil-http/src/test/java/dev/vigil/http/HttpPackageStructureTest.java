package dev.vigil.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module's layering: the wire protocol and TLS material ({@code internal}) know nothing of the
 * API above them, which reaches them through {@code ExchangeHandler}; only the API knows the core.
 */
class HttpPackageStructureTest {
  private static final JavaClasses HTTP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.vigil.http");

  @Test
  void the_wire_protocol_knows_neither_the_api_nor_the_core() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.http.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.vigil.http", "dev.vigil", "dev.vigil.time..", "dev.vigil.timeline..")
        .check(HTTP);
  }
}
