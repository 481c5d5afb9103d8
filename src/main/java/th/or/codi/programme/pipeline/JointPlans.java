package th.or.codi.programme.pipeline;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.messages.Messages;

/**
 * The provincial joint plan, called from {@code joint-design.bpmn}: a readable summary, the
 * indicators and budget totals for the endorsers, what changed since the last draft, and the joint
 * agreement once all three parties endorse.
 */
@Component("jointPlans")
public class JointPlans {

  /**
   * The last submitted draft (activities, indicators, duration, objectives) as this stage saw it,
   * kept so that the next round can say what changed: by then the draft form has overwritten the
   * plan's own variables. Local to the stage (not among the pipeline's stage inputs), so each
   * design cycle starts with a first draft.
   */
  static final String PREVIOUS_DRAFT = "planPreviousDraft";

  /** How the changes of one kind of item (activities, indicators) are told. */
  private record ItemKind(
      String added, String removed, String changed, String nameField, Map<String, String> fields) {}

  /** An activity's fields in the order a change is told, each with its label's message key. */
  private static final ItemKind ACTIVITY =
      new ItemKind(
          "pipeline.jointPlan.changes.activity.added",
          "pipeline.jointPlan.changes.activity.removed",
          "pipeline.jointPlan.changes.activity.changed",
          "activityName",
          ordered(
              "activityName", "pipeline.jointPlan.field.activityName",
              "responsibleParty", "pipeline.jointPlan.field.responsibleParty",
              "activityMonth", "pipeline.jointPlan.field.activityMonth",
              "activityBudget", "pipeline.jointPlan.field.activityBudget",
              "budgetSource", "pipeline.jointPlan.field.budgetSource"));

  private static final ItemKind INDICATOR =
      new ItemKind(
          "pipeline.jointPlan.changes.indicator.added",
          "pipeline.jointPlan.changes.indicator.removed",
          "pipeline.jointPlan.changes.indicator.changed",
          "indicatorName",
          ordered(
              "indicatorName", "pipeline.jointPlan.field.indicatorName",
              "indicatorUnit", "pipeline.jointPlan.field.indicatorUnit",
              "indicatorBaseline", "pipeline.jointPlan.field.indicatorBaseline",
              "indicatorTarget", "pipeline.jointPlan.field.indicatorTarget",
              "indicatorMeasure", "pipeline.jointPlan.field.indicatorMeasure",
              "indicatorParty", "pipeline.jointPlan.field.indicatorParty"));

  private static Map<String, String> ordered(String... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  /**
   * After a draft is submitted: the summary and totals the endorsement forms show, the indicators
   * as text, and what changed against the previous round.
   */
  public void summarize(DelegateExecution execution) {
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal fromCodi = BigDecimal.ZERO;
    BigDecimal fromThaiHealth = BigDecimal.ZERO;
    BigDecimal fromOther = BigDecimal.ZERO;
    StringBuilder summary = new StringBuilder();
    List<Map<String, Object>> activities =
        JsonVariables.rows(execution.getVariable("planActivities"));
    int n = 0;
    for (Map<String, Object> activity : activities) {
      n++;
      BigDecimal budget = number(activity.get("activityBudget"));
      total = total.add(budget);
      String source = text(activity.get("budgetSource"));
      if ("codi".equals(source)) {
        fromCodi = fromCodi.add(budget);
      } else if ("thaihealth".equals(source)) {
        fromThaiHealth = fromThaiHealth.add(budget);
      } else if ("other".equals(source)) {
        fromOther = fromOther.add(budget);
      }
      summary
          .append(
              Messages.thai(
                  "pipeline.jointPlan.activity",
                  n,
                  text(activity.get("activityName")),
                  party(Messages.THAI, text(activity.get("responsibleParty"))),
                  text(activity.get("activityMonth")),
                  baht(budget),
                  party(Messages.THAI, source)))
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
                baht(fromThaiHealth),
                baht(fromOther)));
    List<Map<String, Object>> indicators =
        JsonVariables.rows(execution.getVariable("planIndicatorList"));
    Object duration = execution.getVariable("planDurationMonths");
    Object objectives = execution.getVariable("planObjectives");
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("activities", activities);
    draft.put("indicators", indicators);
    draft.put("planDurationMonths", duration);
    draft.put("planObjectives", objectives);

    execution.setVariable("planSummary", summary.toString());
    execution.setVariable("planIndicators", indicatorSummary(indicators));
    execution.setVariable("planTotalBudget", total.doubleValue());
    execution.setVariable("planBudgetCodi", fromCodi.doubleValue());
    execution.setVariable("planBudgetThaiHealth", fromThaiHealth.doubleValue());
    execution.setVariable("planBudgetOther", fromOther.doubleValue());
    execution.setVariable("planChanges", changes(execution.getVariable(PREVIOUS_DRAFT), draft));
    execution.setVariable(PREVIOUS_DRAFT, JsonVariables.json(draft));
  }

  /**
   * All three parties endorsed (or managers accepted the plan): the joint agreement is registered,
   * numbered by fiscal year, province and cycle. The plan starts on the first day of the next month
   * and lasts its duration. The plan's budget lines and indicators become the option lists the
   * implementation's reports choose from ({@code valuesKey}), numbered as in the plan.
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
    execution.setVariable(
        "planLineOptions",
        JsonVariables.json(lineOptions(execution.getVariable("planActivities"))));
    execution.setVariable(
        "planIndicatorOptions",
        JsonVariables.json(indicatorOptions(execution.getVariable("planIndicatorList"))));
  }

  /** {@code [{"label": "1. <activityName> (<source label>)", "value": "1"}, ...]} */
  static List<Map<String, String>> lineOptions(Object planActivities) {
    List<Map<String, String>> options = new ArrayList<>();
    int n = 0;
    for (Map<String, Object> activity : JsonVariables.rows(planActivities)) {
      n++;
      String source = text(activity.get("budgetSource"));
      options.add(
          option(
              n,
              text(activity.get("activityName"))
                  + " ("
                  + party(Messages.THAI, source)
                  + " / "
                  + party(Messages.ENGLISH, source)
                  + ")"));
    }
    return options;
  }

  /** {@code [{"label": "1. <indicatorName> (<unit>)", "value": "1"}, ...]} */
  static List<Map<String, String>> indicatorOptions(Object planIndicatorList) {
    List<Map<String, String>> options = new ArrayList<>();
    int n = 0;
    for (Map<String, Object> indicator : JsonVariables.rows(planIndicatorList)) {
      n++;
      options.add(
          option(
              n,
              text(indicator.get("indicatorName"))
                  + " ("
                  + text(indicator.get("indicatorUnit"))
                  + ")"));
    }
    return options;
  }

  private static Map<String, String> option(int n, String label) {
    Map<String, String> option = new LinkedHashMap<>();
    option.put("label", n + ". " + label);
    option.put("value", String.valueOf(n));
    return option;
  }

  /** The indicators as the endorsers, managers and evaluators read them, one numbered line each. */
  static String indicatorSummary(List<Map<String, Object>> indicators) {
    StringBuilder text = new StringBuilder();
    int n = 0;
    for (Map<String, Object> indicator : indicators) {
      n++;
      if (n > 1) {
        text.append('\n');
      }
      text.append(
          Messages.thai(
              "pipeline.jointPlan.indicator",
              n,
              text(indicator.get("indicatorName")),
              amount(indicator.get("indicatorBaseline")),
              amount(indicator.get("indicatorTarget")),
              text(indicator.get("indicatorUnit")),
              text(indicator.get("indicatorMeasure")),
              party(Messages.THAI, text(indicator.get("indicatorParty")))));
    }
    return text.toString();
  }

  /**
   * What the draft changed against the previous one, one line per change in Thai and English: an
   * activity or indicator added, removed, or a field of it changed (items compared by their
   * position, the numbering the plan, the ledger and the reports share), the duration, the
   * objectives. "ร่างแรก / First draft" when there is no previous round.
   */
  static String changes(Object previousDraft, Map<String, Object> draft) {
    if (previousDraft == null) {
      return Messages.both("pipeline.jointPlan.changes.firstDraft");
    }
    SpinJsonNode before =
        previousDraft instanceof SpinJsonNode node ? node : Spin.JSON(previousDraft.toString());
    List<String> lines = new ArrayList<>();
    items(
        ACTIVITY,
        JsonVariables.rows(before.prop("activities")),
        rows(draft.get("activities")),
        lines);
    items(
        INDICATOR,
        JsonVariables.rows(before.prop("indicators")),
        rows(draft.get("indicators")),
        lines);
    Object durationBefore = plain(before, "planDurationMonths");
    if (!same(durationBefore, draft.get("planDurationMonths"))) {
      lines.add(
          Messages.both(
              "pipeline.jointPlan.changes.duration",
              amount(durationBefore),
              amount(draft.get("planDurationMonths"))));
    }
    if (!same(plain(before, "planObjectives"), draft.get("planObjectives"))) {
      lines.add(Messages.both("pipeline.jointPlan.changes.objectives"));
    }
    return lines.isEmpty()
        ? Messages.both("pipeline.jointPlan.changes.none")
        : String.join("\n", lines);
  }

  private static Object plain(SpinJsonNode node, String field) {
    if (!node.hasProp(field) || node.prop(field).isNull()) {
      return null;
    }
    SpinJsonNode value = node.prop(field);
    return value.isNumber() ? value.numberValue() : value.stringValue();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Object list) {
    return (List<Map<String, Object>>) list;
  }

  private static void items(
      ItemKind kind,
      List<Map<String, Object>> before,
      List<Map<String, Object>> after,
      List<String> lines) {
    for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
      int n = i + 1;
      if (i >= before.size()) {
        lines.add(Messages.both(kind.added(), n, text(after.get(i).get(kind.nameField()))));
      } else if (i >= after.size()) {
        lines.add(Messages.both(kind.removed(), n, text(before.get(i).get(kind.nameField()))));
      } else {
        String name = text(after.get(i).get(kind.nameField()));
        for (Map.Entry<String, String> field : kind.fields().entrySet()) {
          Object was = before.get(i).get(field.getKey());
          Object is = after.get(i).get(field.getKey());
          if (!same(was, is)) {
            lines.add(
                changed(kind, n, name, field, Messages.THAI, was, is)
                    + " / "
                    + changed(kind, n, name, field, Messages.ENGLISH, was, is));
          }
        }
      }
    }
  }

  private static String changed(
      ItemKind kind,
      int n,
      String name,
      Map.Entry<String, String> field,
      Locale locale,
      Object was,
      Object is) {
    return Messages.in(
        locale,
        kind.changed(),
        n,
        name,
        Messages.in(locale, field.getValue()),
        shown(locale, field.getKey(), was),
        shown(locale, field.getKey(), is));
  }

  private static String shown(Locale locale, String field, Object value) {
    if (value == null) {
      return "-";
    }
    if (field.endsWith("Party") || field.equals("budgetSource")) {
      return party(locale, text(value));
    }
    return value instanceof Number ? amount(value) : text(value);
  }

  /** Equal as a person reads them: 30000 and 30000.0 are the same budget. */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number || b instanceof Number) {
      BigDecimal x = a == null ? null : number(a);
      BigDecimal y = b == null ? null : number(b);
      return x != null && y != null ? x.compareTo(y) == 0 : x == y;
    }
    return Objects.equals(a == null ? null : text(a), b == null ? null : text(b));
  }

  private static String party(Locale locale, String value) {
    if (value == null) {
      return "-";
    }
    return switch (value) {
      case "codi" -> Messages.in(locale, "pipeline.jointPlan.party.codi");
      case "thaihealth" -> Messages.in(locale, "pipeline.jointPlan.party.thaihealth");
      case "community" -> Messages.in(locale, "pipeline.jointPlan.party.community");
      case "other" -> Messages.in(locale, "pipeline.jointPlan.party.other");
      default -> value;
    };
  }

  private static BigDecimal number(Object value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    try {
      return new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO; // the form's own number check refuses such a value
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number) {
      return number(value).stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  private static String amount(Object value) {
    return value == null ? "-" : baht(number(value));
  }

  private static String baht(BigDecimal amount) {
    return NumberFormat.getNumberInstance(Locale.US).format(amount);
  }
}
