package th.or.codi.programme.validation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import th.or.codi.programme.messages.Messages;

/**
 * The programme's rules that a form cannot express, checked with the form's own checks on every
 * submission. Each rule applies to any form that has the fields it names, so a new form with the
 * same fields gets the rule without a change here.
 */
public final class BusinessRules {

  /** A decision that sends work back or turns it down needs a reason a person can act on. */
  record ReasonRequired(String decision, Set<String> when, String reason) {}

  static final List<ReasonRequired> REASONS =
      List.of(
          new ReasonRequired("reviewDecision", Set.of("request-changes"), "reviewComment"),
          new ReasonRequired("endorseDecision", Set.of("request-revision"), "endorseComment"),
          new ReasonRequired(
              "budgetDecision", Set.of("reject", "approve-reduced"), "budgetDecisionReason"),
          new ReasonRequired(
              "forumDecision", Set.of("another-forum", "withdraw"), "forumDecisionReason"),
          new ReasonRequired(
              "progressStatusConfirmed", Set.of("off-track"), "progressReviewComment"),
          new ReasonRequired("stalledPlanDecision", Set.of("another-revision"), "stalledPlanNote"));

  /**
   * Money spent above what was approved needs a reason: {@code spent} is on the report form, {@code
   * approved} is what the process holds (read from the task's variables, never from the
   * submission), {@code reason} the report's field that explains it.
   */
  record SpendingLimit(String spent, String approved, String reason) {}

  static final List<SpendingLimit> SPENDING_LIMITS =
      List.of(
          // the forum's approved budget is the request of the plan both reviews approved
          new SpendingLimit("forumMoneySpent", "forumBudgetRequested", "forumOverspendReason"),
          // set by the study visit's model from ThaiHealth's budget decision
          new SpendingLimit("visitMoneySpent", "visitBudgetApproved", "visitOverspendReason"));

  /**
   * Links to evidence: a form with one of these fields is submitted with the link or with at least
   * one evidence file on the task (the forum report, the study visit's lessons, the
   * implementation's completion report, the quarterly review).
   */
  static final List<String> EVIDENCE_LINKS =
      List.of("forumEvidenceLink", "visitEvidenceLink", "completionEvidenceLink", "minutesLink");

  private BusinessRules() {}

  /**
   * The rules, without the evidence rule (the task's files are not known); the values are also what
   * the rules read as the task's variables (as on a task: the submission over what the process
   * holds).
   */
  public static List<FieldError> check(
      CamundaForm form, Map<String, Object> values, LocalDate today) {
    return check(form, values, today, null);
  }

  /**
   * The same for a task with {@code evidenceFiles} evidence files (null: not known, the evidence
   * rule left out).
   */
  public static List<FieldError> check(
      CamundaForm form, Map<String, Object> values, LocalDate today, Long evidenceFiles) {
    return check(form, values, new RuleContext(today, evidenceFiles, values));
  }

  /**
   * The rules of one submission. {@code values} are the submitted values the form's fields will
   * have; what a rule needs beyond the form (an approved amount, the previous plan) it reads from
   * {@code context}'s variables, the ones the task sees.
   */
  public static List<FieldError> check(
      CamundaForm form, Map<String, Object> values, RuleContext context) {
    List<FieldError> errors = new ArrayList<>();
    evidenceNeeded(form, values, context.evidenceFiles(), errors);
    reasons(form, values, errors);
    endNotBeforeStart(form, values, errors);
    reducedBudgetBelowRequest(form, values, errors);
    spentWithinApproved(form, values, context, errors);
    jointPlanHasActivities(form, values, errors);
    jointPlanHasIndicators(form, values, errors);
    indicatorTargetsDifferFromBaselines(form, values, errors);
    meetingAlreadyHeld(form, values, context.today(), errors);
    errors.addAll(SpendingRules.check(form, values, context));
    return errors;
  }

  private static void evidenceNeeded(
      CamundaForm form, Map<String, Object> values, Long evidenceFiles, List<FieldError> errors) {
    if (evidenceFiles == null || evidenceFiles > 0) {
      return;
    }
    for (String key : EVIDENCE_LINKS) {
      FormField link = field(form, key);
      if (link != null && SubmissionValidator.isEmpty(values.get(key))) {
        errors.add(
            FieldError.of(key, link.label(), "validation.rules.evidenceRequired", label(link)));
      }
    }
  }

  private static void reasons(
      CamundaForm form, Map<String, Object> values, List<FieldError> errors) {
    for (ReasonRequired rule : REASONS) {
      FormField decision = field(form, rule.decision());
      FormField reason = field(form, rule.reason());
      Object chosen = values.get(rule.decision());
      if (decision == null || reason == null || chosen == null || !rule.when().contains(chosen)) {
        continue;
      }
      if (SubmissionValidator.isEmpty(values.get(rule.reason()))) {
        errors.add(
            FieldError.of(
                rule.reason(),
                reason.label(),
                "validation.rules.reasonRequired",
                label(reason),
                bilingual(decision.optionLabel(values.get(rule.decision())))));
      }
    }
  }

  private static void endNotBeforeStart(
      CamundaForm form, Map<String, Object> values, List<FieldError> errors) {
    for (FormField end : form.fields()) {
      if (!end.key().endsWith("EndDate")) {
        continue;
      }
      String startKey =
          end.key().substring(0, end.key().length() - "EndDate".length()) + "StartDate";
      FormField start = field(form, startKey);
      LocalDate startDate = date(values.get(startKey));
      LocalDate endDate = date(values.get(end.key()));
      if (start != null && startDate != null && endDate != null && endDate.isBefore(startDate)) {
        errors.add(
            FieldError.of(
                end.key(),
                end.label(),
                "validation.rules.endBeforeStart",
                label(end),
                endDate.toString(),
                label(start),
                startDate.toString()));
      }
    }
  }

  private static void reducedBudgetBelowRequest(
      CamundaForm form, Map<String, Object> values, List<FieldError> errors) {
    FormField approved = field(form, "approvedBudget");
    if (approved == null || !"approve-reduced".equals(values.get("budgetDecision"))) {
      return;
    }
    BigDecimal granted = number(values.get("approvedBudget"));
    BigDecimal requested = number(values.get("visitBudgetRequested"));
    if (granted == null) {
      errors.add(
          FieldError.of(
              "approvedBudget",
              approved.label(),
              "validation.rules.reducedBudgetRequired",
              label(approved)));
    } else if (requested != null && granted.compareTo(requested) >= 0) {
      errors.add(
          FieldError.of(
              "approvedBudget",
              approved.label(),
              "validation.rules.reducedBudgetNotBelow",
              label(approved),
              granted.toPlainString(),
              requested.toPlainString()));
    }
  }

  private static void jointPlanHasActivities(
      CamundaForm form, Map<String, Object> values, List<FieldError> errors) {
    FormField activities = field(form, "planActivities");
    if (activities != null && SubmissionValidator.isEmpty(values.get("planActivities"))) {
      errors.add(
          FieldError.of(
              "planActivities", activities.label(), "validation.rules.jointPlanWithoutActivities"));
    }
  }

  private static void spentWithinApproved(
      CamundaForm form, Map<String, Object> values, RuleContext context, List<FieldError> errors) {
    for (SpendingLimit limit : SPENDING_LIMITS) {
      FormField spentField = field(form, limit.spent());
      FormField reason = field(form, limit.reason());
      BigDecimal spent = number(values.get(limit.spent()));
      BigDecimal approved = number(context.variable(limit.approved()));
      if (spentField == null
          || reason == null
          || spent == null
          || approved == null
          || spent.compareTo(approved) <= 0) {
        continue;
      }
      if (SubmissionValidator.isEmpty(values.get(limit.reason()))) {
        errors.add(
            FieldError.of(
                limit.reason(),
                reason.label(),
                "validation.rules.spentAboveApproved",
                label(spentField),
                baht(spent),
                baht(approved),
                label(reason)));
      }
    }
  }

  private static void jointPlanHasIndicators(
      CamundaForm form, Map<String, Object> values, List<FieldError> errors) {
    FormField indicators = field(form, "planIndicatorList");
    if (indicators != null && SubmissionValidator.isEmpty(values.get("planIndicatorList"))) {
      errors.add(
          FieldError.of(
              "planIndicatorList", indicators.label(), "validation.rules.planWithoutIndicators"));
    }
  }

  /** A target equal to its baseline measures no change: the indicator says nothing. */
  private static void indicatorTargetsDifferFromBaselines(
      CamundaForm form, Map<String, Object> values, List<FieldError> errors) {
    FormField list = field(form, "planIndicatorList");
    if (list == null || !(values.get("planIndicatorList") instanceof List<?> items)) {
      return;
    }
    FormField target = item(list, "indicatorTarget");
    FormField baseline = item(list, "indicatorBaseline");
    for (int i = 0; i < items.size(); i++) {
      if (target == null || baseline == null || !(items.get(i) instanceof Map<?, ?> indicator)) {
        continue; // the form's own item checks report it
      }
      BigDecimal to = number(indicator.get("indicatorTarget"));
      BigDecimal from = number(indicator.get("indicatorBaseline"));
      if (to != null && from != null && to.compareTo(from) == 0) {
        errors.add(
            FieldMessages.inItem(
                list,
                i + 1,
                FieldError.of(
                    "planIndicatorList[" + (i + 1) + "].indicatorTarget",
                    target.label(),
                    "validation.rules.targetEqualsBaseline",
                    label(target),
                    to.stripTrailingZeros().toPlainString(),
                    label(baseline))));
      }
    }
  }

  private static FormField item(FormField list, String key) {
    return list.items().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
  }

  private static String baht(BigDecimal amount) {
    return java.text.NumberFormat.getNumberInstance(java.util.Locale.US).format(amount);
  }

  private static void meetingAlreadyHeld(
      CamundaForm form, Map<String, Object> values, LocalDate today, List<FieldError> errors) {
    FormField meeting = field(form, "meetingDate");
    LocalDate date = date(values.get("meetingDate"));
    if (meeting != null && date != null && date.isAfter(today)) {
      errors.add(
          FieldError.of(
              "meetingDate",
              meeting.label(),
              "validation.rules.meetingInFuture",
              label(meeting),
              date.toString()));
    }
  }

  private static Messages.Localized label(FormField field) {
    return Messages.localized(field.labelTh(), field.labelEn());
  }

  private static Messages.Localized bilingual(String label) {
    return Messages.localized(FormField.thai(label), FormField.english(label));
  }

  static FormField field(CamundaForm form, String key) {

    return form.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
  }

  private static LocalDate date(Object value) {
    try {
      return value instanceof String s ? LocalDate.parse(s) : null;
    } catch (DateTimeException e) {
      return null; // the form's own date check reports it
    }
  }

  private static BigDecimal number(Object value) {
    return FieldValues.decimal(value); // not finite: the form's own number check reports it
  }
}
