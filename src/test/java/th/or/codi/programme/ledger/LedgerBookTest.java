package th.or.codi.programme.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * The ledger's rules on submissions history could hold but the forms refuse: negative, missing,
 * unreadable amounts. None of them may take a figure below zero or out of the totals' shape.
 */
class LedgerBookTest {

  private int clock;

  private Submission task(String key, String activity, Object... values) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < values.length; i += 2) {
      map.put((String) values[i], values[i + 1]);
    }
    clock++;
    return new Submission(
        key + "-1",
        key,
        "task" + clock,
        activity,
        activity,
        "someone",
        Instant.ofEpochSecond(clock),
        map);
  }

  @Test
  void negativeOrMissingValuesNeverMakeANegativeFigure() {
    List<Submission> history = new ArrayList<>();
    String forum = ProgrammeProcesses.UNDERSTANDING_FORUM;
    String visit = ProgrammeProcesses.STUDY_VISIT;
    String implementation = ProgrammeProcesses.IMPLEMENTATION;
    history.add(
        task(
            forum,
            "Activity_PlanForum",
            "forumBudgetRequested",
            -500,
            "forumBudgetSource",
            "codi"));
    history.add(task(forum, "Activity_ReviewForumPlanCodi", "reviewDecision", "approve"));
    history.add(task(forum, "Activity_ReviewForumPlanThaiHealth", "reviewDecision", "approve"));
    history.add(task(forum, "Activity_ReportForum", "forumMoneySpent", "not a number"));
    history.add(task(visit, "Activity_PlanStudyVisit"));
    history.add(
        task(
            visit,
            "Activity_ApproveVisitBudget",
            "budgetDecision",
            "approve-reduced",
            "approvedBudget",
            -1));
    history.add(task(visit, "Activity_ReportLessons", "visitMoneySpent", -86400.0));
    history.add(
        task(
            implementation,
            "Activity_SubmitMonthlyReport",
            "reportMonth",
            "2026-12",
            "monthlySpending",
            List.of(
                Map.of("spendingLine", "1", "spendingSource", "codi", "spendingAmount", -10),
                Map.of("spendingLine", "x", "spendingSource", "nobody", "spendingAmount", 5),
                Map.of("spendingLine", "2"))));
    history.add(task(implementation, "Activity_CarryOutPlan", "totalSpent", -3));

    PipelineLedger ledger = LedgerBook.book("p", "TH-60/2581-1", "TH-60", 1L, history);

    for (var kind : List.of(ledger.requested(), ledger.approved(), ledger.spent())) {
      assertThat(kind).containsOnlyKeys("forum", "study-visit", "joint-plan");
      kind.values()
          .forEach(
              bySource -> {
                assertThat(bySource).containsOnlyKeys("codi", "thaihealth", "other");
                bySource.values().forEach(v -> assertThat(v.signum()).isNotNegative());
              });
    }
    assertThat(ledger.entries())
        .singleElement()
        .satisfies(
            e -> {
              // the one readable amount, of an unknown source, counts under "other"
              assertThat(e.amount()).isEqualTo(new BigDecimal("5.00"));
              assertThat(e.source()).isEqualTo("other");
              assertThat(e.line()).isNull();
            });
    assertThat(ledger.reportedTotalSpent()).isNull();
    assertThat(ledger.indicators()).isEmpty();
  }

  @Test
  void aReviewThatAskedForChangesBeforeTheLatestPlanDoesNotCount() {
    String forum = ProgrammeProcesses.UNDERSTANDING_FORUM;
    List<Submission> history = new ArrayList<>();
    history.add(
        task(
            forum,
            "Activity_PlanForum",
            "forumBudgetRequested",
            1000,
            "forumBudgetSource",
            "codi"));
    history.add(task(forum, "Activity_ReviewForumPlanCodi", "reviewDecision", "approve"));
    history.add(task(forum, "Activity_ReviewForumPlanThaiHealth", "reviewDecision", "approve"));
    history.add(
        task(
            forum,
            "Activity_PlanForum",
            "forumBudgetRequested",
            2000,
            "forumBudgetSource",
            "other"));
    history.add(task(forum, "Activity_ReviewForumPlanCodi", "reviewDecision", "approve"));

    PipelineLedger ledger = LedgerBook.book("p", "k", "TH-60", 1L, history);

    assertThat(ledger.requested().get("forum").get("other")).isEqualByComparingTo("2000");
    assertThat(ledger.requested().get("forum").get("codi")).isEqualByComparingTo("0");
    assertThat(ledger.approved().get("forum").values())
        .allSatisfy(v -> assertThat(v).isEqualByComparingTo("0"));
  }

  private static Map<String, Object> spending(int line, String source, Object amount) {
    return Map.of(
        "spendingLine", String.valueOf(line), "spendingSource", source, "spendingAmount", amount);
  }

  private static Map<String, Object> progress(int indicator, Object reached) {
    return Map.of("progressIndicator", String.valueOf(indicator), "indicatorReached", reached);
  }

  /**
   * The implementation's figures by the contract's names (its forms are another branch's): every
   * month's spending lines, a month reported again counted once, the latest indicator values.
   */
  @Test
  void theImplementationsMonthsAndIndicators() {
    String design = ProgrammeProcesses.JOINT_DESIGN;
    String implementation = ProgrammeProcesses.IMPLEMENTATION;
    List<Submission> history = new ArrayList<>();
    history.add(
        task(
            design,
            "Activity_DraftJointPlan",
            "planActivities",
            List.of(
                Map.of(
                    "activityName",
                    "เวทีสภาองค์กรชุมชน",
                    "activityBudget",
                    42000.5,
                    "budgetSource",
                    "thaihealth"),
                Map.of(
                    "activityName",
                    "พัฒนาศักยภาพแกนนำ",
                    "activityBudget",
                    30000,
                    "budgetSource",
                    "codi")),
            "planIndicatorList",
            List.of(
                Map.of(
                    "indicatorName",
                    "ครัวเรือนที่ทำบัญชีครัวเรือน",
                    "indicatorUnit",
                    "ครัวเรือน",
                    "indicatorBaseline",
                    120,
                    "indicatorTarget",
                    400,
                    "indicatorParty",
                    "community",
                    "indicatorMeasure",
                    "นับจากสมุดบัญชี"),
                Map.of(
                    "indicatorName",
                    "ขยะที่ฝังกลบ",
                    "indicatorUnit",
                    "ตัน",
                    "indicatorBaseline",
                    50,
                    "indicatorTarget",
                    20,
                    "indicatorParty",
                    "thaihealth",
                    "indicatorMeasure",
                    "ชั่งน้ำหนัก"))));
    history.add(task(design, "Activity_EndorsePlanCommunity", "endorseDecision", "endorse"));
    clock++;
    history.add(
        new Submission(
            design + "-1",
            design,
            null,
            null,
            null,
            null,
            Instant.ofEpochSecond(clock),
            Map.of("agreementNumber", "JP-2581-TH60-C1")));
    history.add(
        task(
            implementation,
            "Activity_SubmitMonthlyReport",
            "reportMonth",
            "2026-12",
            "monthlySpending",
            List.of(spending(1, "thaihealth", 99999)),
            "indicatorProgress",
            List.of(progress(1, 150), progress(2, 45))));
    // the same month again: its latest report counts
    history.add(
        task(
            implementation,
            "Activity_SubmitMonthlyReport",
            "reportMonth",
            "2026-12",
            "monthlySpending",
            List.of(spending(1, "thaihealth", 10000), spending(2, "codi", 2500.25)),
            "indicatorProgress",
            List.of(progress(1, 200), progress(2, 40))));
    history.add(
        task(
            implementation,
            "Activity_SubmitMonthlyReport",
            "reportMonth",
            "2027-01",
            "monthlySpending",
            List.of(spending(1, "thaihealth", 15000), spending(2, "codi", 0)),
            "indicatorProgress",
            List.of(progress(1, 300), progress(2, 30))));
    history.add(
        task(
            implementation,
            "Activity_CarryOutPlan",
            "totalSpent",
            28000,
            "spendingDifferenceReason",
            "ค่าเดินทางจ่ายหลังปิดเดือน",
            "indicatorProgress",
            List.of(progress(1, 410), progress(2, 25))));

    PipelineLedger ledger = LedgerBook.book("p", "k", "TH-60", 1L, history);

    assertThat(ledger.spent().get("joint-plan"))
        .containsEntry("thaihealth", new BigDecimal("25000.00"))
        .containsEntry("codi", new BigDecimal("2500.25"))
        .containsEntry("other", new BigDecimal("0.00"));
    assertThat(ledger.approved().get("joint-plan"))
        .containsEntry("thaihealth", new BigDecimal("42000.50"))
        .containsEntry("codi", new BigDecimal("30000.00"));
    assertThat(ledger.entries())
        .filteredOn(e -> e.kind().equals("spent"))
        .extracting(
            LedgerEntry::month, LedgerEntry::line, LedgerEntry::lineName, LedgerEntry::amount)
        .containsExactly(
            tuple("2026-12", 1, "เวทีสภาองค์กรชุมชน", new BigDecimal("10000.00")),
            tuple("2026-12", 2, "พัฒนาศักยภาพแกนนำ", new BigDecimal("2500.25")),
            tuple("2027-01", 1, "เวทีสภาองค์กรชุมชน", new BigDecimal("15000.00")));
    assertThat(ledger.reportedTotalSpent()).isEqualByComparingTo("28000");
    assertThat(ledger.spendingDifferenceReason()).isEqualTo("ค่าเดินทางจ่ายหลังปิดเดือน");
    // 410 of 120 → 400: (290 / 280) = 103.6 %, on target; 25 of 50 → 20 (down): 83.3 %, not yet
    assertThat(ledger.indicators())
        .extracting(
            IndicatorResult::number,
            IndicatorResult::reached,
            IndicatorResult::percent,
            IndicatorResult::onTarget)
        .containsExactly(
            tuple(1, new BigDecimal("410"), new BigDecimal("103.6"), true),
            tuple(2, new BigDecimal("25"), new BigDecimal("83.3"), false));

    // what the evaluation shows: the completion report's values taken over
    List<IndicatorResult> latest =
        LedgerBook.withReached(ledger.indicators(), List.of(progress(2, 18)));
    assertThat(latest.get(0)).isSameAs(ledger.indicators().get(0));
    assertThat(latest.get(1).onTarget()).isTrue();
    assertThat(EvaluationTexts.indicators(latest))
        .isEqualTo(
            "1. ครัวเรือนที่ทำบัญชีครัวเรือน: ค่าฐาน 120 → เป้าหมาย 400 ครัวเรือน; ทำได้ 410 (103.6%)"
                + " ถึงเป้าหมาย\n"
                + "2. ขยะที่ฝังกลบ: ค่าฐาน 50 → เป้าหมาย 20 ตัน; ทำได้ 18 (106.7%) ถึงเป้าหมาย\n\n"
                + "1. ครัวเรือนที่ทำบัญชีครัวเรือน: baseline 120 → target 400 ครัวเรือน; reached 410"
                + " (103.6%) on target\n"
                + "2. ขยะที่ฝังกลบ: baseline 50 → target 20 ตัน; reached 18 (106.7%) on target");
    assertThat(EvaluationTexts.money(ledger))
        .contains(
            "รายงานสรุปผล: ใช้จ่ายรวม 28,000.00 บาท\nเหตุผลที่ต่างจากผลรวมรายเดือน: ค่าเดินทางจ่ายหลังปิดเดือน")
        .endsWith("Why it differs from the months' sum: ค่าเดินทางจ่ายหลังปิดเดือน");
  }
}
