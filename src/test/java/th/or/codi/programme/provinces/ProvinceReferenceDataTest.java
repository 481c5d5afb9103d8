package th.or.codi.programme.provinces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The province reference data binds from {@code provinces.yaml}, and a bad entry stops the
 * application with a message naming the entry and the problem.
 */
class ProvinceReferenceDataTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ProvinceReferenceData.class)
  static class ReferenceDataOnly {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
          .withUserConfiguration(ReferenceDataOnly.class);

  private static final String[] VALID_ENTRY = {
    "programme.provinces[0].code=TH-60",
    "programme.provinces[0].slug=nakhon-sawan",
    "programme.provinces[0].name-th=นครสวรรค์",
    "programme.provinces[0].name-en=Nakhon Sawan",
    "programme.provinces[0].role=programme",
    "programme.provinces[0].thaihealth.status=flagship",
    "programme.provinces[0].thaihealth.year=2561",
    "programme.provinces[0].movement-strength=4",
    "programme.provinces[0].codi-node=true",
    "programme.provinces[0].thaihealth-node=true"
  };

  @Test
  void shippedFileHoldsTheSixteenProvincesAndTheStudyVisitHost() {
    runner
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(YamlSource.load("provinces.yaml")))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              ProvinceReferenceData data = context.getBean(ProvinceReferenceData.class);
              assertThat(data.programmeProvinces()).hasSize(16);
              assertThat(data.provinces()).hasSize(17);
              Province saKaeo = data.requireByCode("TH-27");
              assertThat(saKaeo.provinceRole()).isEqualTo(ProvinceRole.STUDY_VISIT_HOST);
              assertThat(saKaeo.nameTh()).isEqualTo("สระแก้ว");

              Province nakhonSawan = data.requireByCode("TH-60");
              assertThat(nakhonSawan.thaihealthStatus()).isEqualTo(ThaiHealthStatus.FLAGSHIP);
              assertThat(nakhonSawan.thaihealthYear()).isEqualTo(2561);
              assertThat(data.requireByCode("TH-19").thaihealthStatus())
                  .isEqualTo(ThaiHealthStatus.PREPARATION);
              assertThat(data.requireByCode("TH-19").thaihealthYear()).isEqualTo(2562);
              assertThat(data.requireByCode("TH-18").thaihealthYear()).isEqualTo(2563);
              assertThat(data.requireByCode("TH-18").communityGroupId())
                  .isEqualTo("community-chai-nat");

              Set<String> codes =
                  data.programmeProvinces().stream()
                      .map(Province::code)
                      .collect(Collectors.toSet());
              assertThat(codes)
                  .containsExactlyInAnyOrder(
                      "TH-60", "TH-61", "TH-18", "TH-17", "TH-15", "TH-16", "TH-19", "TH-14",
                      "TH-72", "TH-71", "TH-70", "TH-73", "TH-74", "TH-75", "TH-76", "TH-77");
            });
  }

  @Test
  void validEntryBinds() {
    runner
        .withPropertyValues(VALID_ENTRY)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              Province province = context.getBean(ProvinceReferenceData.class).provinces().get(0);
              assertThat(province.label()).isEqualTo("TH-60 นครสวรรค์ / Nakhon Sawan");
              assertThat(province.inProgramme()).isTrue();
            });
  }

  @Test
  void duplicateCodeNamesBothEntries() {
    assertStartupFails(
        List.of(
            "programme.provinces[1].code=TH-60",
            "programme.provinces[1].slug=other",
            "programme.provinces[1].name-th=อื่น",
            "programme.provinces[1].name-en=Other",
            "programme.provinces[1].role=programme",
            "programme.provinces[1].thaihealth.status=none",
            "programme.provinces[1].movement-strength=2",
            "programme.provinces[1].codi-node=false",
            "programme.provinces[1].thaihealth-node=false"),
        "programme.provinces[1] (TH-60 Other): code TH-60",
        "duplicates the code of programme.provinces[0]");
  }

  @Test
  void unknownThaiHealthStatusIsNamed() {
    assertStartupFails(
        List.of("programme.provinces[0].thaihealth.status=champion"),
        "programme.provinces[0] (TH-60 Nakhon Sawan): thaihealth.status 'champion'",
        "use flagship, preparation or none");
  }

  @Test
  void movementStrengthOutOfRangeIsNamed() {
    assertStartupFails(
        List.of("programme.provinces[0].movement-strength=7"),
        "programme.provinces[0] (TH-60 Nakhon Sawan): movement-strength 7",
        "outside 1–5");
  }

  @Test
  void christianEraYearIsExplained() {
    assertStartupFails(
        List.of("programme.provinces[0].thaihealth.year=2018"),
        "thaihealth.year 2018",
        "looks like a C.E. year; write the B.E. year 2561");
  }

  @Test
  void badCodeSlugAndMissingFlagsAreAllReportedAtOnce() {
    assertStartupFails(
        List.of(
            "programme.provinces[0].code=60",
            "programme.provinces[0].slug=Nakhon Sawan",
            "programme.provinces[0].codi-node=",
            "programme.provinces[0].role=host"),
        "code '60'",
        "slug 'Nakhon Sawan'",
        "codi-node",
        "role 'host'");
  }

  @Test
  void statusWithoutYearIsRejected() {
    assertStartupFails(
        List.of("programme.provinces[0].thaihealth.year="),
        "thaihealth.year",
        "is required for status flagship");
  }

  private void assertStartupFails(List<String> overrides, String... expectedFragments) {
    runner
        .withPropertyValues(VALID_ENTRY)
        .withPropertyValues(overrides.toArray(String[]::new))
        .run(
            context -> {
              assertThat(context).hasFailed();
              StringBuilder messages = new StringBuilder();
              for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
              }
              assertThat(messages.toString()).contains(expectedFragments);
            });
  }
}
