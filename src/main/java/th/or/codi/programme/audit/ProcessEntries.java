package th.or.codi.programme.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import th.or.codi.programme.messages.Messages;

/** A process's start (who, with which values) and its end or cancellation (by whom). */
final class ProcessEntries {

  private ProcessEntries() {}

  /** Who started it, with the values it started with. */
  static final EntrySource STARTED =
      trail -> {
        HistoricProcessInstance instance = trail.instance;
        Map<String, Object> initial =
            trail.show(u -> Boolean.TRUE.equals(u.isInitial()) && u.getTaskId() == null);
        String starter =
            instance.getStartUserId() != null
                ? instance.getStartUserId()
                : instance.getSuperProcessInstanceId() != null
                    ? AuditEntry.SYSTEM
                    : AuditEntry.UNKNOWN;
        HistoricProcessInstance parent = trail.tree.get(instance.getSuperProcessInstanceId());
        trail.add(
            instance.getStartTime(),
            AuditKind.PROCESS_STARTED,
            starter,
            null,
            null,
            null,
            parent == null
                ? instance.getBusinessKey()
                : Messages.both("audit.processEntries.calledBy")
                    + " "
                    + InstanceTrail.processName(parent)
                    + " ("
                    + parent.getBusinessKey()
                    + ")",
            initial);
      };

  /** How it ended: at an end event, or cancelled by an operator (else by the system). */
  static final EntrySource ENDED =
      trail -> {
        HistoricProcessInstance instance = trail.instance;
        if (instance.getEndTime() == null) {
          return;
        }
        String state = instance.getState();
        boolean cancelled = state != null && state.endsWith("TERMINATED");
        trail.add(
            instance.getEndTime(),
            cancelled ? AuditKind.PROCESS_CANCELLED : AuditKind.PROCESS_ENDED,
            cancelled ? cancelledBy(trail) : AuditEntry.SYSTEM,
            instance.getEndActivityId(),
            null,
            null,
            cancelled ? Objects.toString(instance.getDeleteReason(), state) : endName(trail),
            Map.of());
      };

  /** Who deleted or modified away this instance or the nearest of its callers that was. */
  private static String cancelledBy(InstanceTrail trail) {
    for (HistoricProcessInstance at = trail.instance;
        at != null;
        at = trail.tree.get(at.getSuperProcessInstanceId())) {
      List<UserOperationLogEntry> ops =
          at == trail.instance
              ? trail.operations.values().stream().flatMap(List::stream).toList()
              : trail.history.operationRows(at.getId());
      for (UserOperationLogEntry op : ops) {
        if ("ProcessInstance".equals(op.getEntityType())
            && op.getUserId() != null
            && Set.of("Delete", "ModifyProcessInstance").contains(op.getOperationType())) {
          return op.getUserId();
        }
      }
    }
    return AuditEntry.SYSTEM;
  }

  private static String endName(InstanceTrail trail) {
    String endActivity = trail.instance.getEndActivityId();
    if (endActivity == null) {
      return null;
    }
    HistoricActivityInstance end =
        trail.history.activities(trail.id()).stream()
            .filter(a -> endActivity.equals(a.getActivityId()))
            .findFirst()
            .orElse(null);
    return end == null || end.getActivityName() == null ? endActivity : end.getActivityName();
  }
}
