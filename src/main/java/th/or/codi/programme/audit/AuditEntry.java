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
 * @param evidence the evidence file of an {@link AuditKind#EVIDENCE} entry; null for other kinds
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
    Map<String, String> labels,
    Evidence evidence) {

  public AuditEntry {
    labels = labels == null ? Map.of() : labels;
  }

  /**
   * An evidence file as the trail shows it: its attachment, name, detected type, size and SHA-256,
   * and where its content is downloaded, relative to the evidence API ({@code
   * /engine-rest/programme/evidence/}, or Cockpit's {@code
   * /camunda/api/cockpit/plugin/programme/{engine}/evidence/}).
   */
  public record Evidence(
      String attachmentId,
      String fileName,
      String contentType,
      long size,
      String sha256,
      String download) {}

  /** An entry without an evidence file. */
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
      Map<String, Object> values,
      Map<String, String> labels) {
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
        labels,
        null);
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
