package io.k8tre.portal.access;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Access decisions must stay pure functions of a snapshot. If this package could reach Spring, the
 * servlet API or the Kubernetes client, a decision could start depending on request state or on a
 * call to the API server while nginx waits, and it could no longer be tested on hand-made snapshots
 * alone.
 */
@AnalyzeClasses(
    packages = "io.k8tre.portal.access",
    importOptions = ImportOption.DoNotIncludeTests.class)
class AccessArchitectureTest {

  @ArchTest
  static final ArchRule accessWhenCompiledThenUsesNoFrameworkOrClusterTypes =
      noClasses()
          .that()
          .resideInAPackage("io.k8tre.portal.access..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..", "jakarta.servlet..", "javax.servlet..", "io.fabric8..");
}
