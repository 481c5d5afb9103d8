package th.or.codi.programme.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One figure of a pipeline's ledger and where it comes from: the stage and kind of money, the
 * source that pays it, and the completed task (with its person and time) whose submission recorded
 * it. An auditor can go from any total in the ledger back to the tasks behind it.
 *
 * @param stage {@code forum}, {@code study-visit} or {@code joint-plan}
 * @param kind {@code requested}, {@code approved} or {@code spent}
 * @param source {@code codi}, {@code thaihealth} or {@code other}
 * @param line in the joint plan: the budget line, its 1-based position in {@code planActivities};
 *     otherwise {@code null}
 * @param lineName the plan activity's name, or the stage's label for the forum and the study visit
 * @param month for money spent in the implementation: the report's {@code reportMonth} ({@code
 *     yyyy-MM}); otherwise {@code null}
 * @param amount baht, two decimals, never negative
 * @param processInstanceId the process instance (pipeline or stage) the value was recorded in
 * @param taskId the task whose completion recorded the value
 * @param taskName that task's name
 * @param activityId that task's BPMN id, e.g. {@code Activity_SubmitMonthlyReport}
 * @param userId who completed the task
 * @param time when the value was recorded
 */
public record LedgerEntry(
    String stage,
    String kind,
    String source,
    Integer line,
    String lineName,
    String month,
    BigDecimal amount,
    String processInstanceId,
    String taskId,
    String taskName,
    String activityId,
    String userId,
    Instant time) {}
