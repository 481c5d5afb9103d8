package th.or.codi.programme.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * The rules that turn a pipeline's submissions into its ledger, apart from reading history so they
 * can be checked on any sequence of submissions. Each stage process instance (a pipeline that runs
 * another cycle has several) is booked on its own and the stages' figures are summed.
 *
 * <p>A figure is only ever a submitted amount that is a number above zero: a missing, unreadable,
 * zero or negative value books nothing, so no total can go below zero however history was written.
 */
final class LedgerBook {

  static final String FORUM = "forum";
  static final String VISIT = "study-visit";
  static final String PLAN = "joint-plan";
  static final List<String> STAGES = List.of(FORUM, VISIT, PLAN);
  static final List<String> SOURCES = List.of("codi", "thaihealth", "other");
  static final String REQUESTED = "requested";
  static final String APPROVED = "approved";
  static final String SPENT = "spent";

  private final List<LedgerEntry> entries = new ArrayList<>();

  private LedgerBook() {}

  /**
   * The ledger of one pipeline.
   *
   * @param submissions every submission of the pipeline and its stages, oldest first
   */
  static PipelineLedger book(
      String pipelineId,
      String businessKey,
      String provinceCode,
      Long wave,
      List<Submission> submissions) {
    LedgerBook book = new LedgerBook();
    Map<String, List<Submission>> byInstance = new LinkedHashMap<>();
    for (Submission s : submissions) {
      byInstance.computeIfAbsent(s.processInstanceId(), k -> new ArrayList<>()).add(s);
    }
    List<Map<String, Object>> registeredLines = List.of();
    List<Map<String, Object>> registeredIndicators = List.of();
    for (List<Submission> one : byInstance.values()) {
      String key = one.get(0).processInstanceKey();
      if (ProgrammeProcesses.UNDERSTANDING_FORUM.equals(key)) {
        book.forum(one);
      } else if (ProgrammeProcesses.STUDY_VISIT.equals(key)) {
        book.visit(one);
      } else if (ProgrammeProcesses.JOINT_DESIGN.equals(key)) {
        Submission plan = book.jointPlan(one);
        if (plan != null) {
          registeredLines = rows(plan.values().get("planActivities"));
          registeredIndicators = rows(plan.values().get("planIndicatorList"));
        }
      }
    }
    BigDecimal reportedTotal = null;
    String reason = null;
    for (List<Submission> one : byInstance.values()) {
      if (ProgrammeProcesses.IMPLEMENTATION.equals(one.get(0).processInstanceKey())) {
        book.implementation(one, registeredLines);
        Submission completion = last(one, s -> s.isTask("Activity_CarryOutPlan"));
        if (completion != null) {
          reportedTotal = money(completion.values().get("totalSpent"));
          Object why = completion.values().get("spendingDifferenceReason");
          reason = why == null || why.toString().isBlank() ? null : why.toString();
        }
      }
    }
    List<IndicatorResult> indicators = indicators(registeredIndicators, submissions);
    return new PipelineLedger(
        pipelineId,
        businessKey,
        provinceCode,
        wave,
        List.copyOf(book.entries),
        totals(book.entries, REQUESTED),
        totals(book.entries, APPROVED),
        totals(book.entries, SPENT),
        indicators,
        reportedTotal,
        reason);
  }

  // ------------------------------------------------------------------ forum

  /**
   * Requested: the latest plan's {@code forumBudgetRequested} under its {@code forumBudgetSource}.
   * Approved: that amount once both reviews after it said {@code approve}, from the review that
   * completed last. Spent: every report's {@code forumMoneySpent}.
   */
  private void forum(List<Submission> stage) {
    Submission plan = last(stage, s -> s.isTask("Activity_PlanForum"));
    String label = Messages.both("ledger.stage.forum");
    if (plan != null) {
      BigDecimal amount = money(plan.values().get("forumBudgetRequested"));
      String source = source(plan.values().get("forumBudgetSource"));
      add(FORUM, REQUESTED, source, null, label, null, amount, plan);
      Submission codi = null;
      Submission thaiHealth = null;
      for (Submission s : after(stage, plan)) {
        if (s.isTask("Activity_ReviewForumPlanCodi")) {
          codi = s;
        } else if (s.isTask("Activity_ReviewForumPlanThaiHealth")) {
          thaiHealth = s;
        }
      }
      if (approves(codi) && approves(thaiHealth)) {
        Submission lastReview = codi.time().isAfter(thaiHealth.time()) ? codi : thaiHealth;
        add(FORUM, APPROVED, source, null, label, null, amount, lastReview);
      }
    }
    for (Submission report : all(stage, s -> s.isTask("Activity_ReportForum"))) {
      String source = plan == null ? "codi" : source(plan.values().get("forumBudgetSource"));
      add(
          FORUM,
          SPENT,
          source,
          null,
          label,
          null,
          money(report.values().get("forumMoneySpent")),
          report);
    }
  }

  private static boolean approves(Submission review) {
    return review != null && "approve".equals(review.values().get("reviewDecision"));
  }

  // ------------------------------------------------------------------ study visit

  /**
   * Requested: the latest plan's {@code visitBudgetRequested}; approved: ThaiHealth's latest
   * decision after it (the request, the reduced {@code approvedBudget}, or nothing on reject);
   * spent: every lessons report's {@code visitMoneySpent}. All of it ThaiHealth's.
   */
  private void visit(List<Submission> stage) {
    Submission plan = last(stage, s -> s.isTask("Activity_PlanStudyVisit"));
    String label = Messages.both("ledger.stage.visit");
    String source = "thaihealth";
    if (plan != null) {
      BigDecimal requested = money(plan.values().get("visitBudgetRequested"));
      add(VISIT, REQUESTED, source, null, label, null, requested, plan);
      Submission decision = null;
      for (Submission s : after(stage, plan)) {
        if (s.isTask("Activity_ApproveVisitBudget")) {
          decision = s;
        }
      }
      if (decision != null) {
        Object choice = decision.values().get("budgetDecision");
        if ("approve".equals(choice)) {
          add(VISIT, APPROVED, source, null, label, null, requested, decision);
        } else if ("approve-reduced".equals(choice)) {
          BigDecimal reduced = money(decision.values().get("approvedBudget"));
          add(VISIT, APPROVED, source, null, label, null, reduced, decision);
        }
      }
    }
    for (Submission report : all(stage, s -> s.isTask("Activity_ReportLessons"))) {
      add(
          VISIT,
          SPENT,
          source,
          null,
          label,
          null,
          money(report.values().get("visitMoneySpent")),
          report);
    }
  }

  // ------------------------------------------------------------------ joint plan

  /**
   * Requested: every line of the latest draft. Approved: every line of the draft the agreement
   * registered, from the last endorsement or managers' decision before the registration.
   *
   * @return the registered draft, null when no plan was registered
   */
  private Submission jointPlan(List<Submission> stage) {
    Submission latest = last(stage, s -> s.isTask("Activity_DraftJointPlan"));
    if (latest != null) {
      lines(REQUESTED, latest, latest);
    }
    Submission registration =
        last(stage, s -> s.taskId() == null && s.values().containsKey("agreementNumber"));
    if (registration == null) {
      return null;
    }
    Submission registered = null;
    Submission decided = null;
    for (Submission s : stage) {
      if (s.time().isAfter(registration.time())) {
        break;
      }
      if (s.isTask("Activity_DraftJointPlan")) {
        registered = s;
      } else if (s.isTask("Activity_EndorsePlanCodi")
          || s.isTask("Activity_EndorsePlanThaiHealth")
          || s.isTask("Activity_EndorsePlanCommunity")
          || s.isTask("Activity_DecideStalledPlan")) {
        decided = s;
      }
    }
    if (registered != null) {
      lines(APPROVED, registered, decided == null ? registered : decided);
    }
    return registered;
  }

  private void lines(String kind, Submission draft, Submission by) {
    int n = 0;
    for (Map<String, Object> line : rows(draft.values().get("planActivities"))) {
      n++;
      add(
          PLAN,
          kind,
          source(line.get("budgetSource")),
          n,
          text(line.get("activityName")),
          null,
          money(line.get("activityBudget")),
          by);
    }
  }

  // ------------------------------------------------------------------ implementation

  /**
   * Spent: every {@code monthlySpending} item of each month's report; a month reported more than
   * once counts its latest report.
   */
  private void implementation(List<Submission> stage, List<Map<String, Object>> planLines) {
    Map<String, Submission> byMonth = new LinkedHashMap<>();
    for (Submission s : all(stage, s -> s.isTask("Activity_SubmitMonthlyReport"))) {
      String month = text(s.values().get("reportMonth"));
      byMonth.remove(month);
      byMonth.put(month, s);
    }
    for (Map.Entry<String, Submission> month : byMonth.entrySet()) {
      Submission report = month.getValue();
      for (Map<String, Object> item : rows(report.values().get("monthlySpending"))) {
        Integer line = integer(item.get("spendingLine"));
        String name =
            line != null && line >= 1 && line <= planLines.size()
                ? text(planLines.get(line - 1).get("activityName"))
                : null;
        add(
            PLAN,
            SPENT,
            source(item.get("spendingSource")),
            line,
            name,
            month.getKey(),
            money(item.get("spendingAmount")),
            report);
      }
    }
  }

  // ------------------------------------------------------------------ indicators

  /** The registered indicators with the latest {@code indicatorProgress} value each was given. */
  private static List<IndicatorResult> indicators(
      List<Map<String, Object>> planned, List<Submission> submissions) {
    List<IndicatorResult> out = new ArrayList<>();
    int n = 0;
    for (Map<String, Object> indicator : planned) {
      n++;
      BigDecimal baseline = number(indicator.get("indicatorBaseline"));
      BigDecimal target = number(indicator.get("indicatorTarget"));
      BigDecimal reached = null;
      Submission by = null;
      for (Submission s : submissions) {
        if (s.taskId() == null || !s.values().containsKey("indicatorProgress")) {
          continue;
        }
        for (Map<String, Object> item : rows(s.values().get("indicatorProgress"))) {
          Integer which = integer(item.get("progressIndicator"));
          BigDecimal value = number(item.get("indicatorReached"));
          if (which != null && which == n && value != null && value.signum() >= 0) {
            reached = value;
            by = s;
          }
        }
      }
      out.add(
          result(
              n,
              text(indicator.get("indicatorName")),
              text(indicator.get("indicatorUnit")),
              text(indicator.get("indicatorParty")),
              text(indicator.get("indicatorMeasure")),
              baseline,
              target,
              reached,
              by));
    }
    return List.copyOf(out);
  }

  /**
   * The indicators with these values reached instead ({@code indicatorProgress} items), for values
   * not in history yet (written in the transaction still running); an indicator the list does not
   * name, or gives the same value, keeps its result.
   */
  static List<IndicatorResult> withReached(
      List<IndicatorResult> indicators, List<Map<String, Object>> progress) {
    List<IndicatorResult> out = new ArrayList<>();
    for (IndicatorResult i : indicators) {
      BigDecimal reached = null;
      for (Map<String, Object> item : progress) {
        Integer which = integer(item.get("progressIndicator"));
        BigDecimal value = number(item.get("indicatorReached"));
        if (which != null && which == i.number() && value != null && value.signum() >= 0) {
          reached = value;
        }
      }
      if (reached == null || (i.reached() != null && reached.compareTo(i.reached()) == 0)) {
        out.add(i);
      } else {
        out.add(
            result(
                i.number(),
                i.name(),
                i.unit(),
                i.party(),
                i.measure(),
                i.baseline(),
                i.target(),
                reached,
                null));
      }
    }
    return List.copyOf(out);
  }

  private static IndicatorResult result(
      int n,
      String name,
      String unit,
      String party,
      String measure,
      BigDecimal baseline,
      BigDecimal target,
      BigDecimal reached,
      Submission by) {
    BigDecimal percent = null;
    boolean onTarget = false;
    if (reached != null && baseline != null && target != null && target.compareTo(baseline) != 0) {
      percent =
          reached
              .subtract(baseline)
              .multiply(BigDecimal.valueOf(100))
              .divide(target.subtract(baseline), 1, RoundingMode.HALF_UP);
      onTarget =
          target.compareTo(baseline) > 0
              ? reached.compareTo(target) >= 0
              : reached.compareTo(target) <= 0;
    }
    return new IndicatorResult(
        n,
        name,
        unit,
        party,
        measure,
        baseline,
        target,
        reached,
        percent,
        onTarget,
        by == null ? null : by.taskId(),
        by == null ? null : by.userId(),
        by == null ? null : by.time());
  }

  // ------------------------------------------------------------------ totals and values

  /** stage → source → the sum of the entries of this kind; every stage and source present. */
  static Map<String, Map<String, BigDecimal>> totals(Collection<LedgerEntry> entries, String kind) {
    Map<String, Map<String, BigDecimal>> totals = new LinkedHashMap<>();
    for (String stage : STAGES) {
      Map<String, BigDecimal> bySource = new LinkedHashMap<>();
      SOURCES.forEach(source -> bySource.put(source, zero()));
      totals.put(stage, bySource);
    }
    for (LedgerEntry e : entries) {
      if (e.kind().equals(kind)) {
        totals.get(e.stage()).merge(e.source(), e.amount(), BigDecimal::add);
      }
    }
    return totals;
  }

  /** source → the sum over the stages; every source present. */
  static Map<String, BigDecimal> bySource(Map<String, Map<String, BigDecimal>> byStage) {
    Map<String, BigDecimal> sum = new LinkedHashMap<>();
    SOURCES.forEach(source -> sum.put(source, zero()));
    byStage
        .values()
        .forEach(m -> m.forEach((source, amount) -> sum.merge(source, amount, BigDecimal::add)));
    return sum;
  }

  static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }

  private void add(
      String stage,
      String kind,
      String source,
      Integer line,
      String lineName,
      String month,
      BigDecimal amount,
      Submission by) {
    if (amount == null || amount.signum() <= 0) {
      return;
    }
    entries.add(
        new LedgerEntry(
            stage,
            kind,
            source,
            line,
            lineName,
            month,
            amount,
            by.processInstanceId(),
            by.taskId(),
            by.taskName(),
            by.activityId(),
            by.userId(),
            by.time()));
  }

  /** A known source, else {@code other}: money is never lost from the totals. */
  private static String source(Object value) {
    return value != null && SOURCES.contains(value.toString()) ? value.toString() : "other";
  }

  /** Baht with two decimals; null when not a number or below zero. */
  static BigDecimal money(Object value) {
    BigDecimal n = number(value);
    return n == null || n.signum() < 0 ? null : n.setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal number(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number n) {
      try {
        return new BigDecimal(n.toString());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Integer integer(Object value) {
    BigDecimal n = number(value);
    if (n == null) {
      return null;
    }
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> rows(Object value) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (value instanceof Collection<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          rows.add((Map<String, Object>) map);
        }
      }
    }
    return rows;
  }

  private static Submission last(List<Submission> stage, Predicate<Submission> which) {
    Submission found = null;
    for (Submission s : stage) {
      if (which.test(s)) {
        found = s;
      }
    }
    return found;
  }

  private static List<Submission> all(List<Submission> stage, Predicate<Submission> which) {
    return stage.stream().filter(which).toList();
  }

  private static List<Submission> after(List<Submission> stage, Submission from) {
    int i = stage.indexOf(from);
    return stage.subList(i + 1, stage.size()).stream()
        .filter(s -> !Objects.equals(s, from))
        .toList();
  }
}
