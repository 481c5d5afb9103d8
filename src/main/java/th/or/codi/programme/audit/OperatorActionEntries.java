package th.or.codi.programme.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/**
 * What people and operators did through the engine's API, one entry per operation: a task claimed,
 * assigned, delegated, resolved or changed; anything else (variables changed in Cockpit,
 * modifications, cancellations, retries) as an operator's action, with the values the operation
 * wrote. A task's completion and a process's creation have entries of their own.
 */
final class OperatorActionEntries implements EntrySource {

  @Override
  public void addEntries(InstanceTrail trail) {
    for (Map.Entry<String, List<UserOperationLogEntry>> group : trail.operations.entrySet()) {
      UserOperationLogEntry first = group.getValue().get(0);
      String type = first.getOperationType();
      String entity = first.getEntityType();
      String actor = first.getUserId() == null ? AuditEntry.UNKNOWN : first.getUserId();
      String operation = group.getKey();
      if ("Task".equals(entity)) {
        AuditKind kind =
            switch (type) {
              case "Complete" -> null; // the task's own completion entry
              case "Claim" -> AuditKind.TASK_CLAIMED;
              case "Assign" -> AuditKind.TASK_ASSIGNED;
              case "Delegate" -> AuditKind.TASK_DELEGATED;
              case "Resolve" -> AuditKind.TASK_RESOLVED;
              default -> AuditKind.TASK_CHANGED;
            };
        if (kind != null) {
          HistoricTaskInstance task = trail.history.task(first.getTaskId());
          trail.add(
              first.getTimestamp(),
              kind,
              actor,
              task == null ? null : task.getTaskDefinitionKey(),
              task == null ? null : task.getName(),
              first.getTaskId(),
              changes(group.getValue()),
              valuesOf(trail, operation));
        }
        continue;
      }
      if ("ProcessInstance".equals(entity) && "Create".equals(type)) {
        continue; // the start entry says who started it
      }
      if (EvidenceEntries.isAttachmentOperation(first, EvidenceEntries.ADD_ATTACHMENT)
          && isEvidence(trail, first.getTaskId(), first.getNewValue())) {
        continue; // the evidence file's own entry
      }
      if (EvidenceEntries.isAttachmentOperation(first, EvidenceEntries.DELETE_ATTACHMENT)
          && first.getTaskId() != null) {
        String name = first.getOrgValue() != null ? first.getOrgValue() : first.getNewValue();
        HistoricTaskInstance task = trail.history.task(first.getTaskId());
        trail.add(
            first.getTimestamp(),
            AuditKind.EVIDENCE_REMOVED,
            actor,
            task == null ? null : task.getTaskDefinitionKey(),
            task == null ? null : task.getName(),
            first.getTaskId(),
            name,
            Map.of());
        continue;
      }
      trail.add(
          first.getTimestamp(),
          AuditKind.OPERATOR_ACTION,
          actor,
          null,
          null,
          first.getTaskId(),
          type
              + " "
              + entity
              + (changes(group.getValue()).isEmpty() ? "" : ": " + changes(group.getValue())),
          valuesOf(trail, operation));
    }
  }

  /** Whether the task has an evidence file of this name (which has an entry of its own). */
  private static boolean isEvidence(InstanceTrail trail, String taskId, String name) {
    return taskId != null
        && trail.history.evidence(taskId).stream().anyMatch(a -> Objects.equals(name, a.getName()));
  }

  /** The values the operation wrote that no entry shows yet. */
  private static Map<String, Object> valuesOf(InstanceTrail trail, String operationId) {
    return trail.show(u -> operationId.equals(u.getUserOperationId()) && !trail.shown(u));
  }

  private static String changes(List<UserOperationLogEntry> group) {
    return group.stream()
        .filter(op -> op.getProperty() != null && !"delete".equals(op.getProperty()))
        .map(
            op ->
                op.getProperty()
                    + ": "
                    + Objects.toString(op.getOrgValue(), "–")
                    + " → "
                    + Objects.toString(op.getNewValue(), "–"))
        .collect(Collectors.joining("; "));
  }
}
