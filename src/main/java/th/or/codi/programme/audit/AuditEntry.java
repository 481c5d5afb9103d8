package th.or.codi.programme.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One line of an audit trail: when, what, who, where in which pipeline, with which values.
 *
 * @param actor the user id, or {@link #SYSTEM} for what the engine did by itself (timers, service
 *     steps), or {@link #UNKNOWN} for a person's action the engine recorded without an identity (a
 *     defect to be fixed, never expected)
 * @param values the values submitted or changed, by variable name (empty when none)
 * @param labels the label of each value in the form that submitted it ("ชื่อโครงการ / Programme
 *     name"), by variable name; a value no form shows has none
 */
public record AuditEntry(
    Instant time,
    AuditKind kind,
    String actor,
    String pipeline,
    String provinceCode,
    String provinceName,
    Long wave,
    String processKey,
    String processName,
    String processInstanceId,
    String activityId,
    String activityName,
    String taskId,
    String detail,
    Map<String, Object> values,
    Map<String, String> labels) {

  public AuditEntry {
    labels = labels == null ? Map.of() : labels;
  }

  /** An entry whose values have no form labels. */
  public AuditEntry(
      Instant time,
      AuditKind kind,
      String actor,
      String pipeline,
      String provinceCode,
      String provinceName,
      Long wave,
      String processKey,
      String processName,
      String processInstanceId,
      String activityId,
      String activityName,
      String taskId,
      String detail,
      Map<String, Object> values) {
    this(
        time,
        kind,
        actor,
        pipeline,
        provinceCode,
        provinceName,
        wave,
        processKey,
        processName,
        processInstanceId,
        activityId,
        activityName,
        taskId,
        detail,
        values,
        Map.of());
  }

  /** The actor of what the engine did by itself. */
  public static final String SYSTEM = "system";

  /** The actor of a person's action recorded without an identity. */
  public static final String UNKNOWN = "unknown";

  public boolean bySystem() {
    return SYSTEM.equals(actor);
  }
}
