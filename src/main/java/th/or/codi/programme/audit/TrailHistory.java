package th.or.codi.programme.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.evidence.EvidenceFiles;

/**
 * The engine's history of the instances of a trail, read once, kind by kind, before any entry is
 * built. Where the engine's query API takes many process instances (variable updates: {@code
 * HistoricDetailQuery.processInstanceIdIn}) one query reads the kind for all of them, in chunks of
 * {@value #CHUNK} ids; Camunda 7.24's task, activity, user-operation-log and incident queries take
 * one process instance, comments are read per process instance ({@code
 * TaskService.getProcessInstanceComments}), and a task's candidates per task (the identity-link log
 * has no filter on the process instance) and its evidence files per task ({@code
 * TaskService.getTaskAttachments}), so those stay one query per instance or task. Tasks named by an
 * operation or a comment are looked up in the tasks read, not queried again; the end activity's
 * name comes from the activities read.
 *
 * <p>Every query runs as the caller, with the caller's authorization checks, as before.
 */
final class TrailHistory {

  private static final int CHUNK = 500;

  private final Map<String, List<HistoricVariableUpdate>> updates = new HashMap<>();
  private final Map<String, List<HistoricTaskInstance>> tasks = new HashMap<>();
  private final Map<String, HistoricTaskInstance> tasksById = new HashMap<>();
  private final Map<String, List<String>> candidates = new HashMap<>();
  private final Map<String, List<HistoricActivityInstance>> activities = new HashMap<>();
  private final Map<String, List<UserOperationLogEntry>> operations = new HashMap<>();
  private final Map<String, List<Comment>> comments = new HashMap<>();
  private final Map<String, List<HistoricIncident>> incidents = new HashMap<>();
  private final Map<String, List<Attachment>> evidence = new HashMap<>();
  private final HistoryService history;

  /** The form labels of the values the entries show. */
  final FormLabels labels;

  private TrailHistory(HistoryService history, FormLabels labels) {
    this.history = history;
    this.labels = labels;
  }

  static TrailHistory read(ProcessEngine engine, List<HistoricProcessInstance> instances) {
    HistoryService history = engine.getHistoryService();
    TaskService taskService = engine.getTaskService();
    TrailHistory h = new TrailHistory(history, new FormLabels(engine.getRepositoryService()));
    List<String> ids = instances.stream().map(HistoricProcessInstance::getId).distinct().toList();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
      history
          .createHistoricDetailQuery()
          .processInstanceIdIn(chunk)
          .variableUpdates()
          .disableCustomObjectDeserialization()
          .orderPartiallyByOccurrence()
          .asc()
          .list()
          .forEach(
              d ->
                  h.updates
                      .computeIfAbsent(d.getProcessInstanceId(), k -> new ArrayList<>())
                      .add((HistoricVariableUpdate) d));
    }
    for (String id : ids) {
      List<HistoricTaskInstance> own =
          history
              .createHistoricTaskInstanceQuery()
              .processInstanceId(id)
              .orderByHistoricActivityInstanceStartTime()
              .asc()
              .list();
      h.tasks.put(id, own);
      for (HistoricTaskInstance task : own) {
        h.tasksById.put(task.getId(), task);
        List<String> groups = new ArrayList<>();
        for (HistoricIdentityLinkLog link :
            history
                .createHistoricIdentityLinkLogQuery()
                .taskId(task.getId())
                .type("candidate")
                .operationType("add")
                .list()) {
          groups.add(link.getGroupId() != null ? link.getGroupId() : link.getUserId());
        }
        h.candidates.put(task.getId(), groups);
        // A task's attachments are read without the caller's grants: the engine would check READ
        // on the (runtime) task, which a completed task no longer has; the task itself came from
        // the caller's own (authorized) history query.
        List<Attachment> files =
            EngineHooks.withoutAuthentication(
                engine.getIdentityService(),
                () ->
                    taskService.getTaskAttachments(task.getId()).stream()
                        .filter(EvidenceFiles::isEvidence)
                        .toList());
        if (!files.isEmpty()) {
          h.evidence.put(task.getId(), files);
        }
      }
      h.activities.put(
          id,
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(id)
              .orderByHistoricActivityInstanceStartTime()
              .asc()
              .list());
      h.operations.put(
          id,
          history
              .createUserOperationLogQuery()
              .processInstanceId(id)
              .orderByTimestamp()
              .asc()
              .list());
      // The engine checks no grant for a process instance's comments; these instances came
      // from the caller's own (authorized) history query, so they are comments on history the
      // caller may read.
      h.comments.put(id, taskService.getProcessInstanceComments(id));
      h.incidents.put(id, history.createHistoricIncidentQuery().processInstanceId(id).list());
    }
    return h;
  }

  /** The instance's variable updates, in the order they occurred. */
  List<HistoricVariableUpdate> updates(String processInstanceId) {
    return updates.getOrDefault(processInstanceId, List.of());
  }

  /** The instance's tasks, in the order they were created. */
  List<HistoricTaskInstance> tasks(String processInstanceId) {
    return tasks.getOrDefault(processInstanceId, List.of());
  }

  /** The groups (or users) a task was offered to. */
  List<String> candidates(String taskId) {
    return candidates.getOrDefault(taskId, List.of());
  }

  /** A task the history of an instance names; null when the caller may not read it. */
  HistoricTaskInstance task(String taskId) {
    if (taskId == null) {
      return null;
    }
    HistoricTaskInstance task = tasksById.get(taskId);
    return task != null
        ? task
        : history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
  }

  /** The instance's activities, in the order they started. */
  List<HistoricActivityInstance> activities(String processInstanceId) {
    return activities.getOrDefault(processInstanceId, List.of());
  }

  /** The instance's user-operation log, oldest first, by operation (one operation, many rows). */
  Map<String, List<UserOperationLogEntry>> operations(String processInstanceId) {
    Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
    for (UserOperationLogEntry op : operations.getOrDefault(processInstanceId, List.of())) {
      byOperation
          .computeIfAbsent(
              op.getOperationId() == null ? op.getId() : op.getOperationId(),
              k -> new ArrayList<>())
          .add(op);
    }
    return byOperation;
  }

  /** The instance's user-operation log rows, oldest first. */
  List<UserOperationLogEntry> operationRows(String processInstanceId) {
    return operations.getOrDefault(processInstanceId, List.of());
  }

  /** The task's evidence files (attachments with content), in no particular order. */
  List<Attachment> evidence(String taskId) {
    return evidence.getOrDefault(taskId, List.of());
  }

  List<Comment> comments(String processInstanceId) {
    return comments.getOrDefault(processInstanceId, List.of());
  }

  List<HistoricIncident> incidents(String processInstanceId) {
    return incidents.getOrDefault(processInstanceId, List.of());
  }
}
