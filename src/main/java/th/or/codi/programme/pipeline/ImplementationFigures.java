package th.or.codi.programme.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.history.SubmittedSpending;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.validation.SpendingRules;

/**
 * The implementation stage's figures, called from {@code implementation.bpmn}: the indicators'
 * values prefilled with their baselines when the stage starts; each month's spending list prefilled
 * with the plan's lines and the budget so far shown read-only; and once a month is reported, its
 * total ({@code moneySpent}), whether it over-spends ({@code overspent}, which sends it to
 * managers) and the stage's running total ({@code planSpentToDate}). What earlier months spent is
 * read from the engine's history ({@link SubmittedSpending}), as the submission rules read it
 * ({@link SpendingRules}).
 */
@Component("implementationFigures")
public class ImplementationFigures {

  static final List<String> SOURCES = List.of("codi", "thaihealth", "other");

  /**
   * The stage starts: every indicator of the plan ({@code planIndicatorList}) with its baseline as
   * the value reached, and nothing spent yet.
   */
  public void startStage(DelegateExecution execution) {
    List<Map<String, Object>> progress = new ArrayList<>();
    int n = 0;
    for (Map<String, Object> indicator :
        JsonVariables.rows(execution.getVariable("planIndicatorList"))) {
      n++;
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("progressIndicator", String.valueOf(n));
      Object baseline = indicator.get("indicatorBaseline");
      item.put("indicatorReached", baseline instanceof Number ? baseline : 0);
      progress.add(item);
    }
    execution.setVariable("indicatorProgress", JsonVariables.json(progress));
    execution.setVariable("planSpentToDate", 0.0);
  }

  /**
   * A month's spending list to fill in (the monthly subprocess's input {@code monthlySpending}):
   * one item per plan line, that line, its budget source, amount 0.
   */
  public TypedValue monthLines(DelegateExecution execution) {
    List<Map<String, Object>> lines = new ArrayList<>();
    int n = 0;
    for (Map<String, Object> activity : planLines(execution)) {
      n++;
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("spendingLine", String.valueOf(n));
      Object source = activity.get("budgetSource");
      item.put("spendingSource", SOURCES.contains(source) ? source : "other");
      item.put("spendingAmount", 0);
      lines.add(item);
    }
    return JsonVariables.json(lines);
  }

  /**
   * The budget as it stands before a month (the monthly subprocess's input {@code spendingToDate},
   * shown read-only): per line approved, spent before this month and remaining; per source; the
   * plan's total.
   */
  public String spendingToDate(DelegateExecution execution) {
    SubmittedSpending spent = spentBefore(execution, null);
    StringBuilder text = new StringBuilder(Messages.both("pipeline.spending.heading"));
    Map<String, BigDecimal> approvedBySource = new LinkedHashMap<>();
    SOURCES.forEach(s -> approvedBySource.put(s, BigDecimal.ZERO));
    BigDecimal approvedTotal = BigDecimal.ZERO;
    int n = 0;
    for (Map<String, Object> activity : planLines(execution)) {
      n++;
      BigDecimal approved = decimal(activity.get("activityBudget"));
      Object source = activity.get("budgetSource");
      String key = SOURCES.contains(source) ? (String) source : "other";
      approvedBySource.merge(key, approved, BigDecimal::add);
      approvedTotal = approvedTotal.add(approved);
      BigDecimal used = spent.line(String.valueOf(n));
      text.append('\n')
          .append(
              Messages.both(
                  "pipeline.spending.line",
                  n,
                  String.valueOf(activity.get("activityName")),
                  sourceLabel(key),
                  SpendingRules.baht(approved),
                  SpendingRules.baht(used),
                  SpendingRules.baht(approved.subtract(used))));
    }
    for (String source : SOURCES) {
      BigDecimal approved = approvedBySource.get(source);
      BigDecimal used = spent.source(source);
      text.append('\n')
          .append(
              Messages.both(
                  "pipeline.spending.source",
                  sourceLabel(source),
                  SpendingRules.baht(approved),
                  SpendingRules.baht(used),
                  SpendingRules.baht(approved.subtract(used))));
    }
    Object planTotal = execution.getVariable("planTotalBudget");
    BigDecimal plan = planTotal == null ? approvedTotal : decimal(planTotal);
    text.append('\n')
        .append(
            Messages.both(
                "pipeline.spending.total",
                SpendingRules.baht(plan),
                SpendingRules.baht(spent.total()),
                SpendingRules.baht(plan.subtract(spent.total()))));
    return text.toString();
  }

  /**
   * A month reported (the report task's {@code complete} listener, after the submission's checks):
   * its total, whether it over-spends a line or the plan, and the stage's total so far.
   */
  public void recordMonth(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    SubmittedSpending month =
        SubmittedSpending.ofItems(execution.getVariable(SubmittedSpending.VARIABLE));
    SubmittedSpending before = spentBefore(execution, monthVariableId(task));
    boolean overspent =
        !SpendingRules.overspending(
                planLines(execution), execution.getVariable("planTotalBudget"), before, month)
            .isEmpty();
    execution.setVariable("moneySpent", month.total().doubleValue()); // the month's own
    execution.setVariable("overspent", overspent); // the month's own
    execution.setVariable("planSpentToDate", before.plus(month).total().doubleValue()); // stage
  }

  private static SubmittedSpending spentBefore(DelegateExecution execution, String exceptMonth) {
    var services = execution.getProcessEngineServices();
    return EngineHooks.withoutAuthentication(
        services.getIdentityService(),
        () ->
            SubmittedSpending.of(
                services.getHistoryService(), execution.getProcessInstanceId(), exceptMonth));
  }

  private static String monthVariableId(VariableScope scope) {
    return scope instanceof AbstractVariableScope variables
            && variables.getVariableInstance(SubmittedSpending.VARIABLE)
                instanceof VariableInstanceEntity variable
        ? variable.getId()
        : null;
  }

  private static List<Map<String, Object>> planLines(VariableScope scope) {
    return JsonVariables.rows(scope.getVariable("planActivities"));
  }

  private static Messages.Localized sourceLabel(String source) {
    return switch (source) {
      case "codi" ->
          Messages.localized(
              Messages.thai("ledger.source.codi"), Messages.english("ledger.source.codi"));
      case "thaihealth" ->
          Messages.localized(
              Messages.thai("ledger.source.thaihealth"),
              Messages.english("ledger.source.thaihealth"));
      default ->
          Messages.localized(
              Messages.thai("ledger.source.other"), Messages.english("ledger.source.other"));
    };
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (value instanceof String s && !s.isBlank()) {
      return new BigDecimal(s.trim());
    }
    return BigDecimal.ZERO;
  }
}
