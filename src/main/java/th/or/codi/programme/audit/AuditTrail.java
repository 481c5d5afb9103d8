package th.or.codi.programme.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import th.or.codi.programme.history.HistoricValues;
import th.or.codi.programme.history.ProcessTree;
import th.or.codi.programme.history.ProgrammeProcesses;

/**
 * The audit trail of a programme or provincial-pipeline instance, running or completed, with
 * every process it called, as one chronological record. Everything comes from the engine's own
 * history (history level full): process and activity instances, tasks and their identity links,
 * the user-operation log with the variable updates each operation made, comments, incidents.
 * Nothing is kept in a log of our own, so nothing here can disagree with the engine.
 *
 * <p>Reads run as the caller, with the caller's authorization checks on: {@link ProgrammeAccess}
 * lets in whoever may read the history of every process, and the engine then filters every
 * query here as it filters {@code /engine-rest/history/*}, so the trail can never show a
 * caller more than those endpoints would. Process names come with the history rows (the
 * engine joins the definition), so nothing is read about a definition apart from its history.
 * Called without a logged-in user (the application's own code, tests), the engine checks
 * nothing and the whole history is read.
 */
public class AuditTrail {

  private static final Set<String> TIMERS = Set.of("boundaryTimer", "intermediateTimer", "startTimerEvent");
  private static final Set<String> SYSTEM_STEPS = Set.of("serviceTask", "businessRuleTask", "scriptTask",
      "sendTask", "boundaryMessage", "boundarySignal", "boundaryError", "boundaryEscalation",
      "boundaryConditional", "intermediateMessageCatch", "intermediateSignalCatch", "intermediateConditional",
      "messageStartEvent", "signalStartEvent", "conditionalStartEvent", "errorStartEvent");
  private static final Set<String> CONTEXT_VARIABLES = Set.of("provinceCode", "provinceName", "wave");

  private final ProcessEngine engine;
  private final HistoryService history;

  public AuditTrail(ProcessEngine engine) {
    this.engine = engine;
    this.history = engine.getHistoryService();
  }

  /**
   * The whole trail of this instance and every process it called, oldest first; null when the
   * engine's history has no such instance.
   */
  public List<AuditEntry> trail(String processInstanceId) {
    HistoricProcessInstance root = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return root == null ? null : entries(tree(root));
  }

  /** The entries matching the query, across the pipelines (and programmes) it selects. */
  public AuditReport search(AuditQuery query) {
    List<List<HistoricProcessInstance>> trees = new ArrayList<>();
    if (query.processInstanceId() != null) {
      HistoricProcessInstance one = history.createHistoricProcessInstanceQuery()
          .processInstanceId(query.processInstanceId()).singleResult();
      if (one != null) {
        trees.add(tree(one));
      }
    } else {
      HistoricProcessInstanceQuery pipelines = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(ProgrammeProcesses.PIPELINE);
      if (query.provinceCode() != null) {
        pipelines.variableValueEquals("provinceCode", query.provinceCode());
      }
      if (query.wave() != null) {
        pipelines.variableValueEquals("wave", query.wave());
      }
      if (query.to() != null) {
        pipelines.startedBefore(Date.from(query.to()));
      }
      for (HistoricProcessInstance pipeline : pipelines.orderByProcessInstanceStartTime().desc()
          .listPage(0, query.maxInstances() + 1)) {
        if (!endedBefore(pipeline, query.from())) {
          trees.add(tree(pipeline));
        }
      }
      if (query.provinceCode() == null && query.wave() == null) {
        // the programme's own steps (choosing provinces, reviewing waves), without its pipelines
        HistoricProcessInstanceQuery programmes = history.createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProgrammeProcesses.PROGRAMME);
        if (query.to() != null) {
          programmes.startedBefore(Date.from(query.to()));
        }
        for (HistoricProcessInstance programme : programmes.orderByProcessInstanceStartTime().desc()
            .listPage(0, query.maxInstances() + 1)) {
          if (!endedBefore(programme, query.from())) {
            trees.add(List.of(programme));
          }
        }
      }
    }
    boolean truncated = trees.size() > query.maxInstances();
    List<HistoricProcessInstance> instances = trees.stream().limit(query.maxInstances())
        .flatMap(List::stream).toList();
    List<AuditEntry> matching = entries(instances).stream().filter(query::matches).toList();
    return new AuditReport(matching, (int) Math.min(trees.size(), query.maxInstances()), truncated);
  }

  /** A provincial pipeline, running or ended, as the audit page lists it. */
  public record PipelineSummary(String processInstanceId, String businessKey, String provinceCode, String provinceName,
      Long wave, String state, Instant started, Instant ended, String startedBy) {}

  /** The provincial pipelines, newest first, optionally of one province and wave. */
  public List<PipelineSummary> pipelines(String provinceCode, Long wave, int max) {
    HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProgrammeProcesses.PIPELINE);
    if (provinceCode != null) {
      query.variableValueEquals("provinceCode", provinceCode);
    }
    if (wave != null) {
      query.variableValueEquals("wave", wave);
    }
    List<HistoricProcessInstance> found = query.orderByProcessInstanceStartTime().desc().listPage(0, max);
    Map<String, HistoricProcessInstance> byId = new LinkedHashMap<>();
    found.forEach(i -> byId.put(i.getId(), i));
    Map<String, Context> contexts = byId.isEmpty() ? Map.of() : contexts(byId);
    return found.stream().map(i -> {
      Context c = contexts.get(i.getId());
      String state = i.getEndTime() == null ? "running" : "COMPLETED".equals(i.getState()) ? "completed" : "cancelled";
      return new PipelineSummary(i.getId(), i.getBusinessKey(), c.provinceCode(), c.provinceName(), c.wave(), state,
          i.getStartTime().toInstant(), i.getEndTime() == null ? null : i.getEndTime().toInstant(),
          i.getStartUserId());
    }).toList();
  }

  private static boolean endedBefore(HistoricProcessInstance instance, Instant from) {
    return from != null && instance.getEndTime() != null && instance.getEndTime().toInstant().isBefore(from);
  }

  private List<HistoricProcessInstance> tree(HistoricProcessInstance root) {
    return ProcessTree.of(history, root);
  }

  private List<AuditEntry> entries(List<HistoricProcessInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, HistoricProcessInstance> byId = new LinkedHashMap<>();
    instances.forEach(i -> byId.put(i.getId(), i));
    Map<String, Context> contexts = contexts(byId);
    Map<String, Integer> depth = new HashMap<>();
    List<Sortable> out = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      int d = depth.getOrDefault(instance.getSuperProcessInstanceId(), -1) + 1;
      depth.put(instance.getId(), d);
      new InstanceTrail(instance, contexts.get(instance.getId()), byId, d, out).build();
    }
    out.sort(Comparator.comparing((Sortable s) -> s.entry.time()).thenComparingInt(s -> s.order));
    return onlyNews(out.stream().map(s -> s.entry).toList());
  }

  /**
   * Keeps, of what the system recorded, only what is news: a call activity copies every
   * variable into the called process and back, which says nothing an auditor needs. A value is
   * news when the variable had a different value (or none) before it in the same pipeline, and
   * consecutive recordings of one process within a second are shown as one entry.
   */
  private static List<AuditEntry> onlyNews(List<AuditEntry> entries) {
    Map<String, Object> known = new HashMap<>();
    List<AuditEntry> out = new ArrayList<>();
    for (AuditEntry e : entries) {
      if (e.kind() != AuditKind.VALUES_RECORDED) {
        if (e.values() != null) {
          e.values().forEach((name, value) -> known.put(e.pipeline() + "|" + name, value));
        }
        out.add(e);
        continue;
      }
      Map<String, Object> news = new LinkedHashMap<>();
      e.values().forEach((name, value) -> {
        String key = e.pipeline() + "|" + name;
        boolean seen = known.containsKey(key);
        if ((seen && !Objects.equals(known.get(key), value)) || (!seen && value != null)) {
          news.put(name, value);
        }
        known.put(key, value);
      });
      if (news.isEmpty()) {
        continue;
      }
      AuditEntry last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.kind() == AuditKind.VALUES_RECORDED
          && last.processInstanceId().equals(e.processInstanceId())
          && !e.time().isAfter(last.time().plusSeconds(1))) {
        Map<String, Object> merged = new LinkedHashMap<>(last.values());
        merged.putAll(news);
        out.set(out.size() - 1, withValues(last, merged));
      } else {
        out.add(withValues(e, news));
      }
    }
    return out;
  }

  private static AuditEntry withValues(AuditEntry e, Map<String, Object> values) {
    return new AuditEntry(e.time(), e.kind(), e.actor(), e.pipeline(), e.provinceCode(), e.provinceName(), e.wave(),
        e.processKey(), e.processName(), e.processInstanceId(), e.activityId(), e.activityName(), e.taskId(),
        e.detail(), values);
  }

  /** Pipeline, province and wave of every instance: its own, else its nearest pipeline's. */
  private Map<String, Context> contexts(Map<String, HistoricProcessInstance> byId) {
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(byId.keySet().toArray(String[]::new))
        .variableNameIn(CONTEXT_VARIABLES.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
      if (HistoricValues.ownVariable(v)) {
        variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
      }
    }
    Map<String, Context> contexts = new HashMap<>();
    for (HistoricProcessInstance instance : byId.values()) {
      HistoricProcessInstance pipeline = instance;
      while (pipeline != null && !ProgrammeProcesses.PIPELINE.equals(pipeline.getProcessDefinitionKey())) {
        pipeline = byId.get(pipeline.getSuperProcessInstanceId());
      }
      HistoricProcessInstance source = pipeline == null ? instance : pipeline;
      Map<String, Object> vars = variables.getOrDefault(source.getId(),
          variables.getOrDefault(instance.getId(), Map.of()));
      Object wave = vars.get("wave");
      contexts.put(instance.getId(), new Context(
          source.getBusinessKey(),
          (String) vars.get("provinceCode"),
          (String) vars.get("provinceName"),
          wave instanceof Number n ? n.longValue() : null));
    }
    return contexts;
  }

  private record Context(String pipeline, String provinceCode, String provinceName, Long wave) {}

  private record Sortable(AuditEntry entry, int order) {}

  /** The entries of one process instance. */
  private final class InstanceTrail {
    private final HistoricProcessInstance instance;
    private final Context context;
    private final Map<String, HistoricProcessInstance> tree;
    private final int depth;
    private final List<Sortable> out;

    InstanceTrail(HistoricProcessInstance instance, Context context, Map<String, HistoricProcessInstance> tree,
        int depth, List<Sortable> out) {
      this.instance = instance;
      this.context = context;
      this.tree = tree;
      this.depth = depth;
      this.out = out;
    }

    void build() {
      String id = instance.getId();
      List<HistoricVariableUpdate> updates = history.createHistoricDetailQuery().processInstanceId(id)
          .variableUpdates().disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc().list()
          .stream().map(HistoricVariableUpdate.class::cast).toList();
      Set<String> used = new HashSet<>();

      // who started it, with the values it started with
      Map<String, Object> initial = new LinkedHashMap<>();
      for (HistoricVariableUpdate u : updates) {
        if (Boolean.TRUE.equals(u.isInitial()) && u.getTaskId() == null) {
          initial.put(u.getVariableName(), HistoricValues.plain(u));
          used.add(u.getId());
        }
      }
      String starter = instance.getStartUserId() != null ? instance.getStartUserId()
          : instance.getSuperProcessInstanceId() != null ? AuditEntry.SYSTEM : AuditEntry.UNKNOWN;
      HistoricProcessInstance parent = tree.get(instance.getSuperProcessInstanceId());
      add(instance.getStartTime(), AuditKind.PROCESS_STARTED, starter, null, null, null,
          parent == null ? instance.getBusinessKey()
              : "เรียกจาก / called by " + processName(parent) + " (" + parent.getBusinessKey() + ")",
          initial, opening(0));

      List<UserOperationLogEntry> operations = history.createUserOperationLogQuery().processInstanceId(id)
          .orderByTimestamp().asc().list();
      Map<String, List<UserOperationLogEntry>> byOperation = operations.stream()
          .collect(Collectors.groupingBy(op -> op.getOperationId() == null ? op.getId() : op.getOperationId(),
              LinkedHashMap::new, Collectors.toList()));

      tasks(updates, used, byOperation);
      activities();
      operatorActions(byOperation, updates, used);
      comments();
      incidents();
      systemValues(updates, used);

      if (instance.getEndTime() != null) {
        String state = instance.getState();
        boolean cancelled = state != null && state.endsWith("TERMINATED");
        String by = AuditEntry.SYSTEM;
        if (cancelled) {
          by = cancelledBy(byOperation);
        }
        add(instance.getEndTime(), cancelled ? AuditKind.PROCESS_CANCELLED : AuditKind.PROCESS_ENDED, by,
            instance.getEndActivityId(), null, null,
            cancelled ? Objects.toString(instance.getDeleteReason(), state) : endName(), Map.of(), closing(5));
      }
    }

    private void tasks(List<HistoricVariableUpdate> updates, Set<String> used,
        Map<String, List<UserOperationLogEntry>> byOperation) {
      for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
          .orderByHistoricActivityInstanceStartTime().asc().list()) {
        List<String> candidates = new ArrayList<>();
        for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
            .type("candidate").operationType("add").list()) {
          candidates.add(link.getGroupId() != null ? link.getGroupId() : link.getUserId());
        }
        StringBuilder created = new StringBuilder();
        if (!candidates.isEmpty()) {
          created.append("ผู้มีสิทธิ์รับงาน / candidates: ").append(String.join(", ", candidates));
        }
        if (task.getDueDate() != null) {
          created.append(created.isEmpty() ? "" : "; ").append("กำหนดเสร็จ / due: ").append(HistoricValues.iso(task.getDueDate()));
        }
        add(task.getStartTime(), AuditKind.TASK_CREATED, AuditEntry.SYSTEM, task.getTaskDefinitionKey(),
            task.getName(), task.getId(), created.toString(), Map.of(), opening(5));
        if (task.getEndTime() == null) {
          continue;
        }
        if ("completed".equals(task.getDeleteReason())) {
          UserOperationLogEntry complete = operationOn(byOperation, task.getId(), "Complete");
          Map<String, Object> values = new LinkedHashMap<>();
          if (complete != null && complete.getOperationId() != null) {
            for (HistoricVariableUpdate u : updates) {
              if (complete.getOperationId().equals(u.getUserOperationId())
                  && (task.getId().equals(u.getTaskId())
                      || Objects.equals(task.getActivityInstanceId(), u.getActivityInstanceId()))) {
                values.put(u.getVariableName(), HistoricValues.plain(u));
                used.add(u.getId());
              }
            }
          }
          add(task.getEndTime(), AuditKind.TASK_COMPLETED,
              complete != null && complete.getUserId() != null ? complete.getUserId() : AuditEntry.UNKNOWN,
              task.getTaskDefinitionKey(), task.getName(), task.getId(),
              task.getAssignee() == null ? null : "ผู้รับผิดชอบ / assignee: " + task.getAssignee(), values, closing(2));
        } else {
          add(task.getEndTime(), AuditKind.TASK_CANCELLED, AuditEntry.SYSTEM, task.getTaskDefinitionKey(),
              task.getName(), task.getId(), task.getDeleteReason(), Map.of(), closing(4));
        }
      }
    }

    private void activities() {
      for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
          .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc().list()) {
        String type = a.getActivityType();
        if ("callActivity".equals(type)) {
          add(a.getStartTime(), AuditKind.STAGE_STARTED, AuditEntry.SYSTEM, a.getActivityId(), a.getActivityName(),
              null, a.getCalledProcessInstanceId() == null ? null : "กระบวนการ / process " + a.getCalledProcessInstanceId(),
              Map.of(), opening(1));
          if (a.getEndTime() != null) {
            add(a.getEndTime(), AuditKind.STAGE_ENDED, AuditEntry.SYSTEM, a.getActivityId(), a.getActivityName(),
                null, a.isCanceled() ? "ถูกยกเลิก / cancelled" : null, Map.of(), closing(6));
          }
        } else if (TIMERS.contains(type)) {
          Date fired = "intermediateTimer".equals(type) ? a.getEndTime() : a.getStartTime();
          if (fired != null && !("intermediateTimer".equals(type) && a.isCanceled())) {
            boolean escalation = a.getActivityId().endsWith("StageOverrun");
            add(fired, escalation ? AuditKind.ESCALATION : AuditKind.TIMER_FIRED, AuditEntry.SYSTEM,
                a.getActivityId(), a.getActivityName(), null,
                escalation ? "ขั้นตอนเกินเวลาที่กำหนด ส่งถึงผู้บริหาร / stage overran its allowed time, managers asked to follow up"
                    : null,
                Map.of(), closing(3));
          }
        } else if (SYSTEM_STEPS.contains(type)) {
          add(a.getEndTime() != null ? a.getEndTime() : a.getStartTime(), AuditKind.SYSTEM_STEP, AuditEntry.SYSTEM,
              a.getActivityId(), a.getActivityName(), null, a.isCanceled() ? "ถูกยกเลิก / cancelled" : null,
              Map.of(), closing(3));
        }
      }
    }

    private void operatorActions(Map<String, List<UserOperationLogEntry>> byOperation,
        List<HistoricVariableUpdate> updates, Set<String> used) {
      for (Map.Entry<String, List<UserOperationLogEntry>> group : byOperation.entrySet()) {
        UserOperationLogEntry first = group.getValue().get(0);
        String type = first.getOperationType();
        String entity = first.getEntityType();
        String actor = first.getUserId() == null ? AuditEntry.UNKNOWN : first.getUserId();
        if ("Task".equals(entity)) {
          AuditKind kind = switch (type) {
            case "Complete" -> null; // the task's own completion entry
            case "Claim" -> AuditKind.TASK_CLAIMED;
            case "Assign" -> AuditKind.TASK_ASSIGNED;
            case "Delegate" -> AuditKind.TASK_DELEGATED;
            case "Resolve" -> AuditKind.TASK_RESOLVED;
            default -> AuditKind.TASK_CHANGED;
          };
          if (kind != null) {
            HistoricTaskInstance task = first.getTaskId() == null ? null
                : history.createHistoricTaskInstanceQuery().taskId(first.getTaskId()).singleResult();
            add(first.getTimestamp(), kind, actor, task == null ? null : task.getTaskDefinitionKey(),
                task == null ? null : task.getName(), first.getTaskId(), changes(group.getValue()),
                valuesOf(group.getKey(), updates, used), closing(kind == AuditKind.TASK_CHANGED ? 1 : 0));
          }
          continue;
        }
        if ("ProcessInstance".equals(entity) && "Create".equals(type)) {
          continue; // the start entry says who started it
        }
        add(first.getTimestamp(), AuditKind.OPERATOR_ACTION, actor, null, null, first.getTaskId(),
            type + " " + entity + (changes(group.getValue()).isEmpty() ? "" : ": " + changes(group.getValue())),
            valuesOf(group.getKey(), updates, used), closing(2));
      }
    }

    private void comments() {
      // The engine checks no grant for a process instance's comments; this instance came from
      // the caller's own (authorized) history query, so they are comments on history the caller
      // may read.
      for (Comment comment : engine.getTaskService().getProcessInstanceComments(instance.getId())) {
        boolean reminder = comment.getUserId() == null;
        HistoricTaskInstance task = comment.getTaskId() == null ? null
            : history.createHistoricTaskInstanceQuery().taskId(comment.getTaskId()).singleResult();
        add(comment.getTime(), reminder ? AuditKind.REMINDER : AuditKind.COMMENT,
            reminder ? AuditEntry.SYSTEM : comment.getUserId(), task == null ? null : task.getTaskDefinitionKey(),
            task == null ? null : task.getName(), comment.getTaskId(), comment.getFullMessage(), Map.of(), closing(3));
      }
    }

    private void incidents() {
      for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(instance.getId()).list()) {
        add(incident.getCreateTime(), AuditKind.INCIDENT_OPENED, AuditEntry.SYSTEM, incident.getActivityId(), null,
            null, incident.getIncidentType() + ": " + incident.getIncidentMessage(), Map.of(), opening(6));
        if (incident.getEndTime() != null) {
          add(incident.getEndTime(), AuditKind.INCIDENT_RESOLVED, AuditEntry.SYSTEM, incident.getActivityId(), null,
              null, incident.isDeleted() ? "ลบ / deleted" : "แก้ไขแล้ว / resolved", Map.of(), closing(1));
        }
      }
    }

    /** Values the models and the programme's Java code recorded, grouped by step and moment. */
    private void systemValues(List<HistoricVariableUpdate> updates, Set<String> used) {
      Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
      Map<String, Date> times = new HashMap<>();
      for (HistoricVariableUpdate u : updates) {
        if (used.contains(u.getId()) || u.getTaskId() != null) {
          continue; // task-local copies for Tasklist (province, wave, stage) and reminder counters
        }
        String key = u.getActivityInstanceId() + "@" + u.getTime().getTime();
        groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(u.getVariableName(), HistoricValues.plain(u));
        times.putIfAbsent(key, u.getTime());
      }
      Date ended = instance.getEndTime();
      for (Map.Entry<String, Map<String, Object>> group : groups.entrySet()) {
        Date time = times.get(group.getKey());
        // what the last step recorded in the millisecond the process ended is shown before its end
        int order = ended != null && ended.getTime() == time.getTime() ? closing(4) : opening(9);
        add(time, AuditKind.VALUES_RECORDED, AuditEntry.SYSTEM, null, null, null, null, group.getValue(), order);
      }
    }

    private Map<String, Object> valuesOf(String operationId, List<HistoricVariableUpdate> updates, Set<String> used) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (HistoricVariableUpdate u : updates) {
        if (operationId.equals(u.getUserOperationId()) && !used.contains(u.getId())) {
          values.put(u.getVariableName(), HistoricValues.plain(u));
          used.add(u.getId());
        }
      }
      return values;
    }

    private String cancelledBy(Map<String, List<UserOperationLogEntry>> byOperation) {
      for (HistoricProcessInstance at = instance; at != null; at = tree.get(at.getSuperProcessInstanceId())) {
        List<UserOperationLogEntry> ops = at == instance ? byOperation.values().stream().flatMap(List::stream).toList()
            : history.createUserOperationLogQuery().processInstanceId(at.getId()).list();
        for (UserOperationLogEntry op : ops) {
          if ("ProcessInstance".equals(op.getEntityType()) && op.getUserId() != null
              && Set.of("Delete", "ModifyProcessInstance").contains(op.getOperationType())) {
            return op.getUserId();
          }
        }
      }
      return AuditEntry.SYSTEM;
    }

    private String endName() {
      String endActivity = instance.getEndActivityId();
      if (endActivity == null) {
        return null;
      }
      HistoricActivityInstance end = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId(endActivity).listPage(0, 1).stream().findFirst().orElse(null);
      return end == null || end.getActivityName() == null ? endActivity : end.getActivityName();
    }

    private int opening(int step) {
      return 100 + depth * 10 + step;
    }

    private int closing(int step) {
      return step;
    }

    private void add(Date time, AuditKind kind, String actor, String activityId, String activityName, String taskId,
        String detail, Map<String, Object> values, int order) {
      if (time == null) {
        return;
      }
      out.add(new Sortable(new AuditEntry(time.toInstant(), kind, actor, context.pipeline(), context.provinceCode(),
          context.provinceName(), context.wave(), instance.getProcessDefinitionKey(), processName(instance),
          instance.getId(), activityId, activityName, taskId, detail == null || detail.isBlank() ? null : detail,
          values), order));
    }
  }

  private static UserOperationLogEntry operationOn(Map<String, List<UserOperationLogEntry>> byOperation,
      String taskId, String type) {
    for (List<UserOperationLogEntry> group : byOperation.values()) {
      for (UserOperationLogEntry op : group) {
        if (type.equals(op.getOperationType()) && taskId.equals(op.getTaskId())) {
          return op;
        }
      }
    }
    return null;
  }

  private static String changes(List<UserOperationLogEntry> group) {
    return group.stream()
        .filter(op -> op.getProperty() != null && !"delete".equals(op.getProperty()))
        .map(op -> op.getProperty() + ": " + Objects.toString(op.getOrgValue(), "–") + " → "
            + Objects.toString(op.getNewValue(), "–"))
        .collect(Collectors.joining("; "));
  }

  private static String processName(HistoricProcessInstance instance) {
    return instance.getProcessDefinitionName() != null ? instance.getProcessDefinitionName()
        : instance.getProcessDefinitionKey();
  }
}
