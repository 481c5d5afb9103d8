package th.or.codi.programme.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import th.or.codi.programme.dashboard.HistoryFigures.PipelineValues;
import th.or.codi.programme.dashboard.RuntimeFigures.TaskCount;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.history.ProcessTree;
import th.or.codi.programme.ledger.Ledgers;
import th.or.codi.programme.ledger.PipelineLedger;
import th.or.codi.programme.pipeline.PipelineStages.Stage;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * The managers' view of the programme and its response shape: for each province its latest
 * provincial pipeline (the running one, else the last that ended) — wave, stage and how long it has
 * been there, open and overdue tasks of each party, the latest monthly status, the outcome — and
 * totals per stage. Every figure is a query on the engine ({@link RuntimeFigures} for what is open,
 * {@link HistoryFigures} for what ended; {@link DashboardRows} assembles the rows), made as the
 * caller with the caller's authorization checks on, so a viewer is shown what the engine shows them
 * through {@code /engine-rest} and {@code /history/*}, no more. Each row's money (approved and
 * spent per source, over the three stages) and indicators (how many, how many on target) are its
 * pipeline's {@link Ledgers ledger}'s, and the programme's totals their sums, so the dashboard and
 * the ledger can never disagree.
 */
public class ProgrammeDashboard {

  public record Row(
      String provinceCode,
      String provinceName,
      String provinceNameEn,
      Long wave,
      String businessKey,
      String processInstanceId,
      String state,
      String stageKey,
      String stage,
      Instant stageSince,
      Long daysInStage,
      Map<String, Long> openTasks,
      Map<String, Long> overdueTasks,
      long openTotal,
      long overdueTotal,
      String latestMonthlyStatus,
      String latestReportMonth,
      String outcome,
      Instant started,
      Instant ended,
      Map<String, BigDecimal> approvedBySource,
      Map<String, BigDecimal> spentBySource,
      int indicatorsTotal,
      int indicatorsOnTarget) {}

  public record View(
      Instant asOf,
      List<Row> provinces,
      Map<String, Long> pipelinesPerStage,
      Map<String, String> stageLabels,
      Map<String, Long> openTasksPerParty,
      Map<String, Long> overdueTasksPerParty,
      int provincesWithoutPipeline,
      Map<String, BigDecimal> approvedBySource,
      Map<String, BigDecimal> spentBySource,
      int indicatorsTotal,
      int indicatorsOnTarget) {}

  /**
   * The figures across the whole programme: running pipelines per stage, open and overdue tasks per
   * party.
   */
  public record Totals(
      Map<String, Long> pipelinesPerStage,
      Map<String, String> stageLabels,
      Map<String, Long> openTasksPerParty,
      Map<String, Long> overdueTasksPerParty) {}

  private final ProcessEngine engine;
  private final ProvinceReferenceData provinces;
  private final RuntimeFigures runtime;
  private final HistoryFigures history;
  private final Ledgers ledgers;

  public ProgrammeDashboard(ProcessEngine engine, ProvinceReferenceData provinces) {
    this.engine = engine;
    this.provinces = provinces;
    this.runtime = new RuntimeFigures(engine, provinces);
    this.history = new HistoryFigures(engine.getHistoryService());
    this.ledgers = new Ledgers(engine);
  }

  /** The dashboard as the logged-in user may see it. */
  public View view(Instant now) {
    // running pipelines first: a handful of rows, read once for the rows and the totals
    RuntimeFigures.Running runningNow = runtime.running();
    Map<String, HistoricProcessInstance> running = runningNow.byProvince();
    // only programme provinces can have pipelines (PipelineStages.prepare refuses others)
    Map<String, HistoricProcessInstance> ended =
        history.latestEnded(
            provinces.programmeProvinces().stream()
                .map(Province::code)
                .filter(code -> !running.containsKey(code))
                .collect(Collectors.toSet()));
    Map<Province, HistoricProcessInstance> latest = new LinkedHashMap<>();
    int without = 0;
    for (Province province : provinces.provinces()) {
      HistoricProcessInstance pipeline =
          running.getOrDefault(province.code(), ended.get(province.code()));
      if (pipeline == null) {
        if (province.inProgramme()) {
          without++; // a study-visit host never has a pipeline: it has nothing to start
        }
      } else {
        latest.put(province, pipeline);
      }
    }
    // every row's process tree, for its tasks and its monthly status: one query for all rows
    Map<String, List<HistoricProcessInstance>> trees =
        ProcessTree.ofAll(engine.getHistoryService(), latest.values());
    Map<String, Map<String, TaskCount>> taskCounts = runtime.taskCounts(latest, trees, now);
    Map<String, PipelineValues> values = history.valuesOf(latest.values(), trees);
    // the money and indicators are the ledger's own, read for all the rows' pipelines at once
    Map<String, PipelineLedger> ledgerOf = new HashMap<>();
    ledgers
        .ofPipelines(latest.values().stream().map(HistoricProcessInstance::getId).toList())
        .forEach(l -> ledgerOf.put(l.pipelineId(), l));
    List<Row> rows = new ArrayList<>();
    latest.forEach(
        (province, pipeline) ->
            rows.add(
                DashboardRows.row(
                    province,
                    pipeline,
                    values.get(pipeline.getId()),
                    taskCounts.get(province.code()),
                    ledgerOf.get(pipeline.getId()),
                    now)));
    rows.sort(DashboardRows.ORDER);
    Map<String, BigDecimal> approved = Ledgers.noMoney();
    Map<String, BigDecimal> spent = Ledgers.noMoney();
    int indicators = 0;
    int onTarget = 0;
    for (Row row : rows) {
      row.approvedBySource()
          .forEach((source, amount) -> approved.merge(source, amount, BigDecimal::add));
      row.spentBySource().forEach((source, amount) -> spent.merge(source, amount, BigDecimal::add));
      indicators += row.indicatorsTotal();
      onTarget += row.indicatorsOnTarget();
    }

    Totals totals = totalsNow(now, runningNow.stages());
    return new View(
        now,
        rows,
        totals.pipelinesPerStage(),
        totals.stageLabels(),
        totals.openTasksPerParty(),
        totals.overdueTasksPerParty(),
        without,
        approved,
        spent,
        indicators,
        onTarget);
  }

  /**
   * The totals for {@code /actuator/prometheus}, read without authorization checks: counts per
   * party and stage only, no instance, name or value, for the operators' monitoring system, whose
   * access {@code security/MetricsAccess} decides (the actuator is outside the engine, which has no
   * grant for it). Every reader of the dashboard sees the same totals in it.
   */
  public Totals totals(Instant now) {
    return EngineHooks.withoutAuthentication(
        engine.getIdentityService(), () -> totalsNow(now, runtime.stagesOfRunningPipelines()));
  }

  /**
   * @param runningStages the stage key of every running pipeline ({@link RuntimeFigures.Running})
   */
  private Totals totalsNow(Instant now, List<String> runningStages) {
    Map<String, Long> perStage = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      labels.put(stage.key(), stage.label());
      perStage.put(stage.key(), 0L);
    }
    for (String stage : runningStages) {
      if (perStage.containsKey(stage)) {
        perStage.merge(stage, 1L, Long::sum);
      }
    }
    Map<String, Long> open = new LinkedHashMap<>();
    Map<String, Long> overdue = new LinkedHashMap<>();
    runtime
        .partyTaskCounts(now)
        .forEach(
            (party, count) -> {
              open.put(party, count[0]);
              overdue.put(party, count[1]);
            });
    return new Totals(perStage, labels, open, overdue);
  }
}
