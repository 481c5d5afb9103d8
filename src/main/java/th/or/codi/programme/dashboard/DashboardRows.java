package th.or.codi.programme.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import th.or.codi.programme.dashboard.HistoryFigures.PipelineValues;
import th.or.codi.programme.dashboard.ProgrammeDashboard.Row;
import th.or.codi.programme.dashboard.RuntimeFigures.TaskCount;
import th.or.codi.programme.ledger.IndicatorResult;
import th.or.codi.programme.ledger.Ledgers;
import th.or.codi.programme.ledger.PipelineLedger;
import th.or.codi.programme.provinces.Province;

/**
 * Assembles a province's dashboard row from the figures read (its pipeline, the values of its
 * history, its open tasks): the state, the days in the stage, the tasks per party and their totals;
 * and orders the rows, wave by wave, then by province code. Reads nothing itself.
 */
final class DashboardRows {

  /** Wave first (rows without one last), then province code. */
  static final Comparator<Row> ORDER =
      Comparator.comparing((Row r) -> r.wave() == null ? Long.MAX_VALUE : r.wave())
          .thenComparing(Row::provinceCode);

  private DashboardRows() {}

  /**
   * @param taskCounts the open tasks of the pipeline per party key; null when it is not running
   * @param ledger the pipeline's ledger; null when the caller may not read it (no money, none)
   */
  static Row row(
      Province province,
      HistoricProcessInstance pipeline,
      PipelineValues values,
      Map<String, TaskCount> taskCounts,
      PipelineLedger ledger,
      Instant now) {
    boolean running = pipeline.getEndTime() == null;
    Instant until = running ? now : pipeline.getEndTime().toInstant();
    long days = Math.max(0, Duration.between(values.stageSince(), until).toDays());
    Map<String, Long> open = new LinkedHashMap<>();
    Map<String, Long> overdue = new LinkedHashMap<>();
    long openTotal = 0;
    long overdueTotal = 0;
    for (Party party : Party.values()) {
      long o = 0;
      long d = 0;
      if (running && taskCounts != null) {
        o = taskCounts.get(party.key()).open;
        d = taskCounts.get(party.key()).overdue;
      }
      open.put(party.key(), o);
      overdue.put(party.key(), d);
      openTotal += o;
      overdueTotal += d;
    }
    return new Row(
        province.code(),
        province.nameTh(),
        province.nameEn(),
        values.wave() instanceof Number n ? n.longValue() : null,
        pipeline.getBusinessKey(),
        pipeline.getId(),
        PipelineState.of(pipeline).key(),
        values.stageKey(),
        values.stage(),
        values.stageSince(),
        days,
        open,
        overdue,
        openTotal,
        overdueTotal,
        values.latestMonthlyStatus(),
        values.latestReportMonth(),
        values.outcome(),
        pipeline.getStartTime().toInstant(),
        running ? null : pipeline.getEndTime().toInstant(),
        ledger == null ? Ledgers.noMoney() : Ledgers.bySource(ledger.approved()),
        ledger == null ? Ledgers.noMoney() : Ledgers.bySource(ledger.spent()),
        ledger == null ? 0 : ledger.indicators().size(),
        ledger == null
            ? 0
            : (int) ledger.indicators().stream().filter(IndicatorResult::onTarget).count());
  }
}
