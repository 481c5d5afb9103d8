package th.or.codi.programme.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * What a person submitted when completing one task, as history recorded it: the values the task's
 * completion wrote (the updates of the task's "Complete" operation), with the task, its BPMN id,
 * who completed it and when. A registration of the joint agreement ({@code agreementNumber} written
 * by the engine) is kept as a submission without a task ({@code taskId} null), so the ledger can
 * tell when the plan was registered.
 *
 * @param processInstanceKey the process key of the instance (e.g. {@code understandingForum})
 * @param values the submitted values as plain data (lists and maps for JSON)
 */
record Submission(
    String processInstanceId,
    String processInstanceKey,
    String taskId,
    String taskName,
    String activityId,
    String userId,
    Instant time,
    Map<String, Object> values) {

  boolean isTask(String id) {
    return taskId != null && id.equals(activityId);
  }
}
