package th.or.codi.programme.provinces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import th.or.codi.programme.deployment.ProgrammeDeployment;
import th.or.codi.programme.validation.CamundaForm;
import th.or.codi.programme.validation.FieldError;
import th.or.codi.programme.validation.FormField;
import th.or.codi.programme.validation.SubmissionValidation;

/**
 * The province options the forms offer are the reference data: the programme provinces for the
 * pipeline's start form, the host areas then the programme provinces for the study visit; the
 * deployed start form carries them; a form holds no copy; a province not offered is refused with a
 * message naming it. (The application started with a replacement list: ConfiguredProvincesTest.)
 */
class ProvinceOptionsTest {

  /** Configured as Spring Boot configures the application's. */
  private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json().build();

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ProvinceReferenceData.class)
  static class ReferenceDataOnly {}

  private static void withReferenceData(String yaml, Consumer<ProvinceReferenceData> test) {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
        .withUserConfiguration(ReferenceDataOnly.class)
        .withInitializer(
            context ->
                context.getEnvironment().getPropertySources().addFirst(YamlSource.load(yaml)))
        .run(context -> test.accept(context.getBean(ProvinceReferenceData.class)));
  }

  private static List<Map<String, String>> optionsOf(List<Province> provinces) {
    return provinces.stream()
        .map(p -> Map.of("label", p.nameTh() + " / " + p.nameEn(), "value", p.code()))
        .toList();
  }

  @Test
  void theOptionsOfferedAreTheReferenceData() {
    for (String yaml : List.of("provinces.yaml", "provinces/replacement.yaml")) {
      withReferenceData(
          yaml,
          data -> {
            ProvinceOptions options = new ProvinceOptions(data);
            assertThat(options.options(ProvinceOptions.PROGRAMME_PROVINCES))
                .as(yaml)
                .isEqualTo(optionsOf(data.programmeProvinces()));
            List<Province> hosts =
                data.provinces().stream()
                    .filter(p -> p.provinceRole() == ProvinceRole.STUDY_VISIT_HOST)
                    .toList();
            assertThat(options.options(ProvinceOptions.STUDY_VISIT_HOSTS))
                .as(yaml)
                .isEqualTo(
                    optionsOf(
                        Stream.concat(hosts.stream(), data.programmeProvinces().stream())
                            .toList()));
            assertThat(options.options("provinceOptions")).isNull();
          });
    }
    withReferenceData(
        "provinces.yaml",
        data -> {
          ProvinceOptions options = new ProvinceOptions(data);
          assertThat(options.values(ProvinceOptions.PROGRAMME_PROVINCES))
              .hasSize(16)
              .startsWith("TH-60")
              .doesNotContain("TH-27");
          assertThat(options.values(ProvinceOptions.STUDY_VISIT_HOSTS))
              .hasSize(17)
              .startsWith("TH-27", "TH-60");
          assertThat(options.options(ProvinceOptions.STUDY_VISIT_HOSTS).get(0))
              .containsEntry("label", "สระแก้ว / Sa Kaeo");
        });
    withReferenceData(
        "provinces/replacement.yaml",
        data -> {
          ProvinceOptions options = new ProvinceOptions(data);
          assertThat(options.values(ProvinceOptions.PROGRAMME_PROVINCES))
              .contains("TH-99")
              .doesNotContain("TH-61");
          assertThat(options.values(ProvinceOptions.STUDY_VISIT_HOSTS))
              .contains("TH-99")
              .doesNotContain("TH-61");
        });
  }

  @Test
  void noFormHoldsACopyOfTheProvinces() throws Exception {
    Map<String, String> named =
        Map.of(
            "provincial-pipeline-start", ProvinceOptions.PROGRAMME_PROVINCES,
            "study-visit-plan", ProvinceOptions.STUDY_VISIT_HOSTS,
            "study-visit-approve-budget", ProvinceOptions.STUDY_VISIT_HOSTS,
            "study-visit-report-lessons", ProvinceOptions.STUDY_VISIT_HOSTS);
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        String json = Files.readString(file);
        assertThat(json)
            .as(file + " lists no province code")
            .doesNotContainPattern("\"value\"\\s*:\\s*\"TH-\\d\\d\"");
        CamundaForm form = CamundaForm.parse(json);
        if (named.containsKey(form.id())) {
          assertThat(form.valuesKeys()).as(form.id()).contains(named.get(form.id()));
        }
      }
    }
  }

  @Test
  void theDeployedStartFormOffersTheReferenceDataAndIsCheckedAgainstItAtSubmission()
      throws Exception {
    String source = Files.readString(Path.of("forms/provincial-pipeline-start.form"));
    withReferenceData(
        "provinces/replacement.yaml",
        data -> {
          ProvinceOptions options = new ProvinceOptions(data);
          String deployed = ProgrammeDeployment.fillProvinceLists(MAPPER, source, options);

          // what Tasklist renders: the static options, the reference data's programme provinces
          List<String> offered =
              org.camunda.spin.Spin.JSON(deployed).prop("components").elements().stream()
                  .filter(
                      c -> c.hasProp("key") && "provinceCode".equals(c.prop("key").stringValue()))
                  .flatMap(c -> c.prop("values").elements().stream())
                  .map(v -> v.prop("value").stringValue())
                  .toList();
          assertThat(offered)
              .isEqualTo(options.values(ProvinceOptions.PROGRAMME_PROVINCES))
              .contains("TH-99");
          assertThat(deployed).doesNotContain("\"valuesKey\"");
          assertThat(ProgrammeDeployment.fillProvinceLists(MAPPER, deployed, options))
              .as("filled once")
              .isEqualTo(deployed);

          // what the server checks: the list named by the marker, not the copy in the deployed form
          CamundaForm form = CamundaForm.parse(deployed);
          FormField province =
              form.fields().stream()
                  .filter(f -> f.key().equals("provinceCode"))
                  .findFirst()
                  .orElseThrow();
          assertThat(province.options()).isNull();
          assertThat(province.valuesKey()).isEqualTo(ProvinceOptions.PROGRAMME_PROVINCES);

          Map<String, Object> values =
              new HashMap<>(
                  Map.of(
                      "fiscalYear",
                      2570L,
                      "wave",
                      1L,
                      "programmeName",
                      "โครงการทดสอบ",
                      "provinceCode",
                      "TH-99"));
          values.put(
              ProvinceOptions.PROGRAMME_PROVINCES,
              options.options(ProvinceOptions.PROGRAMME_PROVINCES));
          assertThat(SubmissionValidation.validate(form, values, LocalDate.of(2026, 12, 3)))
              .isEmpty();

          values.put("provinceCode", "TH-61");
          List<FieldError> errors =
              SubmissionValidation.validate(form, values, LocalDate.of(2026, 12, 3));
          assertThat(errors)
              .singleElement()
              .satisfies(
                  e -> {
                    assertThat(e.field()).isEqualTo("provinceCode");
                    assertThat(e.th()).isEqualTo("“จังหวัด”: จังหวัด 'TH-61' ไม่อยู่ในโครงการ");
                    assertThat(e.en())
                        .isEqualTo("“Province”: Province 'TH-61' is not a programme province");
                  });
        });
  }
}
