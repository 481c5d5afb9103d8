package th.or.codi.programme.validation;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a {@link BusinessRules business rule} may read besides the submitted values: a rule such as
 * "spending above the approved amount needs a reason" compares a submitted figure with one the
 * process already holds (the approved budget is not on the report form, and a submission may only
 * set its form's fields, so the process's value is the one the rule must trust).
 *
 * @param today today in Asia/Bangkok, for "not in the past" and "already held"
 * @param evidenceFiles how many evidence files the task has; null when it is not known (a start
 *     form, a form checked on its own), which leaves the evidence rule out
 * @param variables the variables the task (or start event) sees, as plain Java values (JSON as
 *     lists and maps); never null, empty when the form is checked on its own
 */
public record RuleContext(LocalDate today, Long evidenceFiles, Map<String, Object> variables) {

  public RuleContext {
    variables = variables == null ? Map.of() : variables;
  }

  /** A form checked on its own: no task, no files, no process variables. */
  public static RuleContext of(LocalDate today) {
    return new RuleContext(today, null, Map.of());
  }

  /** The same context with the variables the task sees. */
  public RuleContext withVariables(Map<String, Object> seen) {
    return new RuleContext(today, evidenceFiles, seen);
  }

  /** The variable {@code name} the task sees, null when it has none. */
  public Object variable(String name) {
    return variables.get(name);
  }
}
