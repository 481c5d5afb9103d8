package th.or.codi.programme.audit;

import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import th.or.codi.programme.messages.Messages;

/**
 * Stages (call activities) started and ended, timers fired, escalations, the engine's own steps.
 */
final class ActivityEntries implements EntrySource {

  private static final Set<String> TIMERS =
      Set.of("boundaryTimer", "intermediateTimer", "startTimerEvent");
  private static final Set<String> SYSTEM_STEPS =
      Set.of(
          "serviceTask",
          "businessRuleTask",
          "scriptTask",
          "sendTask",
          "boundaryMessage",
          "boundarySignal",
          "boundaryError",
          "boundaryEscalation",
          "boundaryConditional",
          "intermediateMessageCatch",
          "intermediateSignalCatch",
          "intermediateConditional",
          "messageStartEvent",
          "signalStartEvent",
          "conditionalStartEvent",
          "errorStartEvent");

  @Override
  public void addEntries(InstanceTrail trail) {
    for (HistoricActivityInstance a : trail.history.activities(trail.id())) {
      String type = a.getActivityType();
      if ("callActivity".equals(type)) {
        trail.add(
            a.getStartTime(),
            AuditKind.STAGE_STARTED,
            AuditEntry.SYSTEM,
            a.getActivityId(),
            a.getActivityName(),
            null,
            a.getCalledProcessInstanceId() == null
                ? null
                : Messages.both("audit.activityEntries.process")
                    + " "
                    + a.getCalledProcessInstanceId(),
            Map.of());
        if (a.getEndTime() != null) {
          trail.add(
              a.getEndTime(),
              AuditKind.STAGE_ENDED,
              AuditEntry.SYSTEM,
              a.getActivityId(),
              a.getActivityName(),
              null,
              a.isCanceled() ? Messages.both("audit.activityEntries.cancelled") : null,
              Map.of());
        }
      } else if (TIMERS.contains(type)) {
        Date fired = "intermediateTimer".equals(type) ? a.getEndTime() : a.getStartTime();
        if (fired != null && !("intermediateTimer".equals(type) && a.isCanceled())) {
          boolean escalation = a.getActivityId().endsWith("StageOverrun");
          trail.add(
              fired,
              escalation ? AuditKind.ESCALATION : AuditKind.TIMER_FIRED,
              AuditEntry.SYSTEM,
              a.getActivityId(),
              a.getActivityName(),
              null,
              escalation ? Messages.both("audit.activityEntries.stageOverrun") : null,
              Map.of());
        }
      } else if (SYSTEM_STEPS.contains(type)) {
        trail.add(
            a.getEndTime() != null ? a.getEndTime() : a.getStartTime(),
            AuditKind.SYSTEM_STEP,
            AuditEntry.SYSTEM,
            a.getActivityId(),
            a.getActivityName(),
            null,
            a.isCanceled() ? Messages.both("audit.activityEntries.cancelled") : null,
            Map.of());
      }
    }
  }
}
