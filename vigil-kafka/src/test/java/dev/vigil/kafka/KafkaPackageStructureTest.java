package dev.vigil.kafka;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module's layering: the internals (poll loop, queue views, handler loop, clients) know the
 * API's value types but neither entry point; nothing reaches the embedded bus's internals or the
 * broker's test kit, which stays out of the module's dependencies.
 */
class KafkaPackageStructureTest {
  private static final JavaClasses KAFKA =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.vigil.kafka");

  @Test
  void the_internals_know_neither_the_bus_nor_the_capture() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.kafka.internal..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(KafkaBus.class.getName())
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(KafkaCapture.class.getName())
        .check(KAFKA);
  }

  @Test
  void nothing_uses_the_embedded_bus_internals_or_the_broker_test_kit() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.vigil.kafka", "dev.vigil.kafka.internal")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.vigil.bus.internal..",
            "dev.vigil.kafka.broker..",
            "org.apache.kafka.common.test..")
        .check(KAFKA);
  }
}
