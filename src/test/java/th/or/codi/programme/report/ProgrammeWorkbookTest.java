package th.or.codi.programme.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import th.or.codi.programme.dashboard.ProgrammeDashboard;
import th.or.codi.programme.history.PipelineTimeline;
import th.or.codi.programme.history.PipelineTimeline.MonthReport;
import th.or.codi.programme.history.PipelineTimeline.StagePeriod;
import th.or.codi.programme.ledger.IndicatorResult;
import th.or.codi.programme.ledger.LedgerEntry;
import th.or.codi.programme.ledger.PipelineLedger;
import th.or.codi.programme.pipeline.PipelineStages.Stage;

/**
 * The workbook read back with Apache POI, as Excel would read it, from inputs built by hand: the
 * sheets, Thai text intact, money as numeric cells with their format, Buddhist Era date cells, and
 * totals that equal the inputs' own sums.
 */
class ProgrammeWorkbookTest {

  private static final Instant AS_OF = Instant.parse("2026-12-06T02:05:00Z"); // 09:05 Bangkok
  private static final String[] SOURCES = {"codi", "thaihealth", "other"};
  private static final String[] STAGES = {"forum", "study-visit", "joint-plan"};

  @Test
  void summaryProvincesAndLedgerReadBackWithThaiNumbersDatesAndTotals() throws Exception {
    PipelineLedger chaiNat =
        ledger(
            "pi-chainat",
            "TH-18",
            List.of(
                entry("forum", "approved", "codi", null, "เวทีทำความเข้าใจ", null, "15000.00"),
                entry("forum", "spent", "codi", null, "เวทีทำความเข้าใจ", null, "14250.50"),
                entry("study-visit", "approved", "thaihealth", null, "ศึกษาดูงาน", null, "80000"),
                entry(
                    "joint-plan",
                    "approved",
                    "thaihealth",
                    1,
                    "อบรมการทำบัญชีครัวเรือน",
                    null,
                    "120000"),
                entry("joint-plan", "approved", "other", 2, "ตลาดชุมชน", null, "30000"),
                entry(
                    "joint-plan",
                    "spent",
                    "thaihealth",
                    1,
                    "อบรมการทำบัญชีครัวเรือน",
                    "2027-03",
                    "40000.25"),
                entry("joint-plan", "spent", "other", 2, "ตลาดชุมชน", "2027-03", "1234.56")),
            List.of(
                new IndicatorResult(
                    1,
                    "ครัวเรือนที่ทำบัญชี",
                    "ครัวเรือน",
                    "community",
                    "นับจากสมุดบัญชี",
                    new BigDecimal("10"),
                    new BigDecimal("60"),
                    new BigDecimal("60"),
                    new BigDecimal("100.0"),
                    true,
                    "t-9",
                    "chainat",
                    AS_OF),
                new IndicatorResult(
                    2,
                    "หนี้นอกระบบที่ลดลง",
                    "บาท",
                    "codi",
                    "สำรวจ",
                    new BigDecimal("500000"),
                    new BigDecimal("300000"),
                    new BigDecimal("450000"),
                    new BigDecimal("25.0"),
                    false,
                    "t-9",
                    "chainat",
                    AS_OF)));
    PipelineLedger nakhonSawan =
        ledger(
            "pi-nakhonsawan",
            "TH-60",
            List.of(
                entry(
                    "forum", "approved", "thaihealth", null, "เวทีทำความเข้าใจ", null, "9999.99")),
            List.of());
    List<ProgrammeDashboard.Row> rows =
        List.of(
            row(
                "TH-18",
                "ชัยนาท",
                "Chai Nat",
                "pi-chainat",
                "implementation",
                "on-track",
                "2027-03",
                chaiNat),
            row(
                "TH-60",
                "นครสวรรค์",
                "Nakhon Sawan",
                "pi-nakhonsawan",
                "understanding-forum",
                null,
                null,
                nakhonSawan));
    PipelineTimeline timeline =
        new PipelineTimeline(
            "pi-chainat",
            Instant.parse("2026-10-01T03:00:00Z"),
            null,
            List.of(
                new StagePeriod(
                    "understanding-forum",
                    Instant.parse("2026-10-01T03:00:00Z"),
                    Instant.parse("2026-11-01T03:00:00Z")),
                new StagePeriod("implementation", Instant.parse("2026-11-01T03:00:00Z"), null)),
            List.of(
                new MonthReport(
                    "2027-03",
                    "at-risk",
                    "on-track",
                    null,
                    Instant.parse("2027-04-02T05:00:00Z"))));

    byte[] bytes =
        write(
            new ReportData(
                view(rows), List.of(chaiNat, nakhonSawan), Map.of("pi-chainat", timeline)));

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      assertThat(sheetNames(book))
          .containsExactly("สรุป Summary", "ชัยนาท TH-18", "นครสวรรค์ TH-60", "รายการ Ledger");

      // the summary: the data's date as a B.E. date cell and as B.E. text
      Sheet summary = book.getSheet("สรุป Summary");
      Cell asOf = summary.getRow(1).getCell(1);
      assertThat(asOf.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(asOf)).isTrue();
      assertThat(asOf.getCellStyle().getDataFormatString()).startsWith("[$-107041E]");
      assertThat(asOf.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 12, 6, 9, 5));
      assertThat(summary.getRow(1).getCell(2).getStringCellValue())
          .isEqualTo("6/12/2569 09:05:00 น.");

      // programme totals per source equal the inputs' sums
      Map<String, Double> approved = sumOf(List.of(chaiNat, nakhonSawan), "approved");
      Map<String, Double> spent = sumOf(List.of(chaiNat, nakhonSawan), "spent");
      for (int i = 0; i < 3; i++) {
        Row line = summary.getRow(4 + i);
        assertMoney(line.getCell(1), approved.get(SOURCES[i]));
        assertMoney(line.getCell(2), spent.get(SOURCES[i]));
      }
      assertMoney(summary.getRow(7).getCell(1), 15000 + 80000 + 120000 + 30000 + 9999.99);
      assertMoney(summary.getRow(7).getCell(2), 14250.50 + 40000.25 + 1234.56);

      // a row per province, Thai intact, and the programme's total row
      Row chaiNatRow = findRow(summary, "ชัยนาท");
      assertThat(chaiNatRow.getCell(1).getStringCellValue()).isEqualTo("Chai Nat");
      assertMoney(chaiNatRow.getCell(8), 80000 + 120000); // approved ThaiHealth
      assertMoney(chaiNatRow.getCell(14), 14250.50 + 40000.25 + 1234.56); // spent in total
      assertThat(chaiNatRow.getCell(15).getNumericCellValue()).isEqualTo(1); // on target
      assertThat(chaiNatRow.getCell(16).getNumericCellValue()).isEqualTo(2); // indicators
      assertThat(chaiNatRow.getCell(17).getStringCellValue()).isEqualTo("ตามแผน / On track");
      Row total = findRow(summary, "รวมทั้งโครงการ / Programme total");
      assertMoney(total.getCell(10), 15000 + 80000 + 120000 + 30000 + 9999.99);
      assertMoney(total.getCell(14), 14250.50 + 40000.25 + 1234.56);

      // a province: timeline dates, indicators, money by stage and source, the months
      Sheet province = book.getSheet("ชัยนาท TH-18");
      Row forumStart = findRow(province, "1 เวทีทำความเข้าใจ / Understanding forum");
      assertThat(DateUtil.isCellDateFormatted(forumStart.getCell(1))).isTrue();
      assertThat(forumStart.getCell(1).getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.of(2026, 10, 1, 10, 0));
      Row indicator = findRow(province, 1.0);
      assertThat(indicator.getCell(1).getStringCellValue()).isEqualTo("ครัวเรือนที่ทำบัญชี");
      assertThat(indicator.getCell(6).getNumericCellValue()).isEqualTo(60);
      assertThat(indicator.getCell(7).getNumericCellValue()).isEqualTo(100.0);
      Row planSpent = null;
      for (Row r : province) {
        if (text(r, 0).equals("แผนร่วม / Joint plan") && text(r, 1).equals("ใช้จ่าย / Spent")) {
          planSpent = r;
        }
      }
      assertThat(planSpent).isNotNull();
      assertMoney(planSpent.getCell(3), 40000.25);
      assertMoney(planSpent.getCell(4), 1234.56);
      assertMoney(planSpent.getCell(5), 40000.25 + 1234.56);
      Row march = findRow(province, "2027-03");
      assertThat(march.getCell(1).getStringCellValue()).isEqualTo("มีความเสี่ยง / At risk");
      assertMoney(march.getCell(7), 40000.25 + 1234.56);

      // every ledger entry, with its task and person, amounts adding up to the inputs'
      Sheet entries = book.getSheet("รายการ Ledger");
      assertThat(entries.getLastRowNum()).isEqualTo(8);
      double sum = 0;
      for (int r = 1; r <= entries.getLastRowNum(); r++) {
        Row e = entries.getRow(r);
        assertThat(e.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(e.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(e.getCell(13).getStringCellValue()).isNotBlank();
        assertThat(DateUtil.isCellDateFormatted(e.getCell(14))).isTrue();
        sum += e.getCell(9).getNumericCellValue();
      }
      assertThat(sum)
          .isCloseTo(
              15000 + 14250.50 + 80000 + 120000 + 30000 + 40000.25 + 1234.56 + 9999.99,
              org.assertj.core.data.Offset.offset(0.001));
      assertThat(text(entries.getRow(4), 7)).isEqualTo("อบรมการทำบัญชีครัวเรือน");
    }
  }

  @Test
  void sheetNamesAreLegalShortAndUnique() {
    SheetNames names = new SheetNames();
    assertThat(names.unique("a[b]:c*d?e/f\\g")).isEqualTo("a-b--c-d-e-f-g");
    String longName = "พระนครศรีอยุธยา".repeat(3) + " TH-14";
    String first = names.unique(longName);
    assertThat(first).hasSizeLessThanOrEqualTo(31);
    String second = names.unique(longName);
    assertThat(second).hasSizeLessThanOrEqualTo(31).endsWith(" (2)").isNotEqualTo(first);
    assertThat(names.unique("'quoted'")).isEqualTo("quoted");
    assertThat(names.unique("QUOTED")).isEqualTo("QUOTED (2)");
  }

  // --- inputs built by hand --------------------------------------------------------------------

  private static LedgerEntry entry(
      String stage,
      String kind,
      String source,
      Integer line,
      String name,
      String month,
      String amount) {
    return new LedgerEntry(
        stage,
        kind,
        source,
        line,
        name,
        month,
        new BigDecimal(amount),
        "pi-stage",
        "task-" + kind,
        "งาน " + kind,
        "Activity_X",
        "chainat",
        AS_OF);
  }

  private static PipelineLedger ledger(
      String id, String province, List<LedgerEntry> entries, List<IndicatorResult> indicators) {
    return new PipelineLedger(
        id,
        province + "/2569-1",
        province,
        1L,
        entries,
        totals(entries, "requested"),
        totals(entries, "approved"),
        totals(entries, "spent"),
        indicators,
        null,
        null);
  }

  private static Map<String, Map<String, BigDecimal>> totals(
      List<LedgerEntry> entries, String kind) {
    Map<String, Map<String, BigDecimal>> byStage = new LinkedHashMap<>();
    for (String stage : STAGES) {
      Map<String, BigDecimal> bySource = new LinkedHashMap<>();
      for (String source : SOURCES) {
        bySource.put(source, BigDecimal.ZERO);
      }
      byStage.put(stage, bySource);
    }
    for (LedgerEntry e : entries) {
      if (e.kind().equals(kind)) {
        byStage.get(e.stage()).merge(e.source(), e.amount(), BigDecimal::add);
      }
    }
    return byStage;
  }

  private static Map<String, Double> sumOf(List<PipelineLedger> ledgers, String kind) {
    Map<String, Double> sums = new LinkedHashMap<>();
    for (String source : SOURCES) {
      sums.put(source, 0.0);
    }
    for (PipelineLedger ledger : ledgers) {
      for (LedgerEntry e : ledger.entries()) {
        if (e.kind().equals(kind)) {
          sums.merge(e.source(), e.amount().doubleValue(), Double::sum);
        }
      }
    }
    return sums;
  }

  /** A dashboard row whose money and indicators are its ledger's, as the dashboard makes them. */
  private static ProgrammeDashboard.Row row(
      String code,
      String th,
      String en,
      String id,
      String stageKey,
      String status,
      String month,
      PipelineLedger ledger) {
    Map<String, Long> zero = new LinkedHashMap<>();
    return new ProgrammeDashboard.Row(
        code,
        th,
        en,
        1L,
        code + "/2569-1",
        id,
        "running",
        stageKey,
        Stage.of(stageKey).label(),
        AS_OF,
        3L,
        zero,
        zero,
        0,
        0,
        status,
        month,
        null,
        Instant.parse("2026-10-01T03:00:00Z"),
        null,
        bySource(ledger.approved()),
        bySource(ledger.spent()),
        ledger.indicators().size(),
        (int) ledger.indicators().stream().filter(IndicatorResult::onTarget).count());
  }

  private static Map<String, BigDecimal> bySource(Map<String, Map<String, BigDecimal>> byStage) {
    Map<String, BigDecimal> sum = new LinkedHashMap<>();
    for (String source : SOURCES) {
      sum.put(source, BigDecimal.ZERO);
    }
    byStage.values().forEach(m -> m.forEach((k, v) -> sum.merge(k, v, BigDecimal::add)));
    return sum;
  }

  /** The view with the programme's totals the rows' sums, as the dashboard makes them. */
  private static ProgrammeDashboard.View view(List<ProgrammeDashboard.Row> rows) {
    Map<String, BigDecimal> approved = new LinkedHashMap<>();
    Map<String, BigDecimal> spent = new LinkedHashMap<>();
    int indicators = 0;
    int onTarget = 0;
    for (ProgrammeDashboard.Row row : rows) {
      row.approvedBySource().forEach((k, v) -> approved.merge(k, v, BigDecimal::add));
      row.spentBySource().forEach((k, v) -> spent.merge(k, v, BigDecimal::add));
      indicators += row.indicatorsTotal();
      onTarget += row.indicatorsOnTarget();
    }
    return new ProgrammeDashboard.View(
        AS_OF,
        rows,
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        0,
        approved,
        spent,
        indicators,
        onTarget);
  }

  // --- reading back ----------------------------------------------------------------------------

  private static byte[] write(ReportData data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ProgrammeWorkbook().write(data, out);
    return out.toByteArray();
  }

  private static List<String> sheetNames(XSSFWorkbook book) {
    List<String> names = new ArrayList<>();
    book.forEach(sheet -> names.add(sheet.getSheetName()));
    return names;
  }

  private static void assertMoney(Cell cell, double expected) {
    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
    assertThat(cell.getNumericCellValue())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.001));
  }

  private static String text(Row row, int c) {
    Cell cell = row.getCell(c);
    return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
  }

  private static Row findRow(Sheet sheet, String first) {
    for (Row row : sheet) {
      if (text(row, 0).equals(first)) {
        return row;
      }
    }
    throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
  }

  private static Row findRow(Sheet sheet, double first) {
    for (Row row : sheet) {
      Cell cell = row.getCell(0);
      if (cell != null
          && cell.getCellType() == CellType.NUMERIC
          && cell.getNumericCellValue() == first) {
        return row;
      }
    }
    throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
  }
}
