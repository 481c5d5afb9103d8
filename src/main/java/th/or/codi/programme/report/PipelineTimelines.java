package th.or.codi.programme.report;

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
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import th.or.codi.programme.history.HistoricValues;
import th.or.codi.programme.history.ProcessTree;
import th.or.codi.programme.processes.ProgrammeProcesses;
import th.or.codi.programme.report.PipelineTimeline.MonthReport;
import th.or.codi.programme.report.PipelineTimeline.StagePeriod;

/**
 * Reads a pipeline's {@link PipelineTimeline} from the engine's history, as the caller with the
 * caller's authorization checks (like the dashboard): the stages from every write of the pipeline's
 * own {@code stageKey} (the same moment the dashboard's "days in stage" counts from), the months
 * from the monthly monitoring's local variables in the implementation stage, one scope per month.
 */
public final class PipelineTimelines {

  private static final List<String> MONTH_VARIABLES =
      List.of("reportMonth", "progressStatus", "progressStatusConfirmed", "interventionType");

  private final HistoryService history;

  public PipelineTimelines(HistoryService history) {
    this.history = history;
  }

  /** The timelines of these pipelines that the caller may read, by pipeline id. */
  public Map<String, PipelineTimeline> of(Collection<String> pipelineIds) {
    Map<String, PipelineTimeline> timelines = new LinkedHashMap<>();
    if (pipelineIds.isEmpty()) {
      return timelines;
    }
    for (HistoricProcessInstance pipeline :
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceIds(new java.util.HashSet<>(pipelineIds))
            .list()) {
      timelines.put(pipeline.getId(), of(pipeline));
    }
    return timelines;
  }

  private PipelineTimeline of(HistoricProcessInstance pipeline) {
    Instant ended = instant(pipeline.getEndTime());
    return new PipelineTimeline(
        pipeline.getId(),
        instant(pipeline.getStartTime()),
        ended,
        stages(pipeline, ended),
        months(pipeline));
  }

  private List<StagePeriod> stages(HistoricProcessInstance pipeline, Instant ended) {
    List<HistoricVariableUpdate> writes = new ArrayList<>();
    for (HistoricVariableInstance stageKey :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(pipeline.getId())
            .variableName("stageKey")
            .list()) {
      if (!HistoricValues.ownVariable(stageKey)) {
        continue;
      }
      for (HistoricDetail detail :
          history
              .createHistoricDetailQuery()
              .variableInstanceId(stageKey.getId())
              .variableUpdates()
              .list()) {
        writes.add((HistoricVariableUpdate) detail);
      }
    }
    writes.sort(
        Comparator.comparing((HistoricVariableUpdate w) -> w.getTime())
            .thenComparingInt(HistoricVariableUpdate::getRevision));
    List<StagePeriod> stages = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      Object key = writes.get(i).getValue();
      if (key == null) {
        continue;
      }
      Instant end = i + 1 < writes.size() ? instant(writes.get(i + 1).getTime()) : ended;
      stages.add(new StagePeriod(key.toString(), instant(writes.get(i).getTime()), end));
    }
    return stages;
  }

  private List<MonthReport> months(HistoricProcessInstance pipeline) {
    String[] implementations =
        ProcessTree.of(history, pipeline).stream()
            .filter(i -> ProgrammeProcesses.IMPLEMENTATION.equals(i.getProcessDefinitionKey()))
            .map(HistoricProcessInstance::getId)
            .toArray(String[]::new);
    if (implementations.length == 0) {
      return List.of();
    }
    // one scope (the monthly monitoring's activity instance) per month
    Map<String, Map<String, HistoricVariableInstance>> scopes = new LinkedHashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(implementations)
            .variableNameIn(MONTH_VARIABLES.toArray(String[]::new))
            .list()) {
      if (v.getTaskId() == null && !v.getProcessInstanceId().equals(v.getActivityInstanceId())) {
        scopes.computeIfAbsent(v.getActivityInstanceId(), s -> new HashMap<>()).put(v.getName(), v);
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
              text(month),
              text(scope.get("progressStatus")),
              text(scope.get("progressStatusConfirmed")),
              text(scope.get("interventionType")),
              lastWrite(month)));
    }
    months.sort(
        Comparator.comparing(MonthReport::month)
            .thenComparing(
                MonthReport::submitted, Comparator.nullsLast(Comparator.naturalOrder())));
    return months;
  }

  private Instant lastWrite(HistoricVariableInstance variable) {
    return history
        .createHistoricDetailQuery()
        .variableInstanceId(variable.getId())
        .variableUpdates()
        .list()
        .stream()
        .map(HistoricDetail::getTime)
        .max(Date::compareTo)
        .map(Date::toInstant)
        .orElse(null);
  }

  private static String text(HistoricVariableInstance v) {
    return v == null || v.getValue() == null ? null : v.getValue().toString();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
