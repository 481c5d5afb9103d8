package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.or.codi.programme.demo.Walkthrough.line;
import static th.or.codi.programme.demo.Walkthrough.progress;
import static th.or.codi.programme.demo.Walkthrough.spending;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.UnusedWave;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.provinces.ProvinceReferenceData;
import th.or.codi.programme.validation.FieldError;
import th.or.codi.programme.validation.SubmissionRejectedException;

/**
 * Issue 18 in the implementation stage, driven as the province and the working group drive it. The
 * plan (the walkthrough's) has two budget lines: 1. เวทีสภาองค์กรชุมชน, 50,000 baht from
 * ThaiHealth, and 2. พัฒนาศักยภาพแกนนำ, 30,000 baht from CODI (80,000 in all), and three
 * indicators. Each month starts with one spending item per line; a month that takes a line or the
 * plan above its approved amount needs a reason and goes to managers whatever the working group
 * confirms; the completion report's total equals the months' (read from history) or says why not;
 * money is never negative.
 */
@ProcessTest
class ImplementationSpendingTest {

  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired ProvinceReferenceData referenceData;

  private Walkthrough drive;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    drive = PipelineDriver.create(engine, act, referenceData);
  }

  /** Nakhon Sawan in implementation, its first month's report open. */
  private String inImplementation() {
    UnusedWave unused = UnusedWave.of(engine, "TH-60");
    String key = drive.start("TH-60", unused.fiscalYear(), unused.wave());
    drive.forumStage(key, "TH-60");
    drive.visitStage(key, "TH-60");
    drive.designStage(key, "TH-60");
    act.fireTimer(key, "Event_MonthlyReportDue");
    return key;
  }

  private Map<String, Object> variables(Task task) {
    return engine.getTaskService().getVariables(task.getId());
  }

  private static List<SpinJsonNode> items(Object json) {
    return Spin.JSON(json.toString()).elements();
  }

  private List<FieldError> rejected(Runnable submission) {
    List<FieldError> errors = new ArrayList<>();
    assertThatThrownBy(submission::run)
        .satisfies(
            thrown -> {
              Throwable cause = thrown;
              while (cause != null && !(cause instanceof SubmissionRejectedException)) {
                cause = cause.getCause();
              }
              assertThat(cause).as("a rejected submission").isNotNull();
              errors.addAll(((SubmissionRejectedException) cause).errors());
            });
    return errors;
  }

  private void month(String key, Object spending, String reason) {
    drive.submitMonth(key, "TH-60", "2027-01", "on-track", spending, progress(150, 4, 900), reason);
  }

  private long open(String key, String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(key)
        .taskDefinitionKey(taskKey)
        .count();
  }

  @Test
  void eachMonthStartsWithThePlansLinesTheIndicatorsAndTheBudgetSoFar() {
    String key = inImplementation();
    Map<String, Object> month = variables(act.task(key, "Activity_SubmitMonthlyReport"));

    assertThat(items(month.get("monthlySpending")))
        .extracting(
            n -> n.prop("spendingLine").stringValue(),
            n -> n.prop("spendingSource").stringValue(),
            n -> n.prop("spendingAmount").numberValue().intValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", "thaihealth", 0),
            org.assertj.core.groups.Tuple.tuple("2", "codi", 0));
    assertThat(items(month.get("indicatorProgress")))
        .extracting(
            n -> n.prop("progressIndicator").stringValue(),
            n -> n.prop("indicatorReached").numberValue().intValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", 120),
            org.assertj.core.groups.Tuple.tuple("2", 3),
            org.assertj.core.groups.Tuple.tuple("3", 850));
    assertThat((String) month.get("spendingToDate"))
        .contains(
            "1. เวทีสภาองค์กรชุมชน (สสส.): อนุมัติ 50,000.00 · ใช้แล้ว 0.00 · คงเหลือ 50,000.00")
        .contains("พอช.: อนุมัติ 30,000.00")
        .contains("ทั้งแผน: อนุมัติ 80,000.00 · ใช้แล้ว 0.00 · คงเหลือ 80,000.00")
        .contains("Whole plan: approved 80,000.00");
    assertThat(((Number) month.get("planSpentToDate")).doubleValue()).isZero();
  }

  @Test
  void aMonthWithinBudgetIsSummedAndTheNextMonthShowsItAsSpent() {
    String key = inImplementation();
    month(key, spending(line(1, "thaihealth", 12000.5), line(2, "codi", 7500)), "");
    Map<String, Object> review = variables(act.task(key, "Activity_ReviewProgress"));
    assertThat(((Number) review.get("moneySpent")).doubleValue()).isEqualTo(19500.5);
    assertThat(review.get("overspent")).isEqualTo(false);
    assertThat(((Number) review.get("planSpentToDate")).doubleValue()).isEqualTo(19500.5);
    drive.reviewMonth(key, "on-track");
    assertThat(open(key, "Activity_DecideIntervention")).isZero();

    act.fireTimer(key, "Event_MonthlyReportDue");
    Map<String, Object> next = variables(act.task(key, "Activity_SubmitMonthlyReport"));
    assertThat((String) next.get("spendingToDate"))
        .contains("ใช้แล้ว 12,000.50 · คงเหลือ 37,999.50")
        .contains("ทั้งแผน: อนุมัติ 80,000.00 · ใช้แล้ว 19,500.50 · คงเหลือ 60,499.50");
    assertThat(items(next.get("indicatorProgress")))
        .as("the stage's indicators as the last report left them")
        .extracting(n -> n.prop("indicatorReached").numberValue().intValue())
        .containsExactly(150, 4, 900);
  }

  @Test
  void spendingAboveALinesApprovedBudgetNeedsAReasonAndGoesToManagersWhateverTheStatus() {
    String key = inImplementation();
    month(key, spending(line(1, "thaihealth", 45000), line(2, "codi", 0)), "");
    drive.reviewMonth(key, "on-track");
    act.fireTimer(key, "Event_MonthlyReportDue");

    Object tooMuch = spending(line(1, "thaihealth", 10000), line(2, "codi", 0));
    assertThat(rejected(() -> month(key, tooMuch, "")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("overspendReason");
              assertThat(e.th())
                  .contains("รายการที่ 1 “เวทีสภาองค์กรชุมชน” ใช้จ่ายสะสม 55,000.00 บาท")
                  .contains("เกินงบที่อนุมัติ 50,000.00 บาท");
              assertThat(e.en())
                  .contains("line 1 “เวทีสภาองค์กรชุมชน” has spent 55,000.00 THB in total")
                  .contains("above its approved 50,000.00 THB");
            });
    assertThat(open(key, "Activity_SubmitMonthlyReport")).as("the report stays open").isOne();

    month(key, tooMuch, "ค่าเช่าสถานที่เวทีขึ้นราคา");
    Map<String, Object> review = variables(act.task(key, "Activity_ReviewProgress"));
    assertThat(review.get("overspent")).isEqualTo(true);
    assertThat(((Number) review.get("planSpentToDate")).doubleValue()).isEqualTo(55000);
    drive.reviewMonth(key, "on-track");

    Task intervention = act.task(key, "Activity_DecideIntervention");
    assertThat(intervention).isNotNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(intervention.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("managers"));
    Map<String, Object> shown = variables(intervention);
    assertThat(shown.get("overspendReason")).isEqualTo("ค่าเช่าสถานที่เวทีขึ้นราคา");
    assertThat((String) shown.get("spendingToDate")).contains("ใช้แล้ว 45,000.00");
    assertThat(((Number) shown.get("moneySpent")).doubleValue()).isEqualTo(10000);
  }

  @Test
  void spendingAboveThePlansTotalNamesTheLinesAndThePlan() {
    String key = inImplementation();
    assertThat(
            rejected(
                () ->
                    month(key, spending(line(1, "thaihealth", 60000), line(2, "codi", 30000)), "")))
        .extracting(FieldError::field, FieldError::en)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "overspendReason",
                "“Why spending exceeds the approved budget” is required: with this month line 1"
                    + " “เวทีสภาองค์กรชุมชน” has spent 60,000.00 THB in total, above its approved"
                    + " 50,000.00 THB"),
            org.assertj.core.groups.Tuple.tuple(
                "overspendReason",
                "“Why spending exceeds the approved budget” is required: with this month the plan"
                    + " has spent 90,000.00 THB in total, above its approved 80,000.00 THB"));
  }

  /**
   * The plan approves 50,000 from ThaiHealth (line 1) and 30,000 from CODI (line 2). CODI money
   * spent on line 1 too takes CODI above its 30,000 though no line and not the plan is over; money
   * from "other" is more than the nothing the plan approved from it.
   */
  @Test
  void spendingFromASourceAboveWhatThePlanApprovedFromItNeedsAReason() {
    String key = inImplementation();
    Object mixed = spending(line(1, "codi", 10000), line(2, "codi", 25000), line(1, "other", 1500));
    assertThat(rejected(() -> month(key, mixed, "")))
        .extracting(FieldError::field, FieldError::th, FieldError::en)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "overspendReason",
                "ต้องระบุ “เหตุผลที่ใช้จ่ายเกินงบที่อนุมัติ”: รวมเดือนนี้แล้ว แผนใช้เงินจาก พอช. สะสม"
                    + " 35,000.00 บาท เกินงบที่รายการของแผนอนุมัติจาก พอช. 30,000.00 บาท",
                "“Why spending exceeds the approved budget” is required: with this month the plan"
                    + " has spent 35,000.00 THB from CODI in total, above the 30,000.00 THB its"
                    + " lines approved from CODI"),
            org.assertj.core.groups.Tuple.tuple(
                "overspendReason",
                "ต้องระบุ “เหตุผลที่ใช้จ่ายเกินงบที่อนุมัติ”: รวมเดือนนี้แล้ว แผนใช้เงินจาก อื่น ๆ สะสม"
                    + " 1,500.00 บาท เกินงบที่รายการของแผนอนุมัติจาก อื่น ๆ 0.00 บาท",
                "“Why spending exceeds the approved budget” is required: with this month the plan"
                    + " has spent 1,500.00 THB from Other in total, above the 0.00 THB its lines"
                    + " approved from Other"));

    month(key, mixed, "พอช. สำรองจ่ายค่าเวทีแทน สสส. ระหว่างรอโอนงบ");
    assertThat(variables(act.task(key, "Activity_ReviewProgress")).get("overspent"))
        .as("the month goes to managers")
        .isEqualTo(true);
  }

  @Test
  void exactlyTheApprovedAmountNeedsNoReason() {
    String key = inImplementation();
    month(key, spending(line(1, "thaihealth", 50000), line(2, "codi", 30000)), "");
    assertThat(variables(act.task(key, "Activity_ReviewProgress")).get("overspent"))
        .isEqualTo(false);
  }

  @Test
  void negativeMoneyIsRefusedInsideTheSpendingList() {
    String key = inImplementation();
    assertThat(
            rejected(
                () -> month(key, spending(line(1, "thaihealth", -500), line(2, "codi", 0)), "")))
        .extracting(FieldError::field)
        .containsExactly("monthlySpending[1].spendingAmount");
  }

  @Test
  void eachIndicatorIsGivenExactlyOnce() {
    String key = inImplementation();
    List<FieldError> errors =
        rejected(
            () ->
                drive.submitMonth(
                    key,
                    "TH-60",
                    "2027-01",
                    "on-track",
                    spending(line(1, "thaihealth", 0)),
                    Walkthrough.json(
                        List.of(
                            Map.of("progressIndicator", "1", "indicatorReached", 130),
                            Map.of("progressIndicator", "1", "indicatorReached", 140),
                            Map.of("progressIndicator", "3", "indicatorReached", 860))),
                    ""));
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("indicatorProgress");
              assertThat(e.en()).contains("missing: 2; given twice: 1");
              assertThat(e.th()).contains("ขาด: 2; ซ้ำ: 1");
            });
  }

  @Test
  void aCompletionTotalThatIsNotTheMonthsSumNeedsAReason() {
    String key = inImplementation();
    month(key, spending(line(1, "thaihealth", 12000), line(2, "codi", 8000)), "");
    drive.reviewMonth(key, "on-track");
    act.fireTimer(key, "Event_MonthlyReportDue"); // a second month open, nothing reported in it
    Map<String, Object> shown = variables(act.task(key, "Activity_CarryOutPlan"));
    assertThat(((Number) shown.get("planTotalBudget")).doubleValue()).isEqualTo(80000);
    assertThat(((Number) shown.get("planSpentToDate")).doubleValue()).isEqualTo(20000);

    Map<String, Object> report =
        Walkthrough.values(
            "completionSummary", "ดำเนินการครบทุกกิจกรรม",
            "resultsAchieved", "ตำบลเข้าร่วม 12 ตำบล",
            "indicatorProgress", progress(400, 10, 1200),
            "totalSpent", 21000L,
            "spendingDifferenceReason", "",
            "completionEvidenceLink", "https://example.org/report");
    assertThat(rejected(() -> drive.complete("nakhonsawan", key, "Activity_CarryOutPlan", report)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("spendingDifferenceReason");
              assertThat(e.th())
                  .contains("ค่าใช้จ่ายรวมที่กรอก 21,000.00 บาท")
                  .contains("ผลรวมของรายงานรายเดือน 20,000.00 บาท");
              assertThat(e.en()).contains("21,000.00 THB").contains("20,000.00 THB");
            });

    report.put("totalSpent", 20000.0);
    drive.complete("nakhonsawan", key, "Activity_CarryOutPlan", report);
    assertThat(open(key, "Activity_EvaluateOutcomes")).as("on to the evaluation").isOne();
  }

  @Test
  void aCompletionTotalThatDiffersIsAcceptedWithItsReason() {
    String key = inImplementation();
    month(key, spending(line(1, "thaihealth", 12000), line(2, "codi", 0)), "");
    drive.reviewMonth(key, "on-track");
    drive.completePlan(key, "TH-60"); // 78,000 with its reason
    assertThat(open(key, "Activity_CarryOutPlan")).isZero();
  }
}
