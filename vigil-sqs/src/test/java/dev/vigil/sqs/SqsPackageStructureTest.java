package dev.vigil.sqs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module's layering: the SDK plumbing ({@code internal}) knows the bus's value types and the
 * timeline but not the API above it nor the context; ElasticMQ is reached only by reflection.
 */
class SqsPackageStructureTest {
  private static final JavaClasses SQS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.vigil.sqs");

  @Test
  void the_plumbing_knows_neither_the_api_nor_the_context() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.sqs.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.vigil.sqs", "dev.vigil")
        .check(SQS);
  }

  @Test
  void no_class_links_elasticmq_or_another_http_client() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.elasticmq..", "org.apache.pekko..", "scala..", "io.netty..", "org.apache.http..")
        .check(SQS);
  }

  @Test
  void the_api_knows_the_sdk_only_through_internal() {
    noClasses()
        .that()
        .resideInAPackage("dev.vigil.sqs")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("software.amazon..")
        .check(SQS);
  }
}
