package th.or.codi.programme.pipeline;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.messages.Messages;

/**
 * The provincial joint plan, called from {@code joint-design.bpmn}: a readable summary and budget
 * totals for the endorsers, and the joint agreement once all three parties endorse.
 */
@Component("jointPlans")
public class JointPlans {

  /** After a draft is submitted: the summary and totals the endorsement forms show. */
  public void summarize(DelegateExecution execution) {
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal fromCodi = BigDecimal.ZERO;
    BigDecimal fromThaiHealth = BigDecimal.ZERO;
    StringBuilder summary = new StringBuilder();
    int n = 0;
    for (SpinJsonNode activity : JsonVariables.objects(execution.getVariable("planActivities"))) {
      n++;
      BigDecimal budget = number(activity, "activityBudget");
      total = total.add(budget);
      String source = text(activity, "budgetSource");
      if ("codi".equals(source)) {
        fromCodi = fromCodi.add(budget);
      } else if ("thaihealth".equals(source)) {
        fromThaiHealth = fromThaiHealth.add(budget);
      }
      summary
          .append(
              Messages.thai(
                  "pipeline.jointPlan.activity",
                  n,
                  text(activity, "activityName"),
                  party(text(activity, "responsibleParty")),
                  text(activity, "activityMonth"),
                  baht(budget),
                  party(source)))
          .append('\n');
    }
    summary
        .append(Messages.both("pipeline.jointPlan.total"))
        .append(' ')
        .append(
            Messages.thai(
                "pipeline.jointPlan.totalBudget",
                baht(total),
                baht(fromCodi),
                baht(fromThaiHealth)));
    execution.setVariable("planSummary", summary.toString());
    execution.setVariable("planTotalBudget", total.doubleValue());
    execution.setVariable("planBudgetCodi", fromCodi.doubleValue());
    execution.setVariable("planBudgetThaiHealth", fromThaiHealth.doubleValue());
  }

  /**
   * All three parties endorsed (or managers accepted the plan): the joint agreement is registered,
   * numbered by fiscal year, province and cycle. The plan starts on the first day of the next month
   * and lasts its duration.
   */
  public void register(DelegateExecution execution) {
    LocalDate today =
        ClockUtil.getCurrentTime().toInstant().atZone(ThaiCalendar.ZONE).toLocalDate();
    LocalDate start = today.withDayOfMonth(1).plusMonths(1);
    int months = ((Number) execution.getVariable("planDurationMonths")).intValue();
    LocalDate end = start.plusMonths(months).minusDays(1);
    String number =
        "JP-"
            + execution.getVariable("fiscalYear")
            + "-"
            + String.valueOf(execution.getVariable("provinceCode")).replace("-", "")
            + "-C"
            + execution.getVariable("cycle");
    execution.setVariable("agreementNumber", number);
    execution.setVariable("agreementDate", today.toString());
    execution.setVariable("planStartDate", start.toString());
    execution.setVariable("planEndDate", end.toString());
  }

  private static String party(String value) {
    if (value == null) {
      return "-";
    }
    return switch (value) {
      case "codi" -> Messages.thai("pipeline.jointPlan.party.codi");
      case "thaihealth" -> Messages.thai("pipeline.jointPlan.party.thaihealth");
      case "community" -> Messages.thai("pipeline.jointPlan.party.community");

      default -> value;
    };
  }

  private static BigDecimal number(SpinJsonNode node, String field) {
    if (!node.hasProp(field) || node.prop(field).isNull()) {
      return BigDecimal.ZERO;
    }
    SpinJsonNode value = node.prop(field);
    return value.isNumber()
        ? new BigDecimal(value.numberValue().toString())
        : new BigDecimal(value.stringValue());
  }

  private static String text(SpinJsonNode node, String field) {
    if (!node.hasProp(field) || node.prop(field).isNull()) {
      return null;
    }
    SpinJsonNode value = node.prop(field);
    return value.isNumber() ? value.numberValue().toString() : value.stringValue();
  }

  private static String baht(BigDecimal amount) {
    return NumberFormat.getNumberInstance(Locale.US).format(amount);
  }
}
