package th.or.codi.programme.report;

import java.util.List;
import java.util.Map;
import th.or.codi.programme.dashboard.ProgrammeDashboard;
import th.or.codi.programme.history.PipelineTimeline;
import th.or.codi.programme.ledger.PipelineLedger;

/**
 * Everything the programme report is written from, as plain data: the dashboard as the caller sees
 * it (its {@code asOf} is the date of the data), the ledgers of the dashboard's pipelines, and
 * their timelines. {@link ProgrammeWorkbook} reads nothing else, so the workbook can only show the
 * dashboard's and the ledger's own figures, and a test can build its input by hand.
 *
 * @param ledgers the ledgers of the dashboard's rows' pipelines (a row without one shows no money)
 * @param timelines by pipeline id (a row without one shows no timeline)
 */
public record ReportData(
    ProgrammeDashboard.View dashboard,
    List<PipelineLedger> ledgers,
    Map<String, PipelineTimeline> timelines) {}
