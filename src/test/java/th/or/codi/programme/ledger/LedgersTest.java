package th.or.codi.programme.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.UnusedWave;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * The ledger of a pipeline driven through the real models as the parties drive it, against figures
 * computed by hand: which plan, which decision, which report each figure comes from, and who.
 */
@DemoApplicationTest
class LedgersTest {

  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired Ledgers ledgers;

  private Walkthrough drive;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    drive = new Walkthrough(act, code -> "nakhonsawan", task -> {});
  }

  static BigDecimal baht(String amount) {
    return new BigDecimal(amount);
  }

  private String start() {
    UnusedWave unused = UnusedWave.of(engine, "TH-60");
    return drive.start("TH-60", unused.fiscalYear(), unused.wave());
  }

  private String pipelineId(String key) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(key)
        .processDefinitionKey(ProgrammeProcesses.PIPELINE)
        .singleResult()
        .getId();
  }

  private PipelineLedger ledger(String key) {
    return ledgers.ofPipeline(pipelineId(key));
  }

  private void planForum(String key, long amount, String source) {
    drive.complete(
        "nakhonsawan",
        key,
        "Activity_PlanForum",
        Walkthrough.values(
            "forumDate",
            Walkthrough.inDays(30),
            "venue",
            "ศาลาประชาคมจังหวัด",
            "targetGroups",
            Walkthrough.json(List.of("community-councils")),
            "expectedParticipants",
            80L,
            "agenda",
            "ทำความเข้าใจแนวทางความร่วมมือ 3 ฝ่าย",
            "forumBudgetRequested",
            amount,
            "forumBudgetSource",
            source));
  }

  private void review(String key, String task, String user, String decision) {
    drive.complete(
        user,
        key,
        task,
        Walkthrough.values(
            "reviewDecision",
            decision,
            "reviewComment",
            decision.equals("approve") ? "" : "ปรับงบประมาณ"));
  }

  private static Map<String, Object> line(String name, Object budget, String source) {
    return Map.of(
        "activityName",
        name,
        "responsibleParty",
        "community",
        "activityMonth",
        1,
        "activityBudget",
        budget,
        "budgetSource",
        source);
  }

  /** A whole pipeline with a revised forum plan, a reduced visit and a plan revised once. */
  @Test
  void aPipelinesFiguresAreTheOnesItsPeopleSubmitted() {
    String key = start();
    // forum: the first plan (CODI 25,000) sent back by ThaiHealth, the second (ThaiHealth 28,000)
    planForum(key, 25000L, "codi");
    review(key, "Activity_ReviewForumPlanCodi", "codi", "approve");
    review(key, "Activity_ReviewForumPlanThaiHealth", "thaihealth", "request-changes");
    assertThat(ledger(key).approved().get("forum").values())
        .allSatisfy(v -> assertThat(v).isEqualByComparingTo("0"));
    planForum(key, 28000L, "thaihealth");
    review(key, "Activity_ReviewForumPlanThaiHealth", "thaihealth", "approve");
    assertThat(ledger(key).approved().get("forum").get("thaihealth"))
        .as("one review is not approval")
        .isEqualByComparingTo("0");
    review(key, "Activity_ReviewForumPlanCodi", "codi", "approve");
    act.fireTimer(key, "Event_ForumDay");
    drive.reportForum(key, "TH-60", "proceed"); // 23,850.50 spent
    // study visit: 120,000 requested, 90,000 approved, 86,400 spent
    drive.planVisit(key);
    drive.decideBudget(key, "approve-reduced", 90000L);
    act.fireTimer(key, "Event_VisitEnded");
    drive.reportLessons(key, "TH-60");
    // joint plan: round 1 sent back, round 2 endorsed
    drive.draftPlan(key);
    drive.endorse(key, "TH-60", "endorse", "request-revision", "endorse");
    drive.complete(
        "nakhonsawan",
        key,
        "Activity_DraftJointPlan",
        Walkthrough.values(
            "planObjectives",
            "สร้างกลไกความร่วมมือระดับจังหวัด",
            "planActivities",
            Walkthrough.json(
                List.of(
                    line("เวทีสภาองค์กรชุมชน", 42000.5, "thaihealth"),
                    line("พัฒนาศักยภาพแกนนำ", 30000, "codi"),
                    line("จัดทำบัญชีครัวเรือน", 8000, "other"))),
            "planIndicatorList",
            Walkthrough.json(Walkthrough.INDICATORS.subList(0, 2)),
            "planDurationMonths",
            12L));
    PipelineLedger drafted = ledger(key);
    assertThat(drafted.requested().get("joint-plan"))
        .containsEntry("thaihealth", baht("42000.50"))
        .containsEntry("codi", baht("30000.00"))
        .containsEntry("other", baht("8000.00"));
    assertThat(drafted.approved().get("joint-plan").values())
        .as("nothing approved before the agreement")
        .allSatisfy(v -> assertThat(v).isEqualByComparingTo("0"));
    assertThat(drafted.indicators()).isEmpty();
    drive.endorse(key, "TH-60", "endorse", "endorse", "endorse");
    // implementation, two months as the province reports them in Tasklist:
    //   2026-12: line 1 (ThaiHealth) 12,000.25, line 2 (CODI) 5,000; indicators 200 and 5
    //   2027-01: line 1 (ThaiHealth) 10,000, line 3 (other) 3,000; indicators 400 and 7
    // so spent: CODI 5,000, ThaiHealth 22,000.25, other 3,000 = 30,000.25 in all
    act.fireTimer(key, "Event_MonthlyReportDue");
    drive.submitMonth(
        key,
        "TH-60",
        "2026-12",
        "on-track",
        Walkthrough.spending(
            Walkthrough.line(1, "thaihealth", 12000.25), Walkthrough.line(2, "codi", 5000)),
        Walkthrough.progress(200, 5),
        "");
    drive.reviewMonth(key, "on-track");
    act.fireTimer(key, "Event_MonthlyReportDue");
    drive.submitMonth(
        key,
        "TH-60",
        "2027-01",
        "on-track",
        Walkthrough.spending(
            Walkthrough.line(1, "thaihealth", 10000), Walkthrough.line(3, "other", 3000)),
        Walkthrough.progress(400, 7),
        "");
    drive.reviewMonth(key, "on-track");
    // the completion report's total is the months' sum, so it needs no reason
    drive.complete(
        "nakhonsawan",
        key,
        "Activity_CarryOutPlan",
        Walkthrough.values(
            "completionSummary",
            "ดำเนินการครบทุกกิจกรรม",
            "resultsAchieved",
            "ครัวเรือนทำบัญชี 400 ครัวเรือน",
            "totalSpent",
            30000.25,
            "spendingDifferenceReason",
            "",
            "completionEvidenceLink",
            "https://example.org/report"));

    PipelineLedger ledger = ledger(key);
    assertThat(ledger.businessKey()).isEqualTo(key);
    assertThat(ledger.provinceCode()).isEqualTo("TH-60");
    assertThat(ledger.requested())
        .isEqualTo(
            Map.of(
                "forum", sources("0", "28000", "0"),
                "study-visit", sources("0", "120000", "0"),
                "joint-plan", sources("30000", "42000.50", "8000")));
    assertThat(ledger.approved())
        .isEqualTo(
            Map.of(
                "forum", sources("0", "28000", "0"),
                "study-visit", sources("0", "90000", "0"),
                "joint-plan", sources("30000", "42000.50", "8000")));
    assertThat(ledger.spent())
        .isEqualTo(
            Map.of(
                "forum", sources("0", "23850.50", "0"),
                "study-visit", sources("0", "86400", "0"),
                "joint-plan", sources("5000", "22000.25", "3000")));
    assertThat(ledger.reportedTotalSpent()).isEqualByComparingTo("30000.25");
    assertThat(ledger.spendingDifferenceReason()).isNull();

    // who and where each figure comes from
    assertThat(ledger.entries())
        .filteredOn(e -> e.stage().equals("forum") && e.kind().equals("approved"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activityId()).isEqualTo("Activity_ReviewForumPlanCodi");
              assertThat(e.userId()).isEqualTo("codi");
              assertThat(e.taskId()).isNotNull();
            });
    assertThat(ledger.entries())
        .filteredOn(e -> e.stage().equals("study-visit") && e.kind().equals("approved"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activityId()).isEqualTo("Activity_ApproveVisitBudget");
              assertThat(e.userId()).isEqualTo("thaihealth");
            });
    assertThat(ledger.entries())
        .filteredOn(e -> e.stage().equals("joint-plan") && e.kind().equals("approved"))
        .extracting(LedgerEntry::line, LedgerEntry::lineName, LedgerEntry::activityId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                1, "เวทีสภาองค์กรชุมชน", "Activity_EndorsePlanCommunity"),
            org.assertj.core.groups.Tuple.tuple(
                2, "พัฒนาศักยภาพแกนนำ", "Activity_EndorsePlanCommunity"),
            org.assertj.core.groups.Tuple.tuple(
                3, "จัดทำบัญชีครัวเรือน", "Activity_EndorsePlanCommunity"));
    assertThat(ledger.entries())
        .filteredOn(e -> e.stage().equals("joint-plan") && e.kind().equals("spent"))
        .extracting(
            LedgerEntry::month,
            LedgerEntry::line,
            LedgerEntry::lineName,
            LedgerEntry::source,
            LedgerEntry::amount,
            LedgerEntry::activityId,
            LedgerEntry::userId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "2026-12",
                1,
                "เวทีสภาองค์กรชุมชน",
                "thaihealth",
                baht("12000.25"),
                "Activity_SubmitMonthlyReport",
                "nakhonsawan"),
            org.assertj.core.groups.Tuple.tuple(
                "2026-12",
                2,
                "พัฒนาศักยภาพแกนนำ",
                "codi",
                baht("5000.00"),
                "Activity_SubmitMonthlyReport",
                "nakhonsawan"),
            org.assertj.core.groups.Tuple.tuple(
                "2027-01",
                1,
                "เวทีสภาองค์กรชุมชน",
                "thaihealth",
                baht("10000.00"),
                "Activity_SubmitMonthlyReport",
                "nakhonsawan"),
            org.assertj.core.groups.Tuple.tuple(
                "2027-01",
                3,
                "จัดทำบัญชีครัวเรือน",
                "other",
                baht("3000.00"),
                "Activity_SubmitMonthlyReport",
                "nakhonsawan"));
    assertThat(ledger.entries())
        .allSatisfy(
            e -> {
              assertThat(e.amount()).isPositive();
              assertThat(e.userId()).isNotNull();
              assertThat(e.time()).isNotNull();
            });

    // indicators: the registered two, with the latest month's values
    assertThat(ledger.indicators())
        .extracting(
            IndicatorResult::number,
            IndicatorResult::name,
            IndicatorResult::baseline,
            IndicatorResult::target,
            IndicatorResult::reached,
            IndicatorResult::percent,
            IndicatorResult::onTarget,
            IndicatorResult::userId)
        .usingRecursiveFieldByFieldElementComparator(
            org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .build())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                1,
                "ครัวเรือนที่ทำบัญชีครัวเรือน",
                baht("120"),
                baht("400"),
                baht("400"),
                baht("100"),
                true,
                "nakhonsawan"),
            org.assertj.core.groups.Tuple.tuple(
                2,
                "สภาองค์กรชุมชนตำบลที่มีแผนพัฒนาตำบล",
                baht("3"),
                baht("10"),
                baht("7"),
                baht("57.1"),
                false,
                "nakhonsawan"));

    // the evaluation sees the same figures, Thai first, then English
    var evaluation = act.task(key, "Activity_EvaluateOutcomes");
    Map<String, Object> shown = engine.getTaskService().getVariablesLocal(evaluation.getId());
    String indicators = (String) shown.get("evaluationIndicators");
    assertThat(indicators)
        .isEqualTo(
            "1. ครัวเรือนที่ทำบัญชีครัวเรือน: ค่าฐาน 120 → เป้าหมาย 400 ครัวเรือน;"
                + " ทำได้ 400 (100.0%) ถึงเป้าหมาย\n"
                + "2. สภาองค์กรชุมชนตำบลที่มีแผนพัฒนาตำบล: ค่าฐาน 3 → เป้าหมาย 10 ตำบล;"
                + " ทำได้ 7 (57.1%) ยังไม่ถึงเป้าหมาย\n\n"
                + "1. ครัวเรือนที่ทำบัญชีครัวเรือน: baseline 120 → target 400 ครัวเรือน;"
                + " reached 400 (100.0%) on target\n"
                + "2. สภาองค์กรชุมชนตำบลที่มีแผนพัฒนาตำบล: baseline 3 → target 10 ตำบล;"
                + " reached 7 (57.1%) not on target yet");
    String money = (String) shown.get("evaluationMoney");
    assertThat(money.split("\n"))
        .startsWith(
            "พอช.: อนุมัติ 30,000.00 บาท · ใช้จ่าย 5,000.00 บาท",
            "  - แผนร่วม: อนุมัติ 30,000.00 บาท · ใช้จ่าย 5,000.00 บาท",
            "สสส.: อนุมัติ 160,000.50 บาท · ใช้จ่าย 132,250.75 บาท",
            "  - เวทีทำความเข้าใจ: อนุมัติ 28,000.00 บาท · ใช้จ่าย 23,850.50 บาท",
            "  - ศึกษาดูงาน: อนุมัติ 90,000.00 บาท · ใช้จ่าย 86,400.00 บาท",
            "  - แผนร่วม: อนุมัติ 42,000.50 บาท · ใช้จ่าย 22,000.25 บาท",
            "อื่น ๆ: อนุมัติ 8,000.00 บาท · ใช้จ่าย 3,000.00 บาท",
            "  - แผนร่วม: อนุมัติ 8,000.00 บาท · ใช้จ่าย 3,000.00 บาท",
            "รวมทุกแหล่ง: อนุมัติ 198,000.50 บาท · ใช้จ่าย 140,250.75 บาท",
            "รายงานสรุปผล: ใช้จ่ายรวม 30,000.25 บาท",
            "",
            "CODI: approved 30,000.00 THB · spent 5,000.00 THB");
    assertThat(money).endsWith("Completion report: total spent 30,000.25 THB");
  }

  @Test
  void aRejectedVisitBudgetApprovesNothing() {
    String key = start();
    drive.forumStage(key, "TH-60");
    drive.planVisit(key);
    drive.decideBudget(key, "reject", null);
    PipelineLedger ledger = ledger(key);
    assertThat(ledger.requested().get("study-visit")).isEqualTo(sources("0", "120000", "0"));
    assertThat(ledger.approved().get("study-visit")).isEqualTo(sources("0", "0", "0"));
    assertThat(ledger.approved().get("forum")).isEqualTo(sources("25000", "0", "0"));
  }

  @Test
  void manyPipelinesAtOnceAndUnknownIds() {
    String one = start();
    drive.planForum(one, "TH-60");
    String two = start();
    List<PipelineLedger> both =
        ledgers.ofPipelines(List.of(pipelineId(two), "no-such-instance", pipelineId(one)));
    assertThat(both).extracting(PipelineLedger::businessKey).containsExactly(two, one);
    assertThat(both.get(1).requested().get("forum")).isEqualTo(sources("25000", "0", "0"));
    assertThat(both.get(0).entries()).isEmpty();
    assertThat(ledgers.ofPipeline("no-such-instance")).isNull();
  }

  static Map<String, BigDecimal> sources(String codi, String thaihealth, String other) {
    return Map.of(
        "codi", baht(codi).setScale(2),
        "thaihealth", baht(thaihealth).setScale(2),
        "other", baht(other).setScale(2));
  }
}
