package th.or.codi.programme.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.pipeline.JsonVariables;
import th.or.codi.programme.processes.BusinessKey;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * The programme worked step by step, each step by a member of the party that does it, with the
 * values a person would enter in the task's form. The demo data uses it to bring the pilots to
 * their stages; the tests use it to drive every path.
 */
public class Walkthrough {

  private final PersonActions act;
  private final Function<String, String> communityMember;
  private final Function<String, String> jointMember;
  private final Consumer<Task> beforeCompletion;

  /**
   * The province's movement user also does its tri-party team's tasks (it is in both groups).
   *
   * @param communityMember the user who acts for a province's community movement
   * @param beforeCompletion a check run on every task before it is completed
   */
  public Walkthrough(
      PersonActions act,
      Function<String, String> communityMember,
      Consumer<Task> beforeCompletion) {
    this(act, communityMember, communityMember, beforeCompletion);
  }

  /**
   * @param communityMember the user who acts for a province's community movement
   * @param jointMember the user who does a province's tri-party team's tasks (joint-&lt;slug&gt;)
   * @param beforeCompletion a check run on every task before it is completed
   */
  public Walkthrough(
      PersonActions act,
      Function<String, String> communityMember,
      Function<String, String> jointMember,
      Consumer<Task> beforeCompletion) {
    this.act = act;
    this.communityMember = communityMember;
    this.jointMember = jointMember;
    this.beforeCompletion = beforeCompletion;
  }

  public PersonActions act() {
    return act;
  }

  public String community(String provinceCode) {
    return communityMember.apply(provinceCode);
  }

  /** Who does the joint tasks of the pipeline with this business key ({@code TH-60/2570-1}). */
  public String joint(String businessKey) {
    return jointMember.apply(BusinessKey.parse(businessKey).orElseThrow().provinceCode());
  }

  /** Completes the open task through its form, as the user. */
  public void complete(
      String user, String businessKey, String taskKey, Map<String, Object> values) {
    Task task = act.task(businessKey, taskKey);
    beforeCompletion.accept(task);
    act.complete(user, task, values);
  }

  // ---------------------------------------------------------------- values as the forms send them

  public static JsonValue json(Object listOrMap) {
    return JsonVariables.json(listOrMap);
  }

  public static Map<String, Object> values(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  public static String inDays(int days) {
    return LocalDate.now(ThaiCalendar.ZONE).plusDays(days).toString();
  }

  // ---------------------------------------------------------------- starting

  /** Managers start a pipeline for a province from Tasklist; returns its business key. */
  public String start(String provinceCode, int fiscalYear, int wave) {
    var instance =
        act.start(
            "manager",
            ProgrammeProcesses.PIPELINE,
            null,
            values(
                "provinceCode",
                provinceCode,
                "fiscalYear",
                (long) fiscalYear,
                "wave",
                (long) wave,
                "programmeName",
                "โครงการทดสอบ"));
    return act.businessKey(instance.getId());
  }

  // ---------------------------------------------------------------- stage 1: understanding forum

  public void planForum(String key, String province) {
    complete(
        community(province),
        key,
        "Activity_PlanForum",
        values(
            "forumDate",
            inDays(30),
            "venue",
            "ศาลาประชาคมจังหวัด",
            "targetGroups",
            json(List.of("community-councils", "local-government")),
            "expectedParticipants",
            80L,
            "agenda",
            "ทำความเข้าใจแนวทางความร่วมมือ 3 ฝ่าย",
            "forumBudgetRequested",
            25000L,
            "forumBudgetSource",
            "codi"));
  }

  public void reviewForum(String key, String codi, String thaihealth) {
    complete(
        "codi",
        key,
        "Activity_ReviewForumPlanCodi",
        values(
            "reviewDecision",
            codi,
            "reviewComment",
            codi.equals("approve") ? "" : "เพิ่มผู้แทนสภาองค์กรชุมชน"));
    complete(
        "thaihealth",
        key,
        "Activity_ReviewForumPlanThaiHealth",
        values(
            "reviewDecision",
            thaihealth,
            "reviewComment",
            thaihealth.equals("approve") ? "" : "ปรับงบประมาณ"));
  }

  public void reportForum(String key, String province, String decision) {
    complete(
        community(province),
        key,
        "Activity_ReportForum",
        values(
            "participantsCommunity",
            60L,
            "participantsCodi",
            5L,
            "participantsThaiHealth",
            4L,
            "participantsOther",
            10L,
            "agreements",
            "ตกลงร่วมขับเคลื่อนงานระดับจังหวัด",
            "forumMoneySpent",
            23850.50,
            "forumOverspendReason",
            "",
            "forumEvidenceLink",
            "https://example.org/forum",
            "forumDecision",
            decision,
            "forumDecisionReason",
            decision.equals("proceed") ? "" : "เหตุผลของการตัดสินใจ"));
  }

  public void forumStage(String key, String province) {
    planForum(key, province);
    reviewForum(key, "approve", "approve");
    act.fireTimer(key, "Event_ForumDay");
    reportForum(key, province, "proceed");
  }

  // ---------------------------------------------------------------- stage 2: study visit

  public void planVisit(String key) {
    complete(
        "codi",
        key,
        "Activity_PlanStudyVisit",
        values(
            "studyVisitHost",
            "TH-27",
            "visitStartDate",
            inDays(40),
            "visitEndDate",
            inDays(42),
            "visitParticipants",
            30L,
            "visitBudgetRequested",
            120000L,
            "itinerary",
            "ดูงานพื้นที่จัดการตนเอง จ.สระแก้ว"));
  }

  public void decideBudget(String key, String decision, Long approved) {
    complete(
        "thaihealth",
        key,
        "Activity_ApproveVisitBudget",
        values(
            "budgetDecision",
            decision,
            "approvedBudget",
            approved,
            "budgetDecisionReason",
            decision.equals("approve") ? "" : "ลดจำนวนผู้เดินทาง"));
  }

  public void reportLessons(String key, String province) {
    complete(
        community(province),
        key,
        "Activity_ReportLessons",
        values(
            "visitLessons",
            "การจัดการตนเองเริ่มจากข้อมูลชุมชน",
            "visitAdaptations",
            "ทำแผนข้อมูลตำบล",
            "visitMoneySpent",
            86400.0,
            "visitOverspendReason",
            "",
            "visitEvidenceLink",
            "https://example.org/visit"));
  }

  public void visitStage(String key, String province) {
    planVisit(key);
    decideBudget(key, "approve", null);
    act.fireTimer(key, "Event_VisitEnded");
    reportLessons(key, province);
  }

  // ---------------------------------------------------------------- stage 3: joint design

  public void draftPlan(String key) {
    complete(
        joint(key),
        key,
        "Activity_DraftJointPlan",
        values(
            "planObjectives",
            "สร้างกลไกความร่วมมือระดับจังหวัด",
            "planActivities",
            json(
                List.of(
                    Map.of(
                        "activityName",
                        "เวทีสภาองค์กรชุมชน",
                        "responsibleParty",
                        "community",
                        "activityMonth",
                        1,
                        "activityBudget",
                        50000,
                        "budgetSource",
                        "thaihealth"),
                    Map.of(
                        "activityName",
                        "พัฒนาศักยภาพแกนนำ",
                        "responsibleParty",
                        "codi",
                        "activityMonth",
                        3,
                        "activityBudget",
                        30000,
                        "budgetSource",
                        "codi"))),
            "planIndicatorList",
            json(INDICATORS),
            "planDurationMonths",
            12L));
  }

  /**
   * The pilots' indicators: what CODI, ThaiHealth and the provincial movement agree to measure,
   * each with a baseline from the province's own records and a target for the plan's end.
   */
  public static final List<Map<String, Object>> INDICATORS =
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
              "indicatorMeasure",
              "นับจากสมุดบัญชีครัวเรือนที่สภาองค์กรชุมชนตำบลรวบรวมทุกไตรมาส",
              "indicatorParty",
              "community"),
          Map.of(
              "indicatorName",
              "สภาองค์กรชุมชนตำบลที่มีแผนพัฒนาตำบล",
              "indicatorUnit",
              "ตำบล",
              "indicatorBaseline",
              3,
              "indicatorTarget",
              10,
              "indicatorMeasure",
              "แผนพัฒนาตำบลที่ผ่านเวทีสภาองค์กรชุมชนและส่งให้ พอช.",
              "indicatorParty",
              "codi"),
          Map.of(
              "indicatorName",
              "สมาชิกกองทุนสวัสดิการชุมชน",
              "indicatorUnit",
              "คน",
              "indicatorBaseline",
              850,
              "indicatorTarget",
              1200,
              "indicatorMeasure",
              "ทะเบียนสมาชิกกองทุนสวัสดิการชุมชนระดับตำบล",
              "indicatorParty",
              "thaihealth"));

  public void endorse(
      String key, String province, String codi, String thaihealth, String community) {
    complete(
        "codi",
        key,
        "Activity_EndorsePlanCodi",
        values("endorseDecision", codi, "endorseComment", "ความเห็น พอช."));
    complete(
        "thaihealth",
        key,
        "Activity_EndorsePlanThaiHealth",
        values("endorseDecision", thaihealth, "endorseComment", "ความเห็น สสส."));
    complete(
        community(province),
        key,
        "Activity_EndorsePlanCommunity",
        values("endorseDecision", community, "endorseComment", "ความเห็นขบวน"));
  }

  public void designStage(String key, String province) {
    draftPlan(key);
    endorse(key, province, "endorse", "endorse", "endorse");
  }

  // ---------------------------------------------------------------- stage 4: implementation

  /**
   * A month reported and reviewed: 12,000 baht on the plan's first line (the forum, ThaiHealth's),
   * nothing on the second, the indicators still at their baselines.
   */
  public void monthlyReport(String key, String province, String status) {
    act.fireTimer(key, "Event_MonthlyReportDue");
    submitMonth(
        key,
        province,
        "2026-12",
        status,
        spending(line(1, "thaihealth", 12000), line(2, "codi", 0)),
        progress(120, 3, 850),
        "");
    reviewMonth(key, status);
  }

  /**
   * The open monthly report submitted: {@code spending} (see {@link #spending}), the indicators'
   * values reached (see {@link #progress}) and, when the month goes above a line's or the plan's
   * approved budget, {@code overspendReason}.
   */
  public void submitMonth(
      String key,
      String province,
      String month,
      String status,
      Object spending,
      Object progress,
      String overspendReason) {
    submitMonth(
        key,
        province,
        month,
        status,
        "จัดเวทีสภาองค์กรชุมชน",
        status.equals("on-track") ? "" : "ผู้เข้าร่วมน้อย",
        spending,
        progress,
        overspendReason);
  }

  /** The same with what was done and the problems met, as the province writes them. */
  public void submitMonth(
      String key,
      String province,
      String month,
      String status,
      String activitiesDone,
      String problems,
      Object spending,
      Object progress,
      String overspendReason) {
    complete(
        community(province),
        key,
        "Activity_SubmitMonthlyReport",
        values(
            "reportMonth",
            month,
            "activitiesDone",
            activitiesDone,
            "monthlySpending",
            spending,
            "indicatorProgress",
            progress,
            "overspendReason",
            overspendReason,
            "problems",
            problems,
            "progressStatus",
            status));
  }

  /** The working group reviews the month and confirms {@code status}. */
  public void reviewMonth(String key, String status) {
    complete(
        joint(key),
        key,
        "Activity_ReviewProgress",
        values("progressStatusConfirmed", status, "progressReviewComment", "ทบทวนแล้ว"));
  }

  /** One item of a month's spending: the plan's line {@code n} (1..), its source, the amount. */
  public static Map<String, Object> line(int n, String source, double amount) {
    return Map.of(
        "spendingLine", String.valueOf(n), "spendingSource", source, "spendingAmount", amount);
  }

  /** A month's spending list, as Tasklist submits it. */
  @SafeVarargs
  public static JsonValue spending(Map<String, Object>... lines) {
    return json(List.of(lines));
  }

  /** The indicators' values reached, in the plan's order ({@link #INDICATORS}). */
  public static JsonValue progress(double... reached) {
    List<Map<String, Object>> items = new java.util.ArrayList<>();
    for (int i = 0; i < reached.length; i++) {
      items.add(Map.of("progressIndicator", String.valueOf(i + 1), "indicatorReached", reached[i]));
    }
    return json(items);
  }

  /**
   * The completion report: {@code totalSpent} 78,000 baht, more than the monthly reports say (the
   * last month's spending was never reported monthly), so with its reason.
   */
  public void completePlan(String key, String province) {
    complete(
        community(province),
        key,
        "Activity_CarryOutPlan",
        values(
            "completionSummary",
            "ดำเนินการครบทุกกิจกรรม",
            "resultsAchieved",
            "ตำบลเข้าร่วม 12 ตำบล",
            "totalSpent",
            78000L,
            "spendingDifferenceReason",
            "รวมค่าใช้จ่ายเดือนสุดท้ายที่ยังไม่ได้ส่งรายงานรายเดือน",
            "completionEvidenceLink",
            "https://example.org/report"));
  }

  // ---------------------------------------------------------------- stage 5: evaluation

  public void evaluate(String key, String recommendation) {
    complete(
        joint(key),
        key,
        "Activity_EvaluateOutcomes",
        values(
            "ratingParticipation",
            4L,
            "ratingCooperation",
            5L,
            "ratingResults",
            4L,
            "lessonsLearned",
            "ความร่วมมือ 3 ฝ่ายทำให้ทำงานใหญ่ได้",
            "recommendation",
            recommendation,
            "recommendationReason",
            "ผลการประเมิน"));
  }
}
