package th.or.codi.programme.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import th.or.codi.programme.history.SubmittedSpending;
import th.or.codi.programme.ledger.LedgerWords;
import th.or.codi.programme.messages.Messages;

/**
 * The implementation stage's money and indicator rules, which need what earlier months spent (the
 * engine's history, {@link SubmittedSpending}) besides the submission: a month that takes a budget
 * line or the plan above what was approved needs a reason; the completion report's total either
 * equals the months' or explains the difference; each report gives every indicator exactly once.
 * {@link BusinessRules} runs them with the others; they are kept apart because they read what the
 * process holds (the plan as registered, from the {@link RuleContext}'s variables, never from the
 * submission) and what the other months submitted ({@link RuleContext#spentBefore()}).
 */
public final class SpendingRules {

  /**
   * A line, a source's share of the plan ({@code source} set, {@code line} null) or the plan (both
   * null) that this month's spending takes above its approved amount.
   */
  public record Overspend(
      String line, String name, String source, BigDecimal approved, BigDecimal cumulative) {}

  private SpendingRules() {}

  /**
   * The rules for a form that has their fields; the context's {@code spentBefore} is what the other
   * months spent (the month being submitted left out), null when not known (a form checked on its
   * own), which leaves out the rules that need it.
   */
  static List<FieldError> check(CamundaForm form, Map<String, Object> values, RuleContext context) {
    List<FieldError> errors = new ArrayList<>();
    overspendNeedsReason(form, values, context, errors);
    totalDifferenceNeedsReason(form, values, context.spentBefore(), errors);
    everyIndicatorOnce(form, values, context, errors);
    return errors;
  }

  /**
   * Every line, source and the plan that the month's items take above the approved budget: the plan
   * as registered ({@code planActivities}, line n = the n-th activity's {@code activityBudget}),
   * each source's share of it (the lines whose {@code budgetSource} it is; a source no line is
   * funded from has approved nothing), and {@code planTotalBudget}. A line or source this month
   * spends nothing from is not taken above anything.
   */
  public static List<Overspend> overspending(
      List<Map<String, Object>> planActivities,
      Object planTotalBudget,
      SubmittedSpending spentBefore,
      SubmittedSpending month) {
    List<Overspend> found = new ArrayList<>();
    SubmittedSpending cumulative = spentBefore.plus(month);
    for (Map.Entry<String, BigDecimal> spent : month.byLine().entrySet()) {
      int n = lineNumber(spent.getKey());
      if (spent.getValue().signum() <= 0 || n < 1 || n > planActivities.size()) {
        continue; // an unknown line: the select's own check refuses it
      }
      Map<String, Object> activity = planActivities.get(n - 1);
      BigDecimal approved = decimal(activity.get("activityBudget"));
      BigDecimal total = cumulative.line(spent.getKey());
      if (approved != null && total.compareTo(approved) > 0) {
        found.add(
            new Overspend(
                spent.getKey(),
                String.valueOf(activity.get("activityName")),
                null,
                approved,
                total));
      }
    }
    Map<String, BigDecimal> approvedBySource = new HashMap<>();
    for (Map<String, Object> activity : planActivities) {
      BigDecimal budget = decimal(activity.get("activityBudget"));
      if (budget != null && activity.get("budgetSource") != null) {
        approvedBySource.merge(
            String.valueOf(activity.get("budgetSource")), budget, BigDecimal::add);
      }
    }
    // a source whose own line is already over says so there; the source's figure is for money
    // taken from it on lines funded from elsewhere, or from a source the plan never approved
    Set<String> saidByALine = new HashSet<>();
    for (Overspend over : found) {
      Object source = planActivities.get(lineNumber(over.line()) - 1).get("budgetSource");
      saidByALine.add(String.valueOf(source));
    }
    for (Map.Entry<String, BigDecimal> spent : month.bySource().entrySet()) {
      BigDecimal approved = approvedBySource.getOrDefault(spent.getKey(), BigDecimal.ZERO);
      BigDecimal total = cumulative.source(spent.getKey());
      if (spent.getValue().signum() > 0
          && total.compareTo(approved) > 0
          && !saidByALine.contains(spent.getKey())) {
        found.add(new Overspend(null, null, spent.getKey(), approved, total));
      }
    }
    BigDecimal plan = decimal(planTotalBudget);
    if (plan != null && month.total().signum() > 0 && cumulative.total().compareTo(plan) > 0) {
      found.add(new Overspend(null, null, null, plan, cumulative.total()));
    }
    return found;
  }

  private static void overspendNeedsReason(
      CamundaForm form, Map<String, Object> values, RuleContext context, List<FieldError> errors) {
    SubmittedSpending spentBefore = context.spentBefore();
    FormField reason = BusinessRules.field(form, "overspendReason");
    if (reason == null
        || spentBefore == null
        || BusinessRules.field(form, SubmittedSpending.VARIABLE) == null
        || !SubmissionValidator.isEmpty(values.get("overspendReason"))) {
      return;
    }
    for (Overspend over :
        overspending(
            rows(context.variable("planActivities")),
            context.variable("planTotalBudget"),
            spentBefore,
            SubmittedSpending.ofItems(values.get(SubmittedSpending.VARIABLE)))) {
      errors.add(
          over.source() != null
              ? new FieldError(
                  "overspendReason",
                  reason.label(),
                  sourceOverspent(Messages.THAI, reason, over),
                  sourceOverspent(Messages.ENGLISH, reason, over))
              : over.line() == null
                  ? FieldError.of(
                      "overspendReason",
                      reason.label(),
                      "validation.spending.planOverspent",
                      label(reason),
                      baht(over.approved()),
                      baht(over.cumulative()))
                  : FieldError.of(
                      "overspendReason",
                      reason.label(),
                      "validation.spending.lineOverspent",
                      label(reason),
                      over.line(),
                      over.name(),
                      baht(over.approved()),
                      baht(over.cumulative())));
    }
  }

  /** The source's name in the message's own language, which {@link FieldError#of} cannot do. */
  private static String sourceOverspent(Locale locale, FormField reason, Overspend over) {
    return Messages.in(
        locale,
        "validation.spending.sourceOverspent",
        label(reason),
        LedgerWords.source(locale, over.source()),
        baht(over.approved()),
        baht(over.cumulative()));
  }

  private static void totalDifferenceNeedsReason(
      CamundaForm form,
      Map<String, Object> values,
      SubmittedSpending spentBefore,
      List<FieldError> errors) {
    FormField reason = BusinessRules.field(form, "spendingDifferenceReason");
    BigDecimal reported = decimal(values.get("totalSpent"));
    if (reason == null
        || spentBefore == null
        || reported == null
        || reported.compareTo(spentBefore.total()) == 0
        || !SubmissionValidator.isEmpty(values.get("spendingDifferenceReason"))) {
      return;
    }
    errors.add(
        FieldError.of(
            "spendingDifferenceReason",
            reason.label(),
            "validation.spending.totalDiffers",
            label(reason),
            baht(reported),
            baht(spentBefore.total())));
  }

  /**
   * The indicators' values: one item for each of the plan's indicators ({@code planIndicatorList},
   * numbered 1.. in list order), none twice, none missing.
   */
  private static void everyIndicatorOnce(
      CamundaForm form, Map<String, Object> values, RuleContext context, List<FieldError> errors) {
    FormField list = BusinessRules.field(form, "indicatorProgress");
    Object indicators = context.variable("planIndicatorList");
    if (list == null || !(indicators instanceof List<?> plan)) {
      return;
    }
    Map<String, Integer> given = new HashMap<>();
    if (values.get("indicatorProgress") instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> m && m.get("progressIndicator") != null) {
          given.merge(String.valueOf(m.get("progressIndicator")), 1, Integer::sum);
        }
      }
    }
    List<String> missing = new ArrayList<>();
    List<String> twice = new ArrayList<>();
    for (int n = 1; n <= plan.size(); n++) {
      int count = given.getOrDefault(String.valueOf(n), 0);
      if (count == 0) {
        missing.add(String.valueOf(n));
      } else if (count > 1) {
        twice.add(String.valueOf(n));
      }
    }
    if (!missing.isEmpty() || !twice.isEmpty()) {
      errors.add(
          FieldError.of(
              "indicatorProgress",
              list.label(),
              "validation.spending.indicatorsOnce",
              label(list),
              missing.isEmpty() ? "-" : String.join(", ", missing),
              twice.isEmpty() ? "-" : String.join(", ", twice)));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Object list) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (list instanceof List<?> items) {
      for (Object item : items) {
        rows.add(item instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
      }
    }
    return rows;
  }

  private static int lineNumber(String line) {
    try {
      return Integer.parseInt(line.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return FieldValues.decimal(value);
  }

  /** An amount as the messages show it: 12,500.00. */
  public static String baht(BigDecimal amount) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    return format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }

  private static Messages.Localized label(FormField field) {
    return Messages.localized(field.labelTh(), field.labelEn());
  }
}
