package th.or.codi.programme.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import th.or.codi.programme.processes.ProgrammeProcesses;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * What is open now, read from the engine's runtime in few queries: the running provincial pipelines
 * with their own variables, the processes they called, and the open and overdue tasks of each
 * party, across the programme and per pipeline. Ids go to the engine {@value #CHUNK} at a time.
 * Every query runs as the caller, with the caller's authorization checks.
 */
final class RuntimeFigures {

  private static final int CHUNK = 500;

  /** A party's open tasks in one pipeline, and how many of them are past their due date. */
  static final class TaskCount {
    long open;
    long overdue;
  }

  private final ProcessEngine engine;
  private final ProvinceReferenceData provinces;

  RuntimeFigures(ProcessEngine engine, ProvinceReferenceData provinces) {
    this.engine = engine;
    this.provinces = provinces;
  }

  /**
   * The running pipeline of each province, by province code, as its historic instance (the latest
   * started wins): a handful, read with two plain queries (and the variables' chunks).
   */
  Map<String, HistoricProcessInstance> runningByProvince() {
    Map<String, HistoricProcessInstance> running = new LinkedHashMap<>();
    Map<String, Map<String, Object>> vars = pipelineVariables(runningPipelineIds(), "provinceCode");
    if (!vars.isEmpty()) {
      for (HistoricProcessInstance pipeline :
          engine
              .getHistoryService()
              .createHistoricProcessInstanceQuery()
              .processInstanceIds(vars.keySet())
              .orderByProcessInstanceStartTime()
              .asc()
              .list()) {
        Object code = vars.get(pipeline.getId()).get("provinceCode");
        if (code != null) {
          running.put(code.toString(), pipeline); // the latest started wins
        }
      }
    }
    return running;
  }

  /**
   * The stage key of every running pipeline, read from its variables directly, not one count per
   * stage with a variable filter (on H2 such a filter scans every variable of every running
   * process). A pipeline without a stage yet is left out.
   */
  List<String> stagesOfRunningPipelines() {
    List<String> stages = new ArrayList<>();
    for (Map<String, Object> vars : pipelineVariables(runningPipelineIds(), "stageKey").values()) {
      Object stage = vars.get("stageKey");
      if (stage != null) {
        stages.add(stage.toString());
      }
    }
    return stages;
  }

  /** The party's open tasks in every programme process. */
  long openTasks(Party party) {
    return partyTasks(party).count();
  }

  /** The party's open tasks in every programme process that are past their due date. */
  long overdueTasks(Party party, Instant now) {
    return partyTasks(party).dueBefore(Date.from(now)).count();
  }

  /**
   * Open and overdue tasks of each party in each running pipeline (with the processes it called),
   * by province code and party key: one task query per party across all the running pipelines, not
   * two counts per party and province. A province whose latest pipeline ended has no entry.
   */
  Map<String, Map<String, TaskCount>> taskCounts(
      Map<Province, HistoricProcessInstance> latest, Instant now) {
    Map<String, String> provinceOf = new HashMap<>(); // process instance id -> province code
    Map<String, Map<String, TaskCount>> counts = new HashMap<>();
    latest.forEach(
        (province, pipeline) -> {
          if (pipeline.getEndTime() == null) {
            runningTree(pipeline.getId()).forEach(id -> provinceOf.put(id, province.code()));
            Map<String, TaskCount> perParty = new LinkedHashMap<>();
            for (Party party : Party.values()) {
              perParty.put(party.key(), new TaskCount());
            }
            counts.put(province.code(), perParty);
          }
        });
    if (provinceOf.isEmpty()) {
      return counts;
    }
    Date cutoff = Date.from(now);
    List<String> ids = new ArrayList<>(provinceOf.keySet());
    for (Party party : Party.values()) {
      Set<String> groups = new LinkedHashSet<>();
      for (Province province : latest.keySet()) {
        if (counts.containsKey(province.code())) {
          groups.addAll(List.of(party.groups(provinces, province)));
        }
      }
      for (int from = 0; from < ids.size(); from += CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
        for (Task task :
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceIdIn(chunk.toArray(String[]::new))
                .taskCandidateGroupIn(List.copyOf(groups))
                .includeAssignedTasks()
                .list()) {
          TaskCount count =
              counts.get(provinceOf.get(task.getProcessInstanceId())).get(party.key());
          count.open++;
          if (task.getDueDate() != null && task.getDueDate().before(cutoff)) {
            count.overdue++;
          }
        }
      }
    }
    return counts;
  }

  private List<String> runningPipelineIds() {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(ProgrammeProcesses.PIPELINE)
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .toList();
  }

  /** The named variables of each pipeline (its own scope), by pipeline id; read in chunks. */
  private Map<String, Map<String, Object>> pipelineVariables(List<String> ids, String... names) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      chunk.forEach(id -> out.put(id, new LinkedHashMap<>()));
      for (VariableInstance v :
          engine
              .getRuntimeService()
              .createVariableInstanceQuery()
              .processInstanceIdIn(chunk.toArray(String[]::new))
              .variableNameIn(names)
              .list()) {
        if (v.getTaskId() == null && v.getProcessInstanceId().equals(v.getActivityInstanceId())) {
          out.get(v.getProcessInstanceId()).put(v.getName(), v.getValue());
        }
      }
    }
    return out;
  }

  /** The running pipeline and the processes it called, and those they called, by id. */
  private List<String> runningTree(String id) {
    List<String> tree = new ArrayList<>(List.of(id));
    for (int i = 0; i < tree.size(); i++) {
      for (ProcessInstance child :
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .superProcessInstanceId(tree.get(i))
              .list()) {
        tree.add(child.getId());
      }
    }
    return tree;
  }

  private TaskQuery partyTasks(Party party) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .taskCandidateGroupIn(List.of(party.groups(provinces)))
        .includeAssignedTasks();
  }
}
