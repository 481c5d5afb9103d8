package th.or.codi.programme.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import th.or.codi.programme.history.HistoricValues;
import th.or.codi.programme.history.ProcessTree;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * What the engine's history holds for the dashboard: each province's pipeline that ended last, and
 * for the rows' pipelines the values their rows show ({@link PipelineValues}), read for all rows at
 * once. Every query runs as the caller, with the caller's authorization checks.
 */
final class HistoryFigures {

  private static final int PAGE = 500;
  private static final String LATEST_STATUS = "latestMonthlyStatus";
  private static final String LATEST_MONTH = "latestReportMonth";

  /** The pipeline's own variables its row shows. */
  private static final Set<String> OWN =
      Set.of("wave", "provinceName", "stageKey", "stage", "outcome");

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

  /**
   * The values of these pipelines' dashboard rows, by pipeline id, each as it was read pipeline by
   * pipeline before (a tree, a variable query and a detail query per row, and two more per monthly
   * status in its tree): now one variable query for every instance of every tree and one detail
   * query per variable name whose write times are wanted, per {@value #PAGE} instances, whatever
   * the number of rows.
   *
   * @param trees each pipeline's process tree ({@link ProcessTree#ofAll}), by pipeline id
   */
  Map<String, PipelineValues> valuesOf(
      Collection<HistoricProcessInstance> pipelines,
      Map<String, List<HistoricProcessInstance>> trees) {
    Map<String, PipelineValues> values = new LinkedHashMap<>();
    if (pipelines.isEmpty()) {
      return values;
    }
    Set<String> instances = new LinkedHashSet<>();
    pipelines.forEach(p -> instances.add(p.getId()));
    trees.values().forEach(tree -> tree.forEach(i -> instances.add(i.getId())));
    // every variable of the rows, by process instance, in the order the engine returns them
    Map<String, List<HistoricVariableInstance>> byInstance = new HashMap<>();
    for (HistoricVariableInstance v :
        inChunks(
            List.copyOf(instances),
            chunk ->
                history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(chunk)
                    .variableNameIn(
                        "wave",
                        "provinceName",
                        "stageKey",
                        "stage",
                        "outcome",
                        LATEST_STATUS,
                        LATEST_MONTH)
                    .list())) {
      byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new ArrayList<>()).add(v);
    }
    Map<String, Map<String, HistoricVariableInstance>> own = new HashMap<>();
    Set<String> withStageKey = new LinkedHashSet<>();
    Set<String> withStatus = new LinkedHashSet<>();
    for (HistoricProcessInstance pipeline : pipelines) {
      Map<String, HistoricVariableInstance> vars = new LinkedHashMap<>();
      for (HistoricVariableInstance v : byInstance.getOrDefault(pipeline.getId(), List.of())) {
        if (OWN.contains(v.getName()) && HistoricValues.ownVariable(v)) {
          vars.put(v.getName(), v);
        }
      }
      own.put(pipeline.getId(), vars);
      if (vars.containsKey("stageKey")) {
        withStageKey.add(pipeline.getId());
      }
      for (HistoricProcessInstance instance : trees.getOrDefault(pipeline.getId(), List.of())) {
        for (HistoricVariableInstance v : byInstance.getOrDefault(instance.getId(), List.of())) {
          if (isStatus(v)) {
            withStatus.add(instance.getId());
          }
        }
      }
    }
    Map<String, Instant> lastWrites = lastWrites(withStageKey, "stageKey");
    lastWrites.putAll(lastWrites(withStatus, LATEST_STATUS));

    for (HistoricProcessInstance pipeline : pipelines) {
      Map<String, HistoricVariableInstance> vars = own.get(pipeline.getId());
      Instant stageSince =
          vars.get("stageKey") == null || !lastWrites.containsKey(vars.get("stageKey").getId())
              ? pipeline.getStartTime().toInstant()
              : lastWrites.get(vars.get("stageKey").getId());

      // latest monthly status: the most recently written value in the pipeline or its stages
      String latestStatus = null;
      String latestMonth = null;
      Instant latestAt = null;
      for (HistoricProcessInstance instance : trees.getOrDefault(pipeline.getId(), List.of())) {
        for (HistoricVariableInstance v : byInstance.getOrDefault(instance.getId(), List.of())) {
          if (!isStatus(v)) {
            continue;
          }
          Instant at = lastWrites.get(v.getId());
          if (at != null && (latestAt == null || at.isAfter(latestAt))) {
            latestAt = at;
            latestStatus = v.getValue().toString();
            latestMonth =
                HistoricValues.text(
                    byInstance.getOrDefault(v.getProcessInstanceId(), List.of()).stream()
                        .filter(m -> LATEST_MONTH.equals(m.getName()) && m.getTaskId() == null)
                        .findFirst()
                        .orElse(null));
          }
        }
      }
      values.put(
          pipeline.getId(),
          new PipelineValues(
              vars.get("wave") == null ? null : vars.get("wave").getValue(),
              HistoricValues.text(vars.get("stageKey")),
              HistoricValues.text(vars.get("stage")),
              stageSince,
              HistoricValues.text(vars.get("outcome")),
              latestStatus,
              latestMonth));
    }
    return values;
  }

  /** A monthly status that counts: the instance's (not a task's), with a value. */
  private static boolean isStatus(HistoricVariableInstance v) {
    return LATEST_STATUS.equals(v.getName()) && v.getTaskId() == null && v.getValue() != null;
  }

  /**
   * When each variable of that name in these instances was last written, by variable instance id
   * ({@link HistoricValues#lastWrite}, for many variables at once): the detail query takes many
   * process instances but no variable instances, and a name only as a pattern (matched without
   * regard to case, hence the exact name checked again here).
   */
  private Map<String, Instant> lastWrites(Collection<String> instances, String name) {
    Map<String, Instant> last = new HashMap<>();
    for (HistoricDetail detail :
        inChunks(
            List.copyOf(instances),
            chunk ->
                history
                    .createHistoricDetailQuery()
                    .processInstanceIdIn(chunk)
                    .variableNameLike(name)
                    .variableUpdates()
                    .disableBinaryFetching()
                    .disableCustomObjectDeserialization()
                    .list())) {
      if (detail instanceof HistoricVariableUpdate update
          && name.equals(update.getVariableName())
          && update.getVariableInstanceId() != null) {
        last.merge(
            update.getVariableInstanceId(),
            update.getTime().toInstant(),
            (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return last;
  }

  private static <T> List<T> inChunks(List<String> ids, Function<String[], List<T>> query) {
    List<T> all = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += PAGE) {
      all.addAll(
          query.apply(ids.subList(from, Math.min(ids.size(), from + PAGE)).toArray(String[]::new)));
    }
    return all;
  }
}
