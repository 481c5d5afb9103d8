package th.or.codi.programme.validation;

import java.time.LocalDate;
import java.util.Map;
import th.or.codi.programme.history.SubmittedSpending;

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
 * @param spentBefore what the implementation stage's other monthly reports spent, read from the
 *     engine's history (the month being submitted left out); null when not known (another form, a
 *     form checked on its own), which leaves out the {@link SpendingRules} that need it
 */
public record RuleContext(
    LocalDate today,
    Long evidenceFiles,
    Map<String, Object> variables,
    SubmittedSpending spentBefore) {

  public RuleContext {
    variables = variables == null ? Map.of() : variables;
  }

  /** A context without the implementation's spending history. */
  public RuleContext(LocalDate today, Long evidenceFiles, Map<String, Object> variables) {
    this(today, evidenceFiles, variables, null);
  }

  /** A form checked on its own: no task, no files, no process variables. */
  public static RuleContext of(LocalDate today) {
    return new RuleContext(today, null, Map.of());
  }

  /** The same context with the variables the task sees. */
  public RuleContext withVariables(Map<String, Object> seen) {
    return new RuleContext(today, evidenceFiles, seen, spentBefore);
  }

  /** The same context with what the stage's other months spent. */
  public RuleContext withSpentBefore(SubmittedSpending spent) {
    return new RuleContext(today, evidenceFiles, variables, spent);
  }

  /** The variable {@code name} the task sees, null when it has none. */
  public Object variable(String name) {
    return variables.get(name);
  }
}
