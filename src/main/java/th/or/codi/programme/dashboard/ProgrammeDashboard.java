package th.or.codi.programme.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.history.HistoricValues;
import th.or.codi.programme.history.ProcessTree;
import th.or.codi.programme.identity.ProgrammeGroups;
import th.or.codi.programme.pipeline.PipelineStages.Stage;
import th.or.codi.programme.processes.ProgrammeProcesses;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * The managers' view of the programme: for each province its latest provincial pipeline (the
 * running one, else the last that ended) — wave, stage and how long it has been there, open and
 * overdue tasks of each party, the latest monthly status, the outcome — and totals per stage. Every
 * figure is a query on the engine (runtime for what is open, history for what ended), made as the
 * caller with the caller's authorization checks on, so a viewer is shown what the engine shows them
 * through {@code /engine-rest} and {@code /history/*}, no more.
 */
public class ProgrammeDashboard {

  /**
   * The parties whose open tasks are counted; a province's movement is one party, "community", and
   * the provinces' tri-party teams are one party, "joint".
   */
  public enum Party {
    CODI("codi", "พอช.", "CODI"),
    THAIHEALTH("thaihealth", "สสส.", "ThaiHealth"),
    COMMUNITY("community", "ขบวนองค์กรชุมชน", "Community movement"),
    JOINT("joint", "ทีมร่วม 3 ฝ่ายจังหวัด", "Provincial tri-party team"),
    WORKING_GROUP("working-group", "คณะทำงานร่วมระดับภาค", "Regional working group"),
    MANAGERS("managers", "ผู้บริหาร", "Managers");

    private final String key;
    private final String th;
    private final String en;

    Party(String key, String th, String en) {
      this.key = key;
      this.th = th;
      this.en = en;
    }

    public String key() {
      return key;
    }

    public String th() {
      return th;
    }

    public String en() {
      return en;
    }

    /** The candidate groups of the party's tasks. */
    public String[] groups(ProvinceReferenceData provinces) {
      return switch (this) {
        case CODI -> new String[] {ProgrammeGroups.CODI};
        case THAIHEALTH -> new String[] {ProgrammeGroups.THAIHEALTH};
        case WORKING_GROUP -> new String[] {ProgrammeGroups.WORKING_GROUP};
        case MANAGERS -> new String[] {ProgrammeGroups.MANAGERS};
        case COMMUNITY ->
            provinces.provinces().stream().map(Province::communityGroupId).toArray(String[]::new);
        case JOINT ->
            ProgrammeGroups.jointProvinces(provinces).stream()
                .map(Province::jointGroupId)
                .toArray(String[]::new);
      };
    }

    /** The candidate groups of the party's tasks in one province's pipeline. */
    public String[] groups(ProvinceReferenceData provinces, Province province) {
      return switch (this) {
        case COMMUNITY -> new String[] {province.communityGroupId()};
        case JOINT -> new String[] {province.jointGroupId()};
        default -> groups(provinces);
      };
    }
  }

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
      Instant ended) {}

  public record View(
      Instant asOf,
      List<Row> provinces,
      Map<String, Long> pipelinesPerStage,
      Map<String, String> stageLabels,
      Map<String, Long> openTasksPerParty,
      Map<String, Long> overdueTasksPerParty,
      int provincesWithoutPipeline) {}

  private final ProcessEngine engine;
  private final ProvinceReferenceData provinces;

  public ProgrammeDashboard(ProcessEngine engine, ProvinceReferenceData provinces) {
    this.engine = engine;
    this.provinces = provinces;
  }

  /** The dashboard as the logged-in user may see it. */
  public View view(Instant now) {
    HistoryService history = engine.getHistoryService();
    List<Row> rows = new ArrayList<>();
    int without = 0;
    // running pipelines first: a handful of rows, read with two plain queries
    Map<String, HistoricProcessInstance> running = new LinkedHashMap<>();
    Map<String, Map<String, Object>> runningVars =
        pipelineVariables(runningPipelineIds(), "provinceCode");
    if (!runningVars.isEmpty()) {
      for (HistoricProcessInstance pipeline :
          history
              .createHistoricProcessInstanceQuery()
              .processInstanceIds(runningVars.keySet())
              .orderByProcessInstanceStartTime()
              .asc()
              .list()) {
        Object code = runningVars.get(pipeline.getId()).get("provinceCode");
        if (code != null) {
          running.put(code.toString(), pipeline); // the latest started wins
        }
      }
    }
    // only programme provinces can have pipelines (PipelineStages.prepare refuses others)
    Map<String, HistoricProcessInstance> ended =
        latestEnded(
            provinces.programmeProvinces().stream()
                .map(Province::code)
                .filter(code -> !running.containsKey(code))
                .collect(Collectors.toSet()));
    Map<Province, HistoricProcessInstance> latest = new LinkedHashMap<>();
    for (Province province : provinces.provinces()) {
      HistoricProcessInstance pipeline =
          running.getOrDefault(province.code(), ended.get(province.code()));
      if (pipeline == null) {
        without++;
      } else {
        latest.put(province, pipeline);
      }
    }
    Map<String, Map<String, long[]>> taskCounts = runningTaskCounts(latest, now);
    latest.forEach(
        (province, pipeline) ->
            rows.add(row(province, pipeline, now, taskCounts.get(province.code()))));
    rows.sort(
        Comparator.comparing((Row r) -> r.wave() == null ? Long.MAX_VALUE : r.wave())
            .thenComparing(Row::provinceCode));

    Totals totals = totalsNow(now);
    return new View(
        now,
        rows,
        totals.pipelinesPerStage(),
        totals.stageLabels(),
        totals.openTasksPerParty(),
        totals.overdueTasksPerParty(),
        without);
  }

  /**
   * The figures across the whole programme: running pipelines per stage, open and overdue tasks per
   * party.
   */
  public record Totals(
      Map<String, Long> pipelinesPerStage,
      Map<String, String> stageLabels,
      Map<String, Long> openTasksPerParty,
      Map<String, Long> overdueTasksPerParty) {}

  /**
   * The totals for {@code /actuator/prometheus}, read without authorization checks: counts per
   * party and stage only, no instance, name or value, for the operators' monitoring system, whose
   * access {@code security/MetricsAccess} decides (the actuator is outside the engine, which has no
   * grant for it). Every reader of the dashboard sees the same totals in it.
   */
  public Totals totals(Instant now) {
    return EngineHooks.withoutAuthentication(engine.getIdentityService(), () -> totalsNow(now));
  }

  private Totals totalsNow(Instant now) {
    // stage of every running pipeline: its variables read directly, not one count per stage with
    // a variable filter (on H2 such a filter scans every variable of every running process)
    Map<String, Long> perStage = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      labels.put(stage.key(), stage.label());
      perStage.put(stage.key(), 0L);
    }
    for (Map<String, Object> vars : pipelineVariables(runningPipelineIds(), "stageKey").values()) {
      Object stage = vars.get("stageKey");
      if (stage != null && perStage.containsKey(stage.toString())) {
        perStage.merge(stage.toString(), 1L, Long::sum);
      }
    }
    Map<String, Long> open = new LinkedHashMap<>();
    Map<String, Long> overdue = new LinkedHashMap<>();
    for (Party party : Party.values()) {
      open.put(party.key(), partyTasks(party).count());
      overdue.put(party.key(), partyTasks(party).dueBefore(Date.from(now)).count());
    }
    return new Totals(perStage, labels, open, overdue);
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
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
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
   * For each of these provinces, its pipeline that started last among those that ended. The ended
   * pipelines are read newest first, 500 at a time with their province codes, until every province
   * has one (usually the first page); a province still without one after four pages gets a query of
   * its own. (It used to load every historic copy of each province's code: thousands per province
   * once the history holds 100,000 pipelines.)
   */
  private Map<String, HistoricProcessInstance> latestEnded(Set<String> wanted) {
    HistoryService history = engine.getHistoryService();
    Map<String, HistoricProcessInstance> found = new HashMap<>();
    int page = 500;
    for (int first = 0; first < 4 * page && found.size() < wanted.size(); first += page) {
      List<HistoricProcessInstance> ended =
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(ProgrammeProcesses.PIPELINE)
              .finished()
              .orderByProcessInstanceStartTime()
              .desc()
              .listPage(first, page);
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
      if (ended.size() < page) {
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

  private TaskQuery partyTasks(Party party) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .taskCandidateGroupIn(List.of(party.groups(provinces)))
        .includeAssignedTasks();
  }

  /**
   * Open and overdue tasks of each party in each running pipeline (with the processes it called),
   * by province code and party key: one task query per party across all the running pipelines, not
   * two counts per party and province.
   */
  private Map<String, Map<String, long[]>> runningTaskCounts(
      Map<Province, HistoricProcessInstance> latest, Instant now) {
    Map<String, String> provinceOf = new HashMap<>(); // process instance id -> province code
    Map<String, Map<String, long[]>> counts = new HashMap<>();
    latest.forEach(
        (province, pipeline) -> {
          if (pipeline.getEndTime() == null) {
            runningTree(pipeline.getId()).forEach(id -> provinceOf.put(id, province.code()));
            Map<String, long[]> perParty = new LinkedHashMap<>();
            for (Party party : Party.values()) {
              perParty.put(party.key(), new long[2]);
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
      for (int from = 0; from < ids.size(); from += 500) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
        for (Task task :
            tasks(chunk).taskCandidateGroupIn(List.copyOf(groups)).includeAssignedTasks().list()) {
          long[] count = counts.get(provinceOf.get(task.getProcessInstanceId())).get(party.key());
          count[0]++;
          if (task.getDueDate() != null && task.getDueDate().before(cutoff)) {
            count[1]++;
          }
        }
      }
    }
    return counts;
  }

  private Row row(
      Province province,
      HistoricProcessInstance pipeline,
      Instant now,
      Map<String, long[]> taskCounts) {
    HistoryService history = engine.getHistoryService();
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
    String stageKey = value(vars.get("stageKey"));
    Instant stageSince =
        lastUpdate(vars.get("stageKey")).orElse(pipeline.getStartTime().toInstant());
    Instant until = pipeline.getEndTime() == null ? now : pipeline.getEndTime().toInstant();
    long days = Math.max(0, Duration.between(stageSince, until).toDays());

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
      Instant at = lastUpdate(v).orElse(null);
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
        latestMonth =
            month == null || month.getValue() == null ? null : month.getValue().toString();
      }
    }

    Map<String, Long> open = new LinkedHashMap<>();
    Map<String, Long> overdue = new LinkedHashMap<>();
    long openTotal = 0;
    long overdueTotal = 0;
    boolean running = pipeline.getEndTime() == null;
    for (Party party : Party.values()) {
      long o = 0;
      long d = 0;
      if (running && taskCounts != null) {
        o = taskCounts.get(party.key())[0];
        d = taskCounts.get(party.key())[1];
      }
      open.put(party.key(), o);
      overdue.put(party.key(), d);
      openTotal += o;
      overdueTotal += d;
    }
    Object wave = vars.get("wave") == null ? null : vars.get("wave").getValue();
    String state =
        running ? "running" : "COMPLETED".equals(pipeline.getState()) ? "completed" : "cancelled";
    return new Row(
        province.code(),
        province.nameTh(),
        province.nameEn(),
        wave instanceof Number n ? n.longValue() : null,
        pipeline.getBusinessKey(),
        pipeline.getId(),
        state,
        stageKey,
        value(vars.get("stage")),
        stageSince,
        days,
        open,
        overdue,
        openTotal,
        overdueTotal,
        latestStatus,
        latestMonth,
        value(vars.get("outcome")),
        pipeline.getStartTime().toInstant(),
        pipeline.getEndTime() == null ? null : pipeline.getEndTime().toInstant());
  }

  private TaskQuery tasks(List<String> instanceIds) {
    TaskService tasks = engine.getTaskService();
    return tasks.createTaskQuery().processInstanceIdIn(instanceIds.toArray(String[]::new));
  }

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

  private Optional<Instant> lastUpdate(HistoricVariableInstance variable) {
    if (variable == null) {
      return Optional.empty();
    }
    return engine
        .getHistoryService()
        .createHistoricDetailQuery()
        .variableInstanceId(variable.getId())
        .variableUpdates()
        .list()
        .stream()
        .map(HistoricDetail::getTime)
        .max(Date::compareTo)
        .map(Date::toInstant);
  }

  private static String value(HistoricVariableInstance v) {
    return v == null || v.getValue() == null ? null : v.getValue().toString();
  }
}
