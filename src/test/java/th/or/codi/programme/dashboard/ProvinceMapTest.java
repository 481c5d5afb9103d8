package th.or.codi.programme.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;
import th.or.codi.programme.provinces.YamlSource;

/**
 * The table from the map's path ids to ISO 3166-2:TH codes, against the vendored SVG itself and
 * against the shipped reference data: every province there is on the map, every id of the table is
 * a path of the SVG drawing the province the table says (by the map's own English name), and all 77
 * provinces are mapped once.
 */
class ProvinceMapTest {

  @Configuration
  @EnableConfigurationProperties(ProvinceReferenceData.class)
  static class ReferenceDataOnly {}

  private static final String SVG = "plugin-webapp/programme/app/map/thailand.svg";

  /** The SVG's paths: id to its aria-label (the province's English name on the map). */
  private static Map<String, String> paths() throws Exception {
    try (InputStream in = ProvinceMapTest.class.getClassLoader().getResourceAsStream(SVG)) {
      assertThat(in).as(SVG).isNotNull();
      NodeList nodes =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(in)
              .getElementsByTagName("path");
      Map<String, String> paths = new LinkedHashMap<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        Element path = (Element) nodes.item(i);
        paths.put(path.getAttribute("id"), path.getAttribute("aria-label"));
      }
      return paths;
    }
  }

  private static String simple(String name) {
    return name.toLowerCase().replaceAll("[^a-z]", "");
  }

  @Test
  void everyProvinceOfTheReferenceDataIsAPathOfTheMapDrawingThatProvince() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
        .withUserConfiguration(ReferenceDataOnly.class)
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(YamlSource.load("provinces.yaml")))
        .run(
            context -> {
              List<Province> provinces = context.getBean(ProvinceReferenceData.class).provinces();
              assertThat(provinces).hasSize(17);
              ProvinceMap map = ProvinceMap.shipped();
              assertThat(map.notOnMap(provinces)).isEmpty();
              Map<String, String> paths = paths();
              for (Province province : provinces) {
                String id = map.svgId(province.code()).orElseThrow();
                assertThat(paths).as(province.code()).containsKey(id);
                assertThat(simple(paths.get(id)))
                    .as(province.code() + " is drawn by " + id)
                    .isEqualTo(simple(province.nameEn()));
              }
            });
  }

  @Test
  void theTableMapsAllSeventySevenProvincesOnceAndOnlyPathsOfTheMap() throws Exception {
    Map<String, String> paths = paths();
    Map<String, String> table = ProvinceMap.shipped().idsByCode();
    assertThat(table).hasSize(77);
    assertThat(table.values())
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(paths).containsKey(id));
    assertThat(table.keySet()).allMatch(code -> code.matches("TH-\\d{2}"));
    assertThat(paths.keySet())
        .as("the map's only other path is Lake Songkhla")
        .containsAll(table.values());
    assertThat(paths).hasSize(78).containsEntry("lksg", "Lake Songkha");
    assertThat(table).containsEntry("TH-10", "bkk").containsEntry("TH-27", "skw");
  }

  @Test
  void aProvinceTheTableDoesNotNameIsReportedNotDropped() {
    Province newOne =
        new Province("TH-99", "test-province", "ทดสอบ", "Test", "programme", null, 3, true, true);
    Province chaiNat =
        new Province("TH-18", "chai-nat", "ชัยนาท", "Chai Nat", "programme", null, 3, true, true);
    assertThat(ProvinceMap.shipped().notOnMap(List.of(chaiNat, newOne))).containsExactly(newOne);
  }
}
