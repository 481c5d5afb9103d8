package th.or.codi.programme.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import th.or.codi.programme.history.PipelineTimeline.MonthReport;
import th.or.codi.programme.history.PipelineTimeline.StagePeriod;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * Reads a pipeline's {@link PipelineTimeline} from the engine's history, as the caller with the
 * caller's authorization checks (like the dashboard): the stages from every write of the pipeline's
 * own {@code stageKey} (the same moment the dashboard's "days in stage" counts from), the months
 * from the monthly monitoring's local variables in the implementation stage, one scope per month.
 */
public final class PipelineTimelines {

  private static final List<String> MONTH_VARIABLES =
      List.of("reportMonth", "progressStatus", "progressStatusConfirmed", "interventionType");

  /**
   * The timers that find a stage running longer than allowed, by the stage they watch: the
   * pipeline's three {@code stage-allowed} escalations (non-interrupting: the stage goes on) and
   * the implementation's plan end with its grace (interrupting: the stage closes as not completed
   * on time). Their ids are the models' own ({@code PipelineTimelinesTest} reads them there).
   */
  static final Map<String, String> OVERRUN_TIMERS =
      Map.of(
          "Event_ForumStageOverrun", "understanding-forum",
          "Event_VisitStageOverrun", "study-visit",
          "Event_DesignStageOverrun", "joint-design",
          "Event_PlanEndPassed", "implementation");

  private final HistoryService history;

  public PipelineTimelines(HistoryService history) {
    this.history = history;
  }

  /** The timelines of these pipelines that the caller may read, by pipeline id. */
  public Map<String, PipelineTimeline> of(Collection<String> pipelineIds) {
    if (pipelineIds.isEmpty()) {
      return new LinkedHashMap<>();
    }
    return ofPipelines(
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceIds(new java.util.HashSet<>(pipelineIds))
            .list());
  }

  /**
   * The timelines of these pipelines (historic instances the caller has read), by pipeline id, in
   * their order. The stages' variables are read for all of them in one statement; their writes, the
   * months and the overruns per pipeline.
   */
  public Map<String, PipelineTimeline> ofPipelines(List<HistoricProcessInstance> pipelines) {
    Map<String, PipelineTimeline> timelines = new LinkedHashMap<>();
    if (pipelines.isEmpty()) {
      return timelines;
    }
    Map<String, List<HistoricVariableUpdate>> stageWrites = stageWrites(pipelines);
    for (HistoricProcessInstance pipeline : pipelines) {
      List<HistoricProcessInstance> tree = ProcessTree.of(history, pipeline);
      Instant ended = instant(pipeline.getEndTime());
      timelines.put(
          pipeline.getId(),
          new PipelineTimeline(
              pipeline.getId(),
              instant(pipeline.getStartTime()),
              ended,
              stages(stageWrites.getOrDefault(pipeline.getId(), List.of()), ended, overruns(tree)),
              months(tree)));
    }
    return timelines;
  }

  /**
   * Every write of each pipeline's own {@code stageKey}, by pipeline id: one statement for the
   * variables, one per pipeline for their writes (by variable instance, indexed; the detail query
   * cannot take a variable's name, and every update of every pipeline would be far more to read).
   */
  private Map<String, List<HistoricVariableUpdate>> stageWrites(
      List<HistoricProcessInstance> pipelines) {
    Map<String, List<HistoricVariableUpdate>> writes = new HashMap<>();
    for (HistoricVariableInstance stageKey :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(
                pipelines.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
            .variableName("stageKey")
            .list()) {
      if (!HistoricValues.ownVariable(stageKey)) {
        continue;
      }
      List<HistoricVariableUpdate> own =
          writes.computeIfAbsent(stageKey.getProcessInstanceId(), p -> new ArrayList<>());
      for (HistoricDetail detail :
          history
              .createHistoricDetailQuery()
              .variableInstanceId(stageKey.getId())
              .variableUpdates()
              .list()) {
        own.add((HistoricVariableUpdate) detail);
      }
    }
    return writes;
  }

  /**
   * When each stage's overrun timer fired in this pipeline's tree ({@link #OVERRUN_TIMERS}), by
   * stage key: the first time, if it fired again.
   */
  private Map<String, Instant> overruns(List<HistoricProcessInstance> tree) {
    Map<String, Instant> overruns = new HashMap<>();
    for (HistoricProcessInstance instance : tree) {
      String key = instance.getProcessDefinitionKey();
      if (!ProgrammeProcesses.PIPELINE.equals(key)
          && !ProgrammeProcesses.IMPLEMENTATION.equals(key)) {
        continue;
      }
      for (HistoricActivityInstance fired :
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(instance.getId())
              .activityType("boundaryTimer")
              .list()) {
        String stage = OVERRUN_TIMERS.get(fired.getActivityId());
        if (stage != null) {
          overruns.merge(stage, fired.getStartTime().toInstant(), (a, b) -> a.isBefore(b) ? a : b);
        }
      }
    }
    return overruns;
  }

  private List<StagePeriod> stages(
      List<HistoricVariableUpdate> stageWrites, Instant ended, Map<String, Instant> overruns) {
    List<HistoricVariableUpdate> writes = new ArrayList<>(stageWrites);
    writes.sort(
        Comparator.comparing((HistoricVariableUpdate w) -> w.getTime())
            .thenComparingInt(HistoricVariableUpdate::getRevision));
    List<StagePeriod> stages = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      Object key = writes.get(i).getValue();
      if (key == null) {
        continue;
      }
      Instant start = instant(writes.get(i).getTime());
      Instant end = i + 1 < writes.size() ? instant(writes.get(i + 1).getTime()) : ended;
      Instant overran = overruns.get(key.toString());
      boolean inThisStay =
          overran != null && !overran.isBefore(start) && (end == null || !overran.isAfter(end));
      stages.add(new StagePeriod(key.toString(), start, end, inThisStay ? overran : null));
    }
    return stages;
  }

  private List<MonthReport> months(List<HistoricProcessInstance> tree) {
    String[] implementations =
        tree.stream()
            .filter(i -> ProgrammeProcesses.IMPLEMENTATION.equals(i.getProcessDefinitionKey()))
            .map(HistoricProcessInstance::getId)
            .toArray(String[]::new);
    if (implementations.length == 0) {
      return List.of();
    }
    // one scope per month: the monthly monitoring's own execution (the engine records its local
    // variables with the implementation's instance id as their activity instance, so only the
    // execution tells the months apart)
    Map<String, Map<String, HistoricVariableInstance>> scopes = new LinkedHashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(implementations)
            .variableNameIn(MONTH_VARIABLES.toArray(String[]::new))
            .list()) {
      if (v.getTaskId() == null
          && v.getExecutionId() != null
          && !v.getProcessInstanceId().equals(v.getExecutionId())) {
        scopes.computeIfAbsent(v.getExecutionId(), s -> new HashMap<>()).put(v.getName(), v);
      }
    }
    List<MonthReport> months = new ArrayList<>();
    for (Map<String, HistoricVariableInstance> scope : scopes.values()) {
      HistoricVariableInstance month = scope.get("reportMonth");
      if (month == null || month.getValue() == null) {
        continue; // a month whose report was not submitted yet
      }
      months.add(
          new MonthReport(
              HistoricValues.text(month),
              HistoricValues.text(scope.get("progressStatus")),
              HistoricValues.text(scope.get("progressStatusConfirmed")),
              HistoricValues.text(scope.get("interventionType")),
              HistoricValues.lastWrite(history, month).orElse(null)));
    }
    months.sort(
        Comparator.comparing(MonthReport::month)
            .thenComparing(
                MonthReport::submitted, Comparator.nullsLast(Comparator.naturalOrder())));
    return months;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
