package th.or.codi.programme.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.UnusedWave;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.security.WebSession;

/**
 * {@code GET /engine-rest/programme/report.xlsx} and the same through Cockpit's plugin API, as the
 * board's readers and the parties meet it: managers, auditors and administrators get the workbook
 * (its media type, a dated file name, a file Excel opens with a row per dashboard province), the
 * parties get 403, nobody logged in 401.
 */
@DemoApplicationTest
class ProgrammeReportRestTest {

  private static final String PATH = "/engine-rest/programme/report.xlsx";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired PersonActions act;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  private ResponseEntity<byte[]> get(String user) {
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
    return client.exchange(PATH, HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), byte[].class);
  }

  @Test
  void theBoardsReadersDownloadTheWorkbookOfTheDashboardsProvinces() throws Exception {
    Walkthrough walk = new Walkthrough(act, code -> "chainat", t -> {});
    UnusedWave unused = UnusedWave.of(engine, "TH-18");
    String key = walk.start("TH-18", unused.fiscalYear(), unused.wave());
    walk.forumStage(key, "TH-18");

    for (String reader : List.of("manager", "auditor", "admin")) {
      ResponseEntity<byte[]> response = get(reader);
      assertThat(response.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(response.getHeaders().getContentType().toString())
          .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
          .matches("attachment; filename=\"programme-report-\\d{4}-\\d{2}-\\d{2}\\.xlsx\"");

      JsonNode dashboard =
          JSON.readTree(
              http.withBasicAuth(reader, reader)
                  .getForEntity("/engine-rest/programme/dashboard", String.class)
                  .getBody());
      List<String> provinces = new ArrayList<>();
      dashboard.get("provinces").forEach(row -> provinces.add(row.get("provinceCode").asText()));
      assertThat(provinces).contains("TH-18");
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
        Sheet summary = book.getSheet(ProgrammeWorkbook.SUMMARY_SHEET);
        List<String> inWorkbook = new ArrayList<>();
        for (Row row : summary) {
          Cell code = row.getCell(2);
          if (code != null
              && code.getCellType() == CellType.STRING
              && code.getStringCellValue().matches("TH-\\d+")) {
            inWorkbook.add(code.getStringCellValue());
          }
        }
        assertThat(inWorkbook).as(reader).containsExactlyInAnyOrderElementsOf(provinces);
        assertThat(book.getSheet("ชัยนาท TH-18")).isNotNull();
        assertThat(book.getSheet(ProgrammeWorkbook.LEDGER_SHEET)).isNotNull();
      }
    }
  }

  /**
   * With a pipeline driven into its implementation with real money (forum, visit, plan, a month's
   * spending and indicator values) besides the demo's, every province's figures of the workbook's
   * summary against the dashboard's JSON, and the programme's totals against the dashboard's.
   */
  @Test
  void theWorkbooksFiguresAreTheDashboards() throws Exception {
    Walkthrough walk = new Walkthrough(act, code -> "chainat", t -> {});
    UnusedWave unused = UnusedWave.of(engine, "TH-18");
    String key = walk.start("TH-18", unused.fiscalYear(), unused.wave());
    walk.forumStage(key, "TH-18");
    walk.visitStage(key, "TH-18");
    walk.designStage(key, "TH-18");
    walk.monthlyReport(key, "TH-18", "on-track");

    JsonNode dashboard =
        JSON.readTree(
            http.withBasicAuth("manager", "manager")
                .getForEntity("/engine-rest/programme/dashboard", String.class)
                .getBody());
    ResponseEntity<byte[]> response = get("manager");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    String[] sources = {"codi", "thaihealth", "other"};
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      Sheet summary = book.getSheet(ProgrammeWorkbook.SUMMARY_SHEET);
      int compared = 0;
      for (JsonNode province : dashboard.get("provinces")) {
        String code = province.get("provinceCode").asText();
        Row row = null;
        for (Row r : summary) {
          Cell c = r.getCell(2);
          if (c != null
              && c.getCellType() == CellType.STRING
              && c.getStringCellValue().equals(code)) {
            row = r;
          }
        }
        assertThat(row).as(code).isNotNull();
        for (int i = 0; i < 3; i++) {
          assertThat(row.getCell(7 + i).getNumericCellValue())
              .as(code + " approved " + sources[i])
              .isEqualTo(province.get("approvedBySource").get(sources[i]).asDouble());
          assertThat(row.getCell(11 + i).getNumericCellValue())
              .as(code + " spent " + sources[i])
              .isEqualTo(province.get("spentBySource").get(sources[i]).asDouble());
        }
        assertThat(row.getCell(15).getNumericCellValue())
            .isEqualTo(province.get("indicatorsOnTarget").asDouble());
        assertThat(row.getCell(16).getNumericCellValue())
            .isEqualTo(province.get("indicatorsTotal").asDouble());
        compared++;
      }
      assertThat(compared).isPositive();
      for (int i = 0; i < 3; i++) {
        Row line = summary.getRow(4 + i);
        assertThat(line.getCell(1).getNumericCellValue())
            .as("programme approved " + sources[i])
            .isEqualTo(dashboard.get("approvedBySource").get(sources[i]).asDouble());
        assertThat(line.getCell(2).getNumericCellValue())
            .as("programme spent " + sources[i])
            .isEqualTo(dashboard.get("spentBySource").get(sources[i]).asDouble());
      }

      // figures that say something: money approved and spent, indicators counted
      assertThat(dashboard.get("spentBySource").get("thaihealth").asDouble()).isPositive();
      assertThat(dashboard.get("approvedBySource").get("codi").asDouble()).isPositive();
      assertThat(dashboard.get("indicatorsTotal").asInt()).isPositive();
    }
  }

  @Test
  void thePartiesAreRefusedAndNobodyLoggedInIsAskedToLogIn() {
    // a community member (and its province's joint team), a joint-team officer of CODI and one of
    // ThaiHealth
    for (String refused : List.of("nakhonsawan", "chainat", "codi", "thaihealth")) {
      assertThat(get(refused).getStatusCode()).as(refused).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(get(null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void cockpitsPluginApiAnswersAsTheRestApiDoes() {
    String cockpit = "/camunda/api/cockpit/plugin/programme/default/report.xlsx";
    for (String reader : List.of("manager", "auditor", "admin")) {
      WebSession session = WebSession.open(http);
      assertThat(session.login(reader, reader, "cockpit").getStatusCode()).isEqualTo(HttpStatus.OK);
      ResponseEntity<String> response = session.get(cockpit);
      assertThat(response.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(response.getHeaders().getContentType().toString()).isEqualTo(ProgrammeReport.XLSX);
      assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
          .startsWith("attachment; filename=\"programme-report-");
    }
    WebSession codi = WebSession.open(http);
    codi.login("codi", "codi", "cockpit");
    assertThat(codi.get(cockpit).getStatusCode().value()).isIn(401, 403);
  }
}
