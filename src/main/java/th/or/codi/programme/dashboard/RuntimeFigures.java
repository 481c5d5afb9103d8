package th.or.codi.programme.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
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
   * The running pipelines as one view reads them: each province's, by province code, as its
   * historic instance (the latest started wins), and the stage key of every one (a pipeline without
   * a stage yet left out), from a single read of the running pipelines and of their {@code
   * provinceCode} and {@code stageKey} (the view used to read both twice).
   */
  record Running(Map<String, HistoricProcessInstance> byProvince, List<String> stages) {}

  /**
   * The running pipelines and their own {@code provinceCode} and {@code stageKey}: two plain
   * queries (and the variables' chunks), then their historic instances in one.
   */
  Running running() {
    Map<String, HistoricProcessInstance> running = new LinkedHashMap<>();
    Map<String, Map<String, Object>> vars =
        pipelineVariables(runningPipelineIds(), "provinceCode", "stageKey");
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
    return new Running(running, stages(vars));
  }

  /**
   * The stage key of every running pipeline, read from its variables directly, not one count per
   * stage with a variable filter (on H2 such a filter scans every variable of every running
   * process). A pipeline without a stage yet is left out. For the metrics, which need no more.
   */
  List<String> stagesOfRunningPipelines() {
    return stages(pipelineVariables(runningPipelineIds(), "stageKey"));
  }

  private static List<String> stages(Map<String, Map<String, Object>> pipelineVariables) {
    List<String> stages = new ArrayList<>();
    for (Map<String, Object> vars : pipelineVariables.values()) {
      Object stage = vars.get("stageKey");
      if (stage != null) {
        stages.add(stage.toString());
      }
    }
    return stages;
  }

  /**
   * Open tasks and those past their due date, of each party, by party key: the tasks whose
   * candidate groups include one of the party's groups (assigned or not), counted by the database
   * in one statement over the engine's task and identity-link tables. The engine's API counts one
   * party and one condition per query, each a join of every open task with its authorizations (0.2
   * s each at 100,000 open tasks); these are programme-wide counts, no instance, name or value, the
   * same for every reader of the dashboard and for the metrics, so they are counted without the
   * caller's authorization checks, as the metrics always were.
   *
   * @return {@code [open, overdue]} by party key, every party present
   */
  Map<String, long[]> partyTaskCounts(Instant now) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    StringBuilder party = new StringBuilder("CASE");
    List<String> groups = new ArrayList<>();
    for (Party p : Party.values()) {
      counts.put(p.key(), new long[2]);
      List<String> own = List.of(p.groups(provinces));
      party
          .append(" WHEN I.GROUP_ID_ IN (")
          .append(String.join(",", java.util.Collections.nCopies(own.size(), "?")))
          .append(") THEN '")
          .append(p.key())
          .append("'");
      groups.addAll(own);
    }
    party.append(" END");
    var configuration =
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix();
    String sql =
        "SELECT PARTY, COUNT(DISTINCT TASK_ID), COUNT(DISTINCT OVERDUE_ID) FROM (SELECT "
            + party
            + " AS PARTY, T.ID_ AS TASK_ID, CASE WHEN T.DUE_DATE_ < ? THEN T.ID_ END AS OVERDUE_ID"
            + " FROM "
            + prefix
            + "ACT_RU_TASK T JOIN "
            + prefix
            + "ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = T.ID_"
            + " WHERE I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN ("
            + String.join(",", java.util.Collections.nCopies(groups.size(), "?"))
            + ")) C GROUP BY PARTY";
    try (java.sql.Connection connection = configuration.getDataSource().getConnection();
        java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      for (String group : groups) {
        statement.setString(i++, group);
      }
      statement.setTimestamp(i++, java.sql.Timestamp.from(now));
      for (String group : groups) {
        statement.setString(i++, group);
      }
      try (java.sql.ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long[] count = counts.get(rows.getString(1));
          if (count != null) {
            count[0] = rows.getLong(2);
            count[1] = rows.getLong(3);
          }
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot count the parties' open tasks", e);
    }
    return counts;
  }

  /**
   * Open and overdue tasks of each party in each running pipeline (with the processes it called),
   * by province code and party key: one task query per party across all the running pipelines, not
   * two counts per party and province. A province whose latest pipeline ended has no entry.
   *
   * @param trees the rows' process trees from history ({@link
   *     th.or.codi.programme.history.ProcessTree#ofAll}), by pipeline id
   */
  Map<String, Map<String, TaskCount>> taskCounts(
      Map<Province, HistoricProcessInstance> latest,
      Map<String, List<HistoricProcessInstance>> trees,
      Instant now) {
    Map<String, String> provinceOf = new HashMap<>(); // process instance id -> province code
    Map<String, Map<String, TaskCount>> counts = new HashMap<>();
    Map<Province, HistoricProcessInstance> running = new LinkedHashMap<>();
    latest.forEach(
        (province, pipeline) -> {
          if (pipeline.getEndTime() == null) {
            running.put(province, pipeline);
          }
        });
    Map<String, List<String>> runningTrees = runningTrees(running.values(), trees);
    running.forEach(
        (province, pipeline) -> {
          runningTrees.get(pipeline.getId()).forEach(id -> provinceOf.put(id, province.code()));
          Map<String, TaskCount> perParty = new LinkedHashMap<>();
          for (Party party : Party.values()) {
            perParty.put(party.key(), new TaskCount());
          }
          counts.put(province.code(), perParty);
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

  /**
   * Each running pipeline and the running processes it called, and those they called, by pipeline
   * id: the processes of its historic tree that the runtime still has, as the caller may read them
   * there, walked down from the pipeline as the runtime's super instance links would be (one query
   * per {@value #CHUNK} instances for all pipelines, not one per process and level).
   */
  private Map<String, List<String>> runningTrees(
      Collection<HistoricProcessInstance> pipelines,
      Map<String, List<HistoricProcessInstance>> trees) {
    List<String> called = new ArrayList<>();
    for (HistoricProcessInstance pipeline : pipelines) {
      for (HistoricProcessInstance instance : trees.getOrDefault(pipeline.getId(), List.of())) {
        if (!instance.getId().equals(pipeline.getId()) && instance.getEndTime() == null) {
          called.add(instance.getId());
        }
      }
    }
    Set<String> stillRunning = new HashSet<>();
    for (int from = 0; from < called.size(); from += CHUNK) {
      engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .processInstanceIds(
              new LinkedHashSet<>(called.subList(from, Math.min(called.size(), from + CHUNK))))
          .list()
          .forEach(p -> stillRunning.add(p.getId()));
    }
    Map<String, List<String>> running = new LinkedHashMap<>();
    for (HistoricProcessInstance pipeline : pipelines) {
      List<String> tree = new ArrayList<>(List.of(pipeline.getId()));
      Set<String> reached = new HashSet<>(tree);
      for (HistoricProcessInstance instance : trees.getOrDefault(pipeline.getId(), List.of())) {
        // parents come first in a tree: a process is reached when its caller was
        if (stillRunning.contains(instance.getId())
            && reached.contains(instance.getSuperProcessInstanceId())
            && reached.add(instance.getId())) {
          tree.add(instance.getId());
        }
      }
      running.put(pipeline.getId(), tree);
    }
    return running;
  }
}
