package th.or.codi.programme.audit;

/**
 * The order of a trail's entries at the same instant, by kind. The engine writes much in one
 * millisecond (a task completed, its process ending, the stage that called it ending, the next
 * stage starting), and the trail must read in the order it happened. First comes everything that
 * closes at that instant, in the order of the constants below, whatever the process; then
 * everything that opens, process by process from the outermost in (a pipeline's stage starts before
 * the process it calls), and within one process in the order of the constants below. Entries of the
 * same rank keep the order they were read in: instance by instance, parents first, and within an
 * instance in the order of {@link AuditTrail}'s entry sources.
 */
enum SameInstant {
  // ---- what closes at this instant
  /**
   * A task claimed, assigned, delegated or resolved: before it is completed in that millisecond.
   */
  TASK_HANDED_ON,
  /**
   * A task's other changes, its evidence files; an incident resolved (before the step it held up
   * goes on).
   */
  TASK_CHANGED_OR_INCIDENT_RESOLVED,
  /**
   * A task completed; the ledger's figures its submission recorded, after it; an operator's action
   * in Cockpit.
   */
  TASK_COMPLETED_OR_OPERATOR_ACTION,
  /**
   * What the engine did by itself: a service step, a timer, an escalation; comments and reminders.
   */
  SYSTEM_ACTION,
  /**
   * A task cancelled; the values the last step recorded in the very millisecond its process ended.
   */
  LAST_IN_PROCESS,
  /** A process ended or cancelled. */
  PROCESS_CLOSED,
  /** The stage (call activity) that called the process ends after it. */
  STAGE_CLOSED,

  // ---- what opens at this instant, outermost process first
  /** A process started: first of its own entries. */
  PROCESS_OPENED,
  /** A stage (call activity) started: before the process it calls, which is one level deeper. */
  STAGE_OPENED,
  /** A task created. */
  TASK_OPENED,
  /** An incident opened. */
  INCIDENT_OPENED,
  /** Values recorded (unless in the millisecond the process ended: {@link #LAST_IN_PROCESS}). */
  VALUES_RECORDED;

  /**
   * Whether entries of this rank open something, and so are ordered by their process's depth first.
   */
  boolean opening() {
    return compareTo(PROCESS_OPENED) >= 0;
  }

  /** The rank of an entry of this kind. */
  static SameInstant of(AuditKind kind) {
    return switch (kind) {
      case TASK_CLAIMED, TASK_ASSIGNED, TASK_DELEGATED, TASK_RESOLVED -> TASK_HANDED_ON;
      case TASK_CHANGED, INCIDENT_RESOLVED, EVIDENCE, EVIDENCE_REMOVED ->
          TASK_CHANGED_OR_INCIDENT_RESOLVED;
      case TASK_COMPLETED, LEDGER, OPERATOR_ACTION -> TASK_COMPLETED_OR_OPERATOR_ACTION;
      case SYSTEM_STEP, TIMER_FIRED, ESCALATION, COMMENT, REMINDER -> SYSTEM_ACTION;
      case TASK_CANCELLED -> LAST_IN_PROCESS;
      case PROCESS_ENDED, PROCESS_CANCELLED -> PROCESS_CLOSED;
      case STAGE_ENDED -> STAGE_CLOSED;
      case PROCESS_STARTED -> PROCESS_OPENED;
      case STAGE_STARTED -> STAGE_OPENED;
      case TASK_CREATED -> TASK_OPENED;
      case INCIDENT_OPENED -> INCIDENT_OPENED;
      case VALUES_RECORDED -> VALUES_RECORDED;
    };
  }
}
