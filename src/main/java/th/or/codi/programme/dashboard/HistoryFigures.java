package th.or.codi.programme.dashboard;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import th.or.codi.programme.history.HistoricValues;
import th.or.codi.programme.history.ProcessTree;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * What the engine's history holds for the dashboard: each province's pipeline that ended last, and
 * for one pipeline the values its row shows ({@link PipelineValues}). Every query runs as the
 * caller, with the caller's authorization checks.
 */
final class HistoryFigures {

  private static final int PAGE = 500;

  /**
   * A pipeline's own {@code wave}, {@code stageKey}, {@code stage} and {@code outcome}; since when
   * it is in its stage (the last time {@code stageKey} was written, else its start); the latest
   * monthly status written in it or the processes it called, with that report's month.
   */
  record PipelineValues(
      Object wave,
      String stageKey,
      String stage,
      Instant stageSince,
      String outcome,
      String latestMonthlyStatus,
      String latestReportMonth) {}

  private final HistoryService history;

  HistoryFigures(HistoryService history) {
    this.history = history;
  }

  /**
   * For each of these provinces, its pipeline that started last among those that ended. The ended
   * pipelines are read newest first, {@value #PAGE} at a time with their province codes, until
   * every province has one (usually the first page); a province still without one after four pages
   * gets a query of its own. (It used to load every historic copy of each province's code:
   * thousands per province once the history holds 100,000 pipelines.)
   */
  Map<String, HistoricProcessInstance> latestEnded(Set<String> wanted) {
    Map<String, HistoricProcessInstance> found = new HashMap<>();
    for (int first = 0; first < 4 * PAGE && found.size() < wanted.size(); first += PAGE) {
      List<HistoricProcessInstance> ended =
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(ProgrammeProcesses.PIPELINE)
              .finished()
              .orderByProcessInstanceStartTime()
              .desc()
              .listPage(first, PAGE);
      Map<String, Object> codes = new HashMap<>();
      if (!ended.isEmpty()) {
        for (HistoricVariableInstance v :
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceIdIn(
                    ended.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                .variableName("provinceCode")
                .list()) {
          if (HistoricValues.ownVariable(v)) {
            codes.put(v.getProcessInstanceId(), v.getValue());
          }
        }
      }
      for (HistoricProcessInstance pipeline : ended) {
        Object code = codes.get(pipeline.getId());
        if (code != null && wanted.contains(code.toString())) {
          found.putIfAbsent(code.toString(), pipeline);
        }
      }
      if (ended.size() < PAGE) {
        return found; // the whole history was read: the others never had a pipeline that ended
      }
    }
    for (String code : wanted) {
      if (!found.containsKey(code)) {
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProgrammeProcesses.PIPELINE)
            .finished()
            .variableValueEquals("provinceCode", code)
            .orderByProcessInstanceStartTime()
            .desc()
            .listPage(0, 1)
            .stream()
            .findFirst()
            .ifPresent(pipeline -> found.put(code, pipeline));
      }
    }
    return found;
  }

  /** The values of the pipeline's dashboard row. */
  PipelineValues valuesOf(HistoricProcessInstance pipeline) {
    List<String> tree =
        ProcessTree.of(history, pipeline).stream().map(HistoricProcessInstance::getId).toList();
    Map<String, HistoricVariableInstance> vars = new LinkedHashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(pipeline.getId())
            .variableNameIn("wave", "provinceName", "stageKey", "stage", "outcome")
            .list()) {
      if (HistoricValues.ownVariable(v)) {
        vars.put(v.getName(), v);
      }
    }
    Instant stageSince =
        HistoricValues.lastWrite(history, vars.get("stageKey"))
            .orElse(pipeline.getStartTime().toInstant());

    // latest monthly status: the most recently written value in the pipeline or its stages
    String latestStatus = null;
    String latestMonth = null;
    Instant latestAt = null;
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(tree.toArray(String[]::new))
            .variableNameIn("latestMonthlyStatus")
            .list()) {
      if (v.getTaskId() != null || v.getValue() == null) {
        continue;
      }
      Instant at = HistoricValues.lastWrite(history, v).orElse(null);
      if (at != null && (latestAt == null || at.isAfter(latestAt))) {
        latestAt = at;
        latestStatus = v.getValue().toString();
        HistoricVariableInstance month =
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceIdIn(v.getProcessInstanceId())
                .variableName("latestReportMonth")
                .list()
                .stream()
                .filter(m -> m.getTaskId() == null)
                .findFirst()
                .orElse(null);
        latestMonth = HistoricValues.text(month);
      }
    }
    return new PipelineValues(
        vars.get("wave") == null ? null : vars.get("wave").getValue(),
        HistoricValues.text(vars.get("stageKey")),
        HistoricValues.text(vars.get("stage")),
        stageSince,
        HistoricValues.text(vars.get("outcome")),
        latestStatus,
        latestMonth);
  }
}
