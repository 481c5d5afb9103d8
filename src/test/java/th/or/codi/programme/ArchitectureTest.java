package th.or.codi.programme;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages show the architecture: each feature package (audit, dashboard, pipeline, security,
 * …) may use others, but no two reach each other, directly or round a circle, so each can be read,
 * tested and changed on its own.
 */
@AnalyzeClasses(
    packages = "th.or.codi.programme",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("th.or.codi.programme.(*)..").namingSlices("$1").should().beFreeOfCycles();
}
