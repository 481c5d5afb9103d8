package th.or.codi.programme.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.dashboard.ProgrammeDashboard;
import th.or.codi.programme.history.PipelineTimelines;
import th.or.codi.programme.ledger.Ledgers;

/**
 * The programme report as the caller may see it: the dashboard's view, the ledgers of its rows'
 * pipelines (from the same {@link Ledgers} as the dashboard's money) and their timelines, all read
 * as the caller, then written by {@link ProgrammeWorkbook}. The one place that reads the engine for
 * the report; the workbook itself reads nothing.
 */
public final class ProgrammeReport {

  /** The workbook's media type. */
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final ProgrammeDashboard dashboard;
  private final Ledgers ledgers;
  private final PipelineTimelines timelines;

  public ProgrammeReport(ProcessEngine engine, ProgrammeDashboard dashboard, Ledgers ledgers) {
    this.dashboard = dashboard;
    this.ledgers = ledgers;
    this.timelines = new PipelineTimelines(engine.getHistoryService());
  }

  /** The data of the report at {@code now}, as the logged-in user may see it. */
  public ReportData data(Instant now) {
    ProgrammeDashboard.View view = dashboard.view(now);
    List<String> pipelines =
        view.provinces().stream().map(ProgrammeDashboard.Row::processInstanceId).toList();
    return new ReportData(view, ledgers.ofPipelines(pipelines), timelines.of(pipelines));
  }

  /** The workbook's bytes. */
  public byte[] workbook(ReportData data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new ProgrammeWorkbook().write(data, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code programme-report-2026-12-06.xlsx}: the day of the data in Thailand. */
  public static String fileName(Instant asOf) {
    return "programme-report-"
        + DateTimeFormatter.ISO_LOCAL_DATE.format(ThaiCalendar.dateOf(asOf))
        + ".xlsx";
  }
}
