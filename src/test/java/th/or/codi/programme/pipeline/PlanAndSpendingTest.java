package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.processes.ProgrammeProcesses;
import th.or.codi.programme.provinces.ProvinceReferenceData;
import th.or.codi.programme.validation.FieldError;
import th.or.codi.programme.validation.SubmissionRejectedException;

/**
 * Issue 18 in the first three stages, driven as the parties drive them: money spent above the
 * approved forum and visit budgets needs a reason (the approved amount is the process's), the joint
 * plan's indicators (at least one, a target that is not the baseline), what each draft round
 * changed, and the option lists the registered plan gives the implementation.
 */
@ProcessTest
class PlanAndSpendingTest {

  /** A fiscal year of its own; each test a wave of it, so business keys never collide. */
  private static final int YEAR = 2580;

  private static final AtomicInteger WAVE = new AtomicInteger();

  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired ProvinceReferenceData referenceData;

  private Walkthrough drive;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    drive = PipelineDriver.create(engine, act, referenceData);
  }

  private String startNakhonSawan() {
    return drive.start("TH-60", YEAR, WAVE.incrementAndGet());
  }

  private ProcessInstance instance(String key, String processKey) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(key)
        .processDefinitionKey(processKey)
        .singleResult();
  }

  /** The errors of a refused submission (the engine wraps what its task listener threw). */
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

  private static Map<String, Object> forumReport(Object spent, String reason) {
    return Walkthrough.values(
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
        "forumEvidenceLink",
        "https://example.org/forum",
        "forumMoneySpent",
        spent,
        "forumOverspendReason",
        reason,
        "forumDecision",
        "proceed",
        "forumDecisionReason",
        "");
  }

  private static Map<String, Object> lessons(Object spent, String reason) {
    return Walkthrough.values(
        "visitLessons", "การจัดการตนเองเริ่มจากข้อมูลชุมชน",
        "visitAdaptations", "ทำแผนข้อมูลตำบล",
        "visitEvidenceLink", "https://example.org/visit",
        "visitMoneySpent", spent,
        "visitOverspendReason", reason);
  }

  // ------------------------------------------------------------------------ forum

  @Test
  void aForumThatSpentMoreThanItsApprovedPlanNeedsAReason() {
    String key = startNakhonSawan();
    drive.planForum(key, "TH-60"); // 25,000 baht from CODI
    drive.reviewForum(key, "approve", "approve");
    act.fireTimer(key, "Event_ForumDay");
    assertThat(instance(key, ProgrammeProcesses.UNDERSTANDING_FORUM))
        .variables()
        .containsEntry("forumBudgetSource", "codi");

    assertThat(
            rejected(
                () ->
                    drive.complete(
                        "nakhonsawan", key, "Activity_ReportForum", forumReport(25000.01, ""))))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("forumOverspendReason");
              assertThat(e.th()).contains("25,000.01 บาท").contains("25,000 บาท");
              assertThat(e.en()).contains("above the approved 25,000 THB");
            });
    // exactly the approved amount needs no reason; above it with one is accepted
    drive.complete("nakhonsawan", key, "Activity_ReportForum", forumReport(25000.0, ""));
    assertThat(instance(key, ProgrammeProcesses.STUDY_VISIT)).isNotNull();
  }

  @Test
  void aForumOverspendWithItsReasonIsAccepted() {
    String key = startNakhonSawan();
    drive.planForum(key, "TH-60");
    drive.reviewForum(key, "approve", "approve");
    act.fireTimer(key, "Event_ForumDay");
    drive.complete(
        "nakhonsawan",
        key,
        "Activity_ReportForum",
        forumReport(31200L, "ผู้เข้าร่วมมากกว่าที่คาด ค่าอาหารเพิ่มขึ้น"));
    assertThat(instance(key, ProgrammeProcesses.STUDY_VISIT)).isNotNull();
  }

  // ------------------------------------------------------------------------ study visit

  @Test
  void theVisitsApprovedBudgetIsTheReducedAmountAndSpendingAboveItNeedsAReason() {
    String key = startNakhonSawan();
    drive.forumStage(key, "TH-60");
    drive.planVisit(key); // 120,000 requested
    drive.decideBudget(key, "approve-reduced", 90000L);
    ProcessInstance visit = instance(key, ProgrammeProcesses.STUDY_VISIT);
    assertThat(visit).variables().containsEntry("visitBudgetApproved", 90000L);
    act.fireTimer(key, "Event_VisitEnded");

    assertThat(
            rejected(
                () ->
                    drive.complete(
                        "nakhonsawan", key, "Activity_ReportLessons", lessons(95000L, ""))))
        .extracting(FieldError::field, FieldError::en)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "visitOverspendReason",
                "“Money spent” (95,000 THB) is above the approved 90,000 THB:"
                    + " “Why more than approved was spent” is required"));
    drive.complete(
        "nakhonsawan",
        key,
        "Activity_ReportLessons",
        lessons(95000L, "ค่าที่พักในพื้นที่ดูงานสูงกว่าที่ประมาณไว้"));
    assertThat(instance(key, ProgrammeProcesses.JOINT_DESIGN)).isNotNull();
  }

  @Test
  void aVisitApprovedAsRequestedIsHeldAgainstTheRequest() {
    String key = startNakhonSawan();
    drive.forumStage(key, "TH-60");
    drive.planVisit(key);
    drive.decideBudget(key, "approve", null);
    assertThat(instance(key, ProgrammeProcesses.STUDY_VISIT))
        .variables()
        .containsEntry("visitBudgetApproved", 120000L);
    act.fireTimer(key, "Event_VisitEnded");
    drive.complete("nakhonsawan", key, "Activity_ReportLessons", lessons(120000L, ""));
    assertThat(instance(key, ProgrammeProcesses.JOINT_DESIGN)).isNotNull();
  }

  // ------------------------------------------------------------------------ joint design

  private Map<String, Object> draft(List<Map<String, Object>> activities, List<?> indicators) {
    return Walkthrough.values(
        "planObjectives",
        "สร้างกลไกความร่วมมือระดับจังหวัด",
        "planActivities",
        Walkthrough.json(activities),
        "planIndicatorList",
        Walkthrough.json(indicators),
        "planDurationMonths",
        12L);
  }

  private static Map<String, Object> activity(String name, Object budget, String source) {
    return Map.of(
        "activityName", name,
        "responsibleParty", "community",
        "activityMonth", 1,
        "activityBudget", budget,
        "budgetSource", source);
  }

  private String atDrafting() {
    String key = startNakhonSawan();
    drive.forumStage(key, "TH-60");
    drive.visitStage(key, "TH-60");
    return key;
  }

  @Test
  void aJointPlanNeedsAnIndicatorWhoseTargetIsNotItsBaseline() {
    String key = atDrafting();
    List<Map<String, Object>> lines = List.of(activity("เวทีสภาองค์กรชุมชน", 50000, "codi"));
    assertThat(
            rejected(
                () ->
                    drive.complete(
                        drive.joint(key), key, "Activity_DraftJointPlan", draft(lines, List.of()))))
        .extracting(FieldError::field)
        .containsExactly("planIndicatorList");

    Map<String, Object> flat = new HashMap<>(Walkthrough.INDICATORS.get(0));
    flat.put("indicatorTarget", 120);
    assertThat(
            rejected(
                () ->
                    drive.complete(
                        drive.joint(key),
                        key,
                        "Activity_DraftJointPlan",
                        draft(lines, List.of(Walkthrough.INDICATORS.get(1), flat)))))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("planIndicatorList[2].indicatorTarget");
              assertThat(e.th()).contains("“ค่าเป้าหมาย” (120) ต้องต่างจาก “ค่าฐาน”");
              assertThat(e.en()).contains("item 2").contains("must differ from “Baseline”");
            });
  }

  @Test
  void eachRoundSaysWhatChangedAndTheRegisteredPlanOffersItsLinesAndIndicators() {
    String key = atDrafting();
    ProcessInstance design = instance(key, ProgrammeProcesses.JOINT_DESIGN);
    drive.draftPlan(key);
    assertThat(design)
        .variables()
        .containsEntry("planChanges", "ร่างแรก / First draft")
        .containsEntry("planBudgetCodi", 30000.0)
        .containsEntry("planBudgetThaiHealth", 50000.0)
        .containsEntry("planBudgetOther", 0.0)
        .hasEntrySatisfying(
            "planIndicators",
            text ->
                assertThat((String) text)
                    .startsWith(
                        "1. ครัวเรือนที่ทำบัญชีครัวเรือน: ค่าฐาน 120 → เป้าหมาย 400 ครัวเรือน")
                    .contains("\n3. สมาชิกกองทุนสวัสดิการชุมชน"));
    drive.endorse(key, "TH-60", "endorse", "request-revision", "endorse");

    // round 2: the ThaiHealth line cut, a line from another source, an indicator dropped, longer
    List<Map<String, Object>> lines =
        List.of(
            activity("เวทีสภาองค์กรชุมชน", 42000.5, "thaihealth"),
            Map.of(
                "activityName", "พัฒนาศักยภาพแกนนำ",
                "responsibleParty", "codi",
                "activityMonth", 3,
                "activityBudget", 30000,
                "budgetSource", "codi"),
            activity("จัดทำบัญชีครัวเรือน", 8000, "other"));
    Map<String, Object> second = draft(lines, Walkthrough.INDICATORS.subList(0, 2));
    second.put("planDurationMonths", 18L);
    drive.complete(drive.joint(key), key, "Activity_DraftJointPlan", second);

    String changes = (String) engine.getRuntimeService().getVariable(design.getId(), "planChanges");
    assertThat(changes.split("\n"))
        .containsExactly(
            "กิจกรรมที่ 1 (เวทีสภาองค์กรชุมชน): งบประมาณ (บาท) จาก 50,000 เป็น 42,000.5"
                + " / Activity 1 (เวทีสภาองค์กรชุมชน): budget (THB) from 50,000 to 42,000.5",
            "เพิ่มกิจกรรมที่ 3: จัดทำบัญชีครัวเรือน / Activity 3 added: จัดทำบัญชีครัวเรือน",
            "ตัดตัวชี้วัดที่ 3 ออก: สมาชิกกองทุนสวัสดิการชุมชน"
                + " / Indicator 3 removed: สมาชิกกองทุนสวัสดิการชุมชน",
            "ระยะเวลาแผนจาก 12 เป็น 18 เดือน / Plan duration from 12 to 18 months");
    assertThat(design).variables().containsEntry("planBudgetOther", 8000.0);
    assertThat(act.task(key, "Activity_EndorsePlanCodi")).isNotNull();

    drive.endorse(key, "TH-60", "endorse", "endorse", "endorse");
    // the history keeps each round's changes
    List<Object> rounds =
        engine
            .getHistoryService()
            .createHistoricDetailQuery()
            .processInstanceId(design.getId())
            .variableUpdates()
            .list()
            .stream()
            .map(HistoricVariableUpdate.class::cast)
            .filter(u -> u.getVariableName().equals("planChanges"))
            .sorted(
                Comparator.comparing(HistoricVariableUpdate::getTime)
                    .thenComparing(HistoricVariableUpdate::getRevision))
            .map(HistoricVariableUpdate::getValue)
            .toList();
    assertThat(rounds).hasSize(2).first().isEqualTo("ร่างแรก / First draft");
    assertThat(rounds.get(1)).isEqualTo(changes);

    Object lineOptions = historic(design.getId(), "planLineOptions");
    assertThat(Spin.JSON(lineOptions.toString()).toString())
        .isEqualTo(
            Spin.JSON(
                    """
                    [{"label":"1. เวทีสภาองค์กรชุมชน (สสส. / ThaiHealth)","value":"1"},
                     {"label":"2. พัฒนาศักยภาพแกนนำ (พอช. / CODI)","value":"2"},
                     {"label":"3. จัดทำบัญชีครัวเรือน (อื่น ๆ / Other)","value":"3"}]""")
                .toString());
    Object indicatorOptions = historic(design.getId(), "planIndicatorOptions");
    assertThat(Spin.JSON(indicatorOptions.toString()).toString())
        .isEqualTo(
            Spin.JSON(
                    """
                    [{"label":"1. ครัวเรือนที่ทำบัญชีครัวเรือน (ครัวเรือน)","value":"1"},
                     {"label":"2. สภาองค์กรชุมชนตำบลที่มีแผนพัฒนาตำบล (ตำบล)","value":"2"}]""")
                .toString());
    // the implementation's reports get them (its selects' valuesKey)
    assertThat(instance(key, ProgrammeProcesses.PIPELINE))
        .variables()
        .containsKeys("planLineOptions", "planIndicatorOptions");
  }

  private Object historic(String processInstanceId, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableName(name)
        .singleResult()
        .getValue();
  }
}
