package th.or.codi.programme.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.dashboard.MonthlyStatus;
import th.or.codi.programme.dashboard.Party;
import th.or.codi.programme.dashboard.PipelineState;
import th.or.codi.programme.dashboard.ProgrammeDashboard.Row;
import th.or.codi.programme.dashboard.ProgrammeDashboard.View;
import th.or.codi.programme.history.PipelineTimeline;
import th.or.codi.programme.history.PipelineTimeline.MonthReport;
import th.or.codi.programme.history.PipelineTimeline.StagePeriod;
import th.or.codi.programme.labels.Labelled;
import th.or.codi.programme.ledger.IndicatorResult;
import th.or.codi.programme.ledger.LedgerEntry;
import th.or.codi.programme.ledger.PipelineLedger;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.pipeline.Outcome;
import th.or.codi.programme.pipeline.PipelineStages.Stage;
import th.or.codi.programme.report.MoneyWords.Kind;
import th.or.codi.programme.report.MoneyWords.LedgerStage;
import th.or.codi.programme.report.MoneyWords.Source;

/**
 * The programme report for the board as an {@code .xlsx} workbook, written with fastexcel from
 * {@link ReportData} alone: a summary sheet (the data's date, the programme's money per source, a
 * row per province, all of them the dashboard's own figures, so the two cannot differ), a sheet per
 * province with a pipeline (stage, timeline, indicators, money by stage and source, the months'
 * reports), and a sheet of every ledger entry with its task and person. Money is a number cell
 * formatted {@code #,##0.00} and times are date cells, so Excel can add and sort them; their format
 * {@value #THAI_DATE_TIME} shows the Buddhist Era year: {@code [$-107041E]} is Excel's
 * locale-and-calendar code {@code 01 07 041E}, Western digits, calendar 7 (Windows' {@code
 * CAL_THAI}, the Thai Buddhist calendar), locale Thai. The summary also writes the data's date as
 * B.E. text, for readers whose spreadsheet ignores the calendar code.
 */
public final class ProgrammeWorkbook {

  /** A day and time, Buddhist Era year (Excel's Thai Buddhist calendar), e.g. 6/12/2569 09:05. */
  static final String THAI_DATE_TIME = "[$-107041E]d/m/yyyy hh:mm";

  /** Baht, two decimals, thousands grouped. */
  static final String MONEY = "#,##0.00";

  static final String SUMMARY_SHEET = "สรุป Summary";
  static final String LEDGER_SHEET = "รายการ Ledger";

  private static final String COUNT = "0";
  private static final String PERCENT = "0.0";
  private static final DateTimeFormatter ENGLISH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ThaiCalendar.ZONE);

  /** Writes the workbook to {@code out} (left open). */
  public void write(ReportData data, OutputStream out) throws IOException {
    View view = data.dashboard();
    Map<String, PipelineLedger> ledgers = new HashMap<>();
    for (PipelineLedger ledger : data.ledgers()) {
      ledgers.put(ledger.pipelineId(), ledger);
    }
    Workbook workbook = new Workbook(out, "joint-programme", "1.0");
    SheetNames names = new SheetNames();
    summary(workbook.newWorksheet(names.unique(SUMMARY_SHEET)), view);
    for (Row row : view.provinces()) {
      province(
          workbook.newWorksheet(names.unique(row.provinceName() + " " + row.provinceCode())),
          row,
          ledgers.get(row.processInstanceId()),
          data.timelines().get(row.processInstanceId()));
    }
    ledger(workbook.newWorksheet(names.unique(LEDGER_SHEET)), view, ledgers);
    workbook.finish();
  }

  // --- the summary -----------------------------------------------------------------------------

  private void summary(Worksheet ws, View view) {
    Cells s = new Cells(ws);
    s.title(0, Messages.both("report.workbook.title"));
    s.text(1, 0, Messages.both("report.workbook.asOf"));
    s.date(1, 1, view.asOf());
    s.text(1, 2, ThaiCalendar.thaiDateTime(view.asOf()) + " น.");
    s.text(1, 3, ENGLISH_TIME.format(view.asOf()) + " (Bangkok)");

    // programme totals per source
    int r = 3;
    s.header(
        r,
        Messages.both("report.workbook.source"),
        Kind.APPROVED.label(),
        Kind.SPENT.label(),
        Messages.both("report.workbook.remaining"));
    BigDecimal approvedAll = BigDecimal.ZERO;
    BigDecimal spentAll = BigDecimal.ZERO;
    for (Source source : Source.values()) {
      r++;
      BigDecimal approved = amount(view.approvedBySource(), source);
      BigDecimal spent = amount(view.spentBySource(), source);
      s.text(r, 0, source.label());
      s.money(r, 1, approved);
      s.money(r, 2, spent);
      s.money(r, 3, approved.subtract(spent));
      approvedAll = approvedAll.add(approved);
      spentAll = spentAll.add(spent);
    }
    r++;
    s.boldText(r, 0, Messages.both("report.workbook.total"));
    s.money(r, 1, approvedAll);
    s.money(r, 2, spentAll);
    s.money(r, 3, approvedAll.subtract(spentAll));

    // a row per province
    r += 2;
    int provincesHeader = r;
    s.header(r, provinceColumns());
    BigDecimal[] columnTotals = new BigDecimal[8];
    java.util.Arrays.fill(columnTotals, BigDecimal.ZERO);
    for (Row row : view.provinces()) {
      r++;
      int c = 0;
      s.text(r, c++, row.provinceName());
      s.text(r, c++, row.provinceNameEn());
      s.text(r, c++, row.provinceCode());
      s.text(r, c++, row.businessKey());
      s.count(r, c++, row.wave());
      s.text(r, c++, row.stage());
      s.text(r, c++, label(PipelineState.values(), row.state()));
      int m = 0;
      for (Kind kind : List.of(Kind.APPROVED, Kind.SPENT)) {
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> figures =
            kind == Kind.APPROVED ? row.approvedBySource() : row.spentBySource();
        for (Source source : Source.values()) {
          BigDecimal amount = amount(figures, source);
          s.money(r, c++, amount);
          columnTotals[m] = columnTotals[m++].add(amount);
          total = total.add(amount);
        }
        s.money(r, c++, total);
        columnTotals[m] = columnTotals[m++].add(total);
      }
      s.count(r, c++, (long) row.indicatorsOnTarget());
      s.count(r, c++, (long) row.indicatorsTotal());
      s.text(r, c++, label(MonthlyStatus.values(), row.latestMonthlyStatus()));
      s.text(r, c++, row.latestReportMonth());
      s.text(r, c, label(Outcome.values(), row.outcome()));
    }
    r++;
    s.boldText(r, 0, Messages.both("report.workbook.programmeTotal"));
    s.count(r, 2, (long) view.provinces().size());
    for (int m = 0; m < columnTotals.length; m++) {
      s.money(r, 7 + m, columnTotals[m]);
    }
    s.count(r, 15, (long) view.indicatorsOnTarget());
    s.count(r, 16, (long) view.indicatorsTotal());
    ws.freezePane(0, provincesHeader + 1);
    s.widths(22, 18, 9, 18, 8, 26, 14, 14, 14, 14, 14, 14, 14, 14, 14, 12, 12, 20, 10, 18);
  }

  /** A source's figure from the dashboard's map; zero when it has none. */
  private static BigDecimal amount(Map<String, BigDecimal> bySource, Source source) {
    BigDecimal amount = bySource == null ? null : bySource.get(source.key());
    return amount == null ? BigDecimal.ZERO : amount;
  }

  private static String[] provinceColumns() {
    return new String[] {
      Messages.both("report.workbook.province"),
      Messages.english("report.workbook.province"),
      Messages.both("report.workbook.provinceCode"),
      Messages.both("report.workbook.businessKey"),
      Messages.both("report.workbook.wave"),
      Messages.both("report.workbook.stage"),
      Messages.both("report.workbook.state"),
      Kind.APPROVED.label() + ": " + Source.CODI.label(),
      Kind.APPROVED.label() + ": " + Source.THAIHEALTH.label(),
      Kind.APPROVED.label() + ": " + Source.OTHER.label(),
      Kind.APPROVED.label() + ": " + Messages.both("report.workbook.total"),
      Kind.SPENT.label() + ": " + Source.CODI.label(),
      Kind.SPENT.label() + ": " + Source.THAIHEALTH.label(),
      Kind.SPENT.label() + ": " + Source.OTHER.label(),
      Kind.SPENT.label() + ": " + Messages.both("report.workbook.total"),
      Messages.both("report.workbook.indicatorsOnTarget"),
      Messages.both("report.workbook.indicatorsTotal"),
      Messages.both("report.workbook.latestMonthlyStatus"),
      Messages.both("report.workbook.reportMonth"),
      Messages.both("report.workbook.outcome")
    };
  }

  // --- a province ------------------------------------------------------------------------------

  private void province(Worksheet ws, Row row, PipelineLedger ledger, PipelineTimeline timeline) {
    Cells s = new Cells(ws);
    s.title(0, row.provinceName() + " / " + row.provinceNameEn() + " (" + row.provinceCode() + ")");
    int r = 1;
    r = s.pair(r, Messages.both("report.workbook.businessKey"), row.businessKey());
    s.text(r, 0, Messages.both("report.workbook.wave"));
    s.count(r++, 1, row.wave());
    r = s.pair(r, Messages.both("report.workbook.stage"), row.stage());
    r =
        s.pair(
            r, Messages.both("report.workbook.state"), label(PipelineState.values(), row.state()));
    r =
        s.pair(
            r,
            Messages.both("report.workbook.latestMonthlyStatus"),
            label(MonthlyStatus.values(), row.latestMonthlyStatus()));
    r = s.pair(r, Messages.both("report.workbook.outcome"), label(Outcome.values(), row.outcome()));

    // timeline
    r++;
    s.section(r++, Messages.both("report.workbook.timeline"));
    s.header(
        r,
        Messages.both("report.workbook.stage"),
        Messages.both("report.workbook.start"),
        Messages.both("report.workbook.end"));
    s.text(++r, 0, Messages.both("report.workbook.pipeline"));
    s.date(r, 1, row.started());
    s.date(r, 2, row.ended());
    if (timeline != null) {
      for (StagePeriod stage : timeline.stages()) {
        r++;
        s.text(r, 0, label(Stage.values(), stage.stageKey()));
        s.date(r, 1, stage.start());
        s.date(r, 2, stage.end());
      }
    }

    // indicators
    r += 2;
    s.section(r++, Messages.both("report.workbook.indicators"));
    s.header(
        r,
        "#",
        Messages.both("report.workbook.indicator"),
        Messages.both("report.workbook.unit"),
        Messages.both("report.workbook.party"),
        Messages.both("report.workbook.baseline"),
        Messages.both("report.workbook.target"),
        Messages.both("report.workbook.reached"),
        "%",
        Messages.both("report.workbook.onTarget"),
        Messages.both("report.workbook.measure"),
        Messages.both("report.workbook.person"),
        Messages.both("report.workbook.time"));
    if (ledger == null || ledger.indicators().isEmpty()) {
      s.text(++r, 0, Messages.both("report.workbook.noIndicators"));
    } else {
      for (IndicatorResult indicator : ledger.indicators()) {
        r++;
        s.count(r, 0, (long) indicator.number());
        s.text(r, 1, indicator.name());
        s.text(r, 2, indicator.unit());
        s.text(r, 3, label(Party.values(), indicator.party()));
        s.decimal(r, 4, indicator.baseline());
        s.decimal(r, 5, indicator.target());
        s.decimal(r, 6, indicator.reached());
        s.percent(r, 7, indicator.percent());
        s.text(
            r,
            8,
            Messages.both(indicator.onTarget() ? "report.workbook.yes" : "report.workbook.notYet"));
        s.text(r, 9, indicator.measure());
        s.text(r, 10, indicator.userId());
        s.date(r, 11, indicator.time());
      }
    }

    // money by stage and source
    r += 2;
    s.section(r++, Messages.both("report.workbook.money"));
    s.header(
        r,
        Messages.both("report.workbook.stage"),
        Messages.both("report.workbook.kind"),
        Source.CODI.label(),
        Source.THAIHEALTH.label(),
        Source.OTHER.label(),
        Messages.both("report.workbook.total"));
    for (LedgerStage stage : LedgerStage.values()) {
      for (Kind kind : Kind.values()) {
        r++;
        s.text(r, 0, stage.label());
        s.text(r, 1, kind.label());
        moneyBySource(s, r, ledger == null ? null : figures(ledger, kind).get(stage.key()));
      }
    }
    for (Kind kind : Kind.values()) {
      r++;
      s.boldText(r, 0, Messages.both("report.workbook.total"));
      s.text(r, 1, kind.label());
      BigDecimal total = BigDecimal.ZERO;
      for (Source source : Source.values()) {
        BigDecimal amount = bySource(ledger, kind, source);
        s.money(r, 2 + source.ordinal(), amount);
        total = total.add(amount);
      }
      s.money(r, 5, total);
    }
    if (ledger != null && ledger.reportedTotalSpent() != null) {
      r++;
      s.text(r, 0, Messages.both("report.workbook.reportedTotalSpent"));
      s.money(r, 5, ledger.reportedTotalSpent());
      if (ledger.spendingDifferenceReason() != null) {
        r++;
        s.text(r, 0, Messages.both("report.workbook.differenceReason"));
        s.text(r, 1, ledger.spendingDifferenceReason());
      }
    }

    // the months
    r += 2;
    s.section(r++, Messages.both("report.workbook.months"));
    s.header(
        r,
        Messages.both("report.workbook.reportMonth"),
        Messages.both("report.workbook.reportedStatus"),
        Messages.both("report.workbook.confirmedStatus"),
        Messages.both("report.workbook.intervention"),
        Kind.SPENT.label() + ": " + Source.CODI.label(),
        Kind.SPENT.label() + ": " + Source.THAIHEALTH.label(),
        Kind.SPENT.label() + ": " + Source.OTHER.label(),
        Kind.SPENT.label() + ": " + Messages.both("report.workbook.total"),
        Messages.both("report.workbook.submitted"));
    List<MonthReport> months = timeline == null ? List.of() : timeline.months();
    if (months.isEmpty()) {
      s.text(++r, 0, Messages.both("report.workbook.noMonths"));
    }
    for (MonthReport month : months) {
      r++;
      s.text(r, 0, month.month());
      s.text(r, 1, label(MonthlyStatus.values(), month.reportedStatus()));
      s.text(r, 2, label(MonthlyStatus.values(), month.confirmedStatus()));
      s.text(r, 3, month.interventionType());
      BigDecimal total = BigDecimal.ZERO;
      for (Source source : Source.values()) {
        BigDecimal amount = spentInMonth(ledger, month.month(), source);
        s.money(r, 4 + source.ordinal(), amount);
        total = total.add(amount);
      }
      s.money(r, 7, total);
      s.date(r, 8, month.submitted());
    }
    s.widths(30, 22, 16, 16, 16, 16, 16, 10, 14, 30, 14, 18);
  }

  private static void moneyBySource(Cells s, int r, Map<String, BigDecimal> bySource) {
    BigDecimal total = BigDecimal.ZERO;
    for (Source source : Source.values()) {
      BigDecimal amount = bySource == null ? null : bySource.get(source.key());
      amount = amount == null ? BigDecimal.ZERO : amount;
      s.money(r, 2 + source.ordinal(), amount);
      total = total.add(amount);
    }
    s.money(r, 5, total);
  }

  // --- every ledger entry ----------------------------------------------------------------------

  private void ledger(Worksheet ws, View view, Map<String, PipelineLedger> ledgers) {
    Cells s = new Cells(ws);
    s.header(
        0,
        Messages.both("report.workbook.province"),
        Messages.both("report.workbook.provinceCode"),
        Messages.both("report.workbook.businessKey"),
        Messages.both("report.workbook.stage"),
        Messages.both("report.workbook.kind"),
        Messages.both("report.workbook.source"),
        Messages.both("report.workbook.line"),
        Messages.both("report.workbook.lineName"),
        Messages.both("report.workbook.reportMonth"),
        Messages.both("report.workbook.amount"),
        Messages.both("report.workbook.task"),
        Messages.both("report.workbook.activityId"),
        Messages.both("report.workbook.taskId"),
        Messages.both("report.workbook.person"),
        Messages.both("report.workbook.time"),
        Messages.both("report.workbook.processInstance"));
    int r = 0;
    for (Row row : view.provinces()) {
      PipelineLedger ledger = ledgers.get(row.processInstanceId());
      if (ledger == null) {
        continue;
      }
      for (LedgerEntry e : ledger.entries()) {
        r++;
        s.text(r, 0, row.provinceName());
        s.text(r, 1, row.provinceCode());
        s.text(r, 2, row.businessKey());
        s.text(r, 3, label(LedgerStage.values(), e.stage()));
        s.text(r, 4, label(Kind.values(), e.kind()));
        s.text(r, 5, label(Source.values(), e.source()));
        s.count(r, 6, e.line() == null ? null : e.line().longValue());
        s.text(r, 7, e.lineName());
        s.text(r, 8, e.month());
        s.money(r, 9, e.amount());
        s.text(r, 10, e.taskName());
        s.text(r, 11, e.activityId());
        s.text(r, 12, e.taskId());
        s.text(r, 13, e.userId());
        s.date(r, 14, e.time());
        s.text(r, 15, e.processInstanceId());
      }
    }
    ws.freezePane(0, 1);
    if (r > 0) {
      ws.setAutoFilter(0, 0, r, 15);
    }
    s.widths(20, 9, 18, 20, 14, 16, 8, 30, 10, 14, 30, 28, 38, 14, 18, 38);
  }

  // --- figures ---------------------------------------------------------------------------------

  private static Map<String, Map<String, BigDecimal>> figures(PipelineLedger ledger, Kind kind) {
    return switch (kind) {
      case REQUESTED -> ledger.requested();
      case APPROVED -> ledger.approved();
      case SPENT -> ledger.spent();
    };
  }

  /** A kind of money of one source, summed over the stages. */
  static BigDecimal bySource(PipelineLedger ledger, Kind kind, Source source) {
    BigDecimal sum = BigDecimal.ZERO;
    if (ledger == null) {
      return sum;
    }
    for (Map<String, BigDecimal> stage : figures(ledger, kind).values()) {
      BigDecimal amount = stage.get(source.key());
      if (amount != null) {
        sum = sum.add(amount);
      }
    }
    return sum;
  }

  private static BigDecimal spentInMonth(PipelineLedger ledger, String month, Source source) {
    BigDecimal sum = BigDecimal.ZERO;
    if (ledger == null) {
      return sum;
    }
    for (LedgerEntry e : ledger.entries()) {
      if (Kind.SPENT.key().equals(e.kind())
          && month.equals(e.month())
          && source.key().equals(e.source())
          && e.amount() != null) {
        sum = sum.add(e.amount());
      }
    }
    return sum;
  }

  private static <L extends Labelled> String label(L[] values, String key) {
    return key == null ? "" : MoneyWords.label(values, key);
  }

  /** Writing cells of one sheet: text, money, counts and Buddhist Era date cells. */
  private static final class Cells {
    private final Worksheet ws;

    Cells(Worksheet ws) {
      this.ws = ws;
    }

    void title(int r, String text) {
      ws.value(r, 0, text);
      ws.style(r, 0).bold().fontSize(14).set();
    }

    void section(int r, String text) {
      ws.value(r, 0, text);
      ws.style(r, 0).bold().fontSize(12).set();
    }

    void header(int r, String... texts) {
      for (int c = 0; c < texts.length; c++) {
        ws.value(r, c, texts[c]);
        ws.style(r, c).bold().fillColor("DDEBF7").wrapText(true).verticalAlignment("top").set();
      }
    }

    int pair(int r, String name, String value) {
      text(r, 0, name);
      text(r, 1, value);
      return r + 1;
    }

    void text(int r, int c, String text) {
      if (text != null && !text.isEmpty()) {
        ws.value(r, c, text);
      }
    }

    void boldText(int r, int c, String text) {
      ws.value(r, c, text);
      ws.style(r, c).bold().set();
    }

    void money(int r, int c, BigDecimal amount) {
      if (amount != null) {
        ws.value(r, c, amount);
        ws.style(r, c).format(MONEY).set();
      }
    }

    void decimal(int r, int c, BigDecimal amount) {
      if (amount != null) {
        ws.value(r, c, amount);
        ws.style(r, c).format("#,##0.##").set();
      }
    }

    void percent(int r, int c, BigDecimal percent) {
      if (percent != null) {
        ws.value(r, c, percent);
        ws.style(r, c).format(PERCENT).set();
      }
    }

    void count(int r, int c, Long count) {
      if (count != null) {
        ws.value(r, c, count);
        ws.style(r, c).format(COUNT).set();
      }
    }

    /** A date cell in Thailand's time with the Buddhist Era format; nothing when absent. */
    void date(int r, int c, Instant instant) {
      if (instant != null) {
        ws.value(r, c, LocalDateTime.ofInstant(instant, ThaiCalendar.ZONE));
        ws.style(r, c).format(THAI_DATE_TIME).set();
      }
    }

    void widths(double... widths) {
      for (int c = 0; c < widths.length; c++) {
        ws.width(c, widths[c]);
      }
    }
  }
}
