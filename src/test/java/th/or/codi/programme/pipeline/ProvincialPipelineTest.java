package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.processes.ProgrammeProcesses;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * Every path of the provincial pipeline and its stages, driven as the parties drive it. Each test
 * uses its own fiscal year so business keys never collide.
 */
@ProcessTest
class ProvincialPipelineTest {

  private static final AtomicInteger YEAR = new AtomicInteger(2562);

  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired ProvinceReferenceData referenceData;
  @Autowired TimerProperties timers;

  private Walkthrough drive;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    drive = PipelineDriver.create(engine, act, referenceData);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String startNakhonSawan() {
    return drive.start("TH-60", YEAR.incrementAndGet(), 1);
  }

  private ProcessInstance pipeline(String key) {
    return instance(key, ProgrammeProcesses.PIPELINE);
  }

  private ProcessInstance instance(String key, String processKey) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(key)
        .processDefinitionKey(processKey)
        .singleResult();
  }

  private HistoricProcessInstance history(String key, String processKey) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(key)
        .processDefinitionKey(processKey)
        .singleResult();
  }

  private Object variable(String key, String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(history(key, ProgrammeProcesses.PIPELINE).getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private long timesEntered(ProcessInstance instance, String activityId) {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .count();
  }

  // ------------------------------------------------------------------------ happy path

  @Test
  void happyPathThroughAllFiveStages() {
    String key = startNakhonSawan();
    assertThat(key).isEqualTo("TH-60/" + YEAR.get() + "-1");
    ProcessInstance pipeline = pipeline(key);
    assertThat(pipeline)
        .isWaitingAt("Activity_UnderstandingForum")
        .variables()
        .containsEntry("provinceName", "นครสวรรค์")
        .containsEntry("communityGroup", "community-nakhon-sawan")
        .containsEntry("stageKey", "understanding-forum")
        .containsEntry("stage", "1 เวทีทำความเข้าใจ / Understanding forum");

    ProcessInstance forum = instance(key, ProgrammeProcesses.UNDERSTANDING_FORUM);
    assertThat(forum).isWaitingAt("Activity_PlanForum");
    Task planForum = act.task(key, "Activity_PlanForum");
    assertThat(planForum).hasCandidateGroup("community-nakhon-sawan");
    assertThat(planForum.getDueDate())
        .as("due the configured time after it was created")
        .isCloseTo(
            new Date(
                planForum.getCreateTime().getTime()
                    + Duration.parse(timers.taskDue().get("plan-forum")).toMillis()),
            2000);
    drive.planForum(key, "TH-60");
    assertThat(forum)
        .isWaitingAt("Activity_ReviewForumPlanCodi", "Activity_ReviewForumPlanThaiHealth");
    assertThat(act.task(key, "Activity_ReviewForumPlanCodi")).hasCandidateGroup("codi");
    assertThat(act.task(key, "Activity_ReviewForumPlanThaiHealth")).hasCandidateGroup("thaihealth");
    drive.reviewForum(key, "approve", "approve");
    assertThat(forum).isWaitingAt("Event_ForumDay");
    act.fireTimer(key, "Event_ForumDay");
    assertThat(act.task(key, "Activity_ReportForum")).hasCandidateGroup("community-nakhon-sawan");
    drive.reportForum(key, "TH-60", "proceed");
    assertThat(forum).isEnded().hasPassed("Event_ForumCompleted");

    assertThat(pipeline)
        .isWaitingAt("Activity_StudyVisit")
        .variables()
        .containsEntry("stageKey", "study-visit");
    assertThat(act.task(key, "Activity_PlanStudyVisit")).hasCandidateGroup("codi");
    drive.planVisit(key);
    assertThat(act.task(key, "Activity_ApproveVisitBudget")).hasCandidateGroup("thaihealth");
    drive.decideBudget(key, "approve", null);
    assertThat(instance(key, ProgrammeProcesses.STUDY_VISIT))
        .isWaitingAt("Event_VisitEnded")
        .variables()
        .containsEntry("approvedBudget", 120000L);
    act.fireTimer(key, "Event_VisitEnded");
    assertThat(act.task(key, "Activity_ReportLessons")).hasCandidateGroup("community-nakhon-sawan");
    drive.reportLessons(key, "TH-60");

    assertThat(pipeline)
        .isWaitingAt("Activity_JointDesign")
        .variables()
        .containsEntry("stageKey", "joint-design");
    assertThat(act.task(key, "Activity_DraftJointPlan")).hasCandidateGroup("joint-nakhon-sawan");
    drive.draftPlan(key);
    assertThat(instance(key, ProgrammeProcesses.JOINT_DESIGN))
        .variables()
        .containsEntry("planTotalBudget", 80000.0)
        .hasEntrySatisfying(
            "planSummary",
            s -> assertThat((String) s).contains("เวทีสภาองค์กรชุมชน").contains("80,000"));
    assertThat(act.task(key, "Activity_EndorsePlanCodi")).hasCandidateGroup("codi");
    assertThat(act.task(key, "Activity_EndorsePlanThaiHealth")).hasCandidateGroup("thaihealth");
    assertThat(act.task(key, "Activity_EndorsePlanCommunity"))
        .hasCandidateGroup("community-nakhon-sawan");
    drive.endorse(key, "TH-60", "endorse", "endorse", "endorse");
    assertThat(history(key, ProgrammeProcesses.JOINT_DESIGN).getState()).isEqualTo("COMPLETED");

    assertThat(pipeline)
        .isWaitingAt("Activity_Implementation")
        .variables()
        .containsEntry("stageKey", "implementation")
        .containsEntry("agreementNumber", "JP-" + YEAR.get() + "-TH60-C1")
        .containsKeys("planStartDate", "planEndDate");
    Task carryOut = act.task(key, "Activity_CarryOutPlan");
    assertThat(carryOut).hasCandidateGroup("community-nakhon-sawan");
    assertThat(carryOut.getDueDate()).as("carrying out the plan is due at its end").isNotNull();
    String planEnd =
        (String) engine.getRuntimeService().getVariable(pipeline.getId(), "planEndDate");
    assertThat(engine.getTaskService().getVariablesLocal(carryOut.getId()))
        .as("the form shows the plan's dates as ThaiCalendar writes them")
        .containsEntry(
            "planEndDateThai",
            ThaiCalendar.thaiDate(LocalDate.parse(planEnd)) + " (" + planEnd + ")")
        .containsKey("planStartDateThai");

    drive.monthlyReport(key, "TH-60", "on-track");
    drive.completePlan(key, "TH-60");
    assertThat(history(key, ProgrammeProcesses.IMPLEMENTATION).getState()).isEqualTo("COMPLETED");

    assertThat(pipeline)
        .isWaitingAt("Activity_EvaluateOutcomes")
        .variables()
        .containsEntry("stageKey", "evaluation")
        .containsEntry("implementationResult", "completed")
        .containsEntry("latestMonthlyStatus", "on-track");
    assertThat(act.task(key, "Activity_EvaluateOutcomes")).hasCandidateGroup("joint-nakhon-sawan");
    drive.evaluate(key, "expand");

    assertThat(pipeline).isEnded().hasPassed("Event_ModelExpanded");
    assertThat(variable(key, "outcome")).isEqualTo("expand");
    assertThat(variable(key, "stageKey")).isEqualTo("closed");
  }

  // ------------------------------------------------------------------------ understanding forum

  @Test
  void forumPlanChangesRequestedGoesBackToPlanningWithTheComments() {
    String key = startNakhonSawan();
    drive.planForum(key, "TH-60");
    drive.reviewForum(key, "approve", "request-changes");

    ProcessInstance forum = instance(key, ProgrammeProcesses.UNDERSTANDING_FORUM);
    assertThat(timesEntered(forum, "Activity_PlanForum")).as("planning again").isEqualTo(2);
    assertThat(forum)
        .isWaitingAt("Activity_PlanForum")
        .variables()
        .containsEntry("forumReviewThaiHealth", "request-changes")
        .containsEntry("forumReviewCommentThaiHealth", "ปรับงบประมาณ");

    drive.planForum(key, "TH-60");
    drive.reviewForum(key, "approve", "approve");
    assertThat(forum).isWaitingAt("Event_ForumDay");
  }

  @Test
  void anotherForumIsHeldThenTheProvinceProceeds() {
    String key = startNakhonSawan();
    drive.planForum(key, "TH-60");
    drive.reviewForum(key, "approve", "approve");
    act.fireTimer(key, "Event_ForumDay");
    drive.reportForum(key, "TH-60", "another-forum");

    ProcessInstance forum = instance(key, ProgrammeProcesses.UNDERSTANDING_FORUM);
    assertThat(forum).isWaitingAt("Activity_PlanForum").variables().containsEntry("forumRound", 2L);
    drive.forumStage(key, "TH-60");
    assertThat(pipeline(key)).isWaitingAt("Activity_StudyVisit");
  }

  @Test
  void provinceWithdrawnEndsThePipelineWithOutcomeWithdrawn() {
    String key = startNakhonSawan();
    drive.planForum(key, "TH-60");
    drive.reviewForum(key, "approve", "approve");
    act.fireTimer(key, "Event_ForumDay");
    drive.reportForum(key, "TH-60", "withdraw");

    assertThat(history(key, ProgrammeProcesses.UNDERSTANDING_FORUM).getEndActivityId())
        .isEqualTo("Event_ProvinceWithdrawn");
    assertThat(history(key, ProgrammeProcesses.PIPELINE).getEndActivityId())
        .isEqualTo("Event_Withdrawn");
    assertThat(variable(key, "outcome")).isEqualTo("withdrawn");
  }

  // ------------------------------------------------------------------------ study visit

  @Test
  void rejectedVisitBudgetGoesBackToPlanningAndAReducedAmountIsApproved() {
    String key = startNakhonSawan();
    drive.forumStage(key, "TH-60");
    drive.planVisit(key);
    drive.decideBudget(key, "reject", null);

    ProcessInstance visit = instance(key, ProgrammeProcesses.STUDY_VISIT);
    assertThat(timesEntered(visit, "Activity_PlanStudyVisit")).as("planning again").isEqualTo(2);
    assertThat(visit)
        .isWaitingAt("Activity_PlanStudyVisit")
        .variables()
        .containsEntry("budgetDecisionReason", "ลดจำนวนผู้เดินทาง");

    drive.planVisit(key);
    drive.decideBudget(key, "approve-reduced", 90000L);
    assertThat(visit)
        .isWaitingAt("Event_VisitEnded")
        .variables()
        .containsEntry("budgetDecision", "approve-reduced")
        .containsEntry("approvedBudget", 90000L);
  }

  // ------------------------------------------------------------------------ joint design

  @Test
  void revisionLoopThenManagersAllowAnotherRoundThenEndorseAsIs() {
    String key = startNakhonSawan();
    drive.forumStage(key, "TH-60");
    drive.visitStage(key, "TH-60");
    ProcessInstance design = instance(key, ProgrammeProcesses.JOINT_DESIGN);

    for (int round = 1; round <= 2; round++) {
      drive.draftPlan(key);
      drive.endorse(key, "TH-60", "endorse", "request-revision", "endorse");
      assertThat(design)
          .isWaitingAt("Activity_DraftJointPlan")
          .variables()
          .containsEntry("planRevisions", (long) round)
          .containsEntry("endorseCommentThaiHealth", "ความเห็น สสส.");
    }
    drive.draftPlan(key);
    drive.endorse(key, "TH-60", "request-revision", "endorse", "endorse");
    assertThat(design).isWaitingAt("Activity_DecideStalledPlan");
    assertThat(act.task(key, "Activity_DecideStalledPlan")).hasCandidateGroup("managers");

    drive.complete(
        "manager",
        key,
        "Activity_DecideStalledPlan",
        Walkthrough.values(
            "stalledPlanDecision", "another-revision", "stalledPlanNote", "ให้ปรับอีกครั้ง"));
    assertThat(design).isWaitingAt("Activity_DraftJointPlan");
    drive.draftPlan(key);
    drive.endorse(key, "TH-60", "endorse", "endorse", "request-revision");
    assertThat(design).isWaitingAt("Activity_DecideStalledPlan");

    drive.complete(
        "manager",
        key,
        "Activity_DecideStalledPlan",
        Walkthrough.values(
            "stalledPlanDecision", "endorse-as-is", "stalledPlanNote", "รับรองตามที่เป็นอยู่"));
    assertThat(design).isEnded().hasPassed("Activity_RegisterAgreement");
    assertThat(timesEntered(design, "Activity_DraftJointPlan")).isEqualTo(4);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(design.getId())
                .variableName("stalledPlanDecision")
                .singleResult()
                .getValue())
        .isEqualTo("endorse-as-is");
    assertThat(pipeline(key)).isWaitingAt("Activity_Implementation");
  }

  // ------------------------------------------------------------------------ implementation

  private String implementing() {
    String key = startNakhonSawan();
    drive.forumStage(key, "TH-60");
    drive.visitStage(key, "TH-60");
    drive.designStage(key, "TH-60");
    return key;
  }

  @Test
  void offTrackMonthlyReportGoesToManagersForAnIntervention() {
    String key = implementing();
    drive.monthlyReport(key, "TH-60", "on-track");
    assertThat(instance(key, ProgrammeProcesses.IMPLEMENTATION))
        .variables()
        .containsEntry("latestMonthlyStatus", "on-track")
        .containsEntry("monthlyReportCount", 1L);

    drive.monthlyReport(key, "TH-60", "off-track");
    Task intervention = act.task(key, "Activity_DecideIntervention");
    assertThat(intervention).hasCandidateGroup("managers");
    assertThat(instance(key, ProgrammeProcesses.IMPLEMENTATION))
        .isWaitingAt("Activity_CarryOutPlan", "Activity_DecideIntervention");
    drive.complete(
        "manager",
        key,
        "Activity_DecideIntervention",
        Walkthrough.values(
            "interventionType", "support", "intervention", "ส่งทีมพี่เลี้ยงลงพื้นที่"));
    assertThat(instance(key, ProgrammeProcesses.IMPLEMENTATION))
        .isWaitingAt("Activity_CarryOutPlan")
        .variables()
        .containsEntry("latestMonthlyStatus", "off-track")
        .containsEntry("latestIntervention", "ส่งทีมพี่เลี้ยงลงพื้นที่")
        .containsEntry("monthlyReportCount", 2L);
    assertThat(act.timer(key, "Event_MonthlyReportDue"))
        .as("monthly reports keep coming")
        .isNotNull();
  }

  @Test
  void planEndPassingWithoutACompletionReportClosesTheStageAndMovesOnToEvaluation() {
    String key = implementing();
    act.fireTimer(key, "Event_MonthlyReportDue");

    act.fireTimer(key, "Event_PlanEndPassed");

    assertThat(history(key, ProgrammeProcesses.IMPLEMENTATION).getEndActivityId())
        .isEqualTo("Event_NotCompletedOnTime");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey("Activity_SubmitMonthlyReport")
                .count())
        .as("open monthly report closed with the stage")
        .isZero();
    assertThat(pipeline(key))
        .isWaitingAt("Activity_EvaluateOutcomes")
        .variables()
        .containsEntry("implementationResult", "not-completed-on-time");
  }

  // ------------------------------------------------------------------------ evaluation

  @Test
  void evaluationCanRunAnotherCycleThenStop() {
    String key = implementing();
    drive.completePlan(key, "TH-60");
    drive.evaluate(key, "another-cycle");

    ProcessInstance pipeline = pipeline(key);
    assertThat(pipeline).isWaitingAt("Activity_JointDesign").variables().containsEntry("cycle", 2L);
    assertThat(timesEntered(pipeline, "Activity_JointDesign")).isEqualTo(2);
    drive.designStage(key, "TH-60");
    assertThat(instance(key, ProgrammeProcesses.IMPLEMENTATION))
        .variables()
        .containsEntry("agreementNumber", "JP-" + YEAR.get() + "-TH60-C2");
    drive.completePlan(key, "TH-60");
    drive.evaluate(key, "stop");
    assertThat(pipeline).isEnded().hasPassed("Event_PipelineStopped");
    assertThat(variable(key, "outcome")).isEqualTo("stop");
  }

  // ------------------------------------------------------------------------ what a stage is given

  @Test
  void aStageHoldsThePipelinesIdentityAndWhatItReadsButNotEarlierStagesOtherAnswers() {
    String key = startNakhonSawan();
    drive.forumStage(key, "TH-60");
    drive.visitStage(key, "TH-60");
    drive.designStage(key, "TH-60");

    // the forum's and the visit's answers are the pipeline's, not the implementation stage's
    assertThat(variableNames(key, ProgrammeProcesses.PIPELINE))
        .contains("forumDecision", "venue", "visitLessons", "approvedBudget");
    assertThat(variableNames(key, ProgrammeProcesses.IMPLEMENTATION))
        .doesNotContain("forumDecision", "venue", "visitLessons", "approvedBudget")
        // what its forms show from the joint design (its stage-inputs), and who the pipeline is
        .contains("agreementNumber", "planSummary", "planEndDate")
        .containsAll(
            List.of(
                "provinceCode", "provinceName", "wave", "fiscalYear", "communityGroup", "stage"));
    // the stage's results still reach the pipeline
    drive.monthlyReport(key, "TH-60", "on-track");
    drive.completePlan(key, "TH-60");
    assertThat(variableNames(key, ProgrammeProcesses.PIPELINE))
        .contains("completionSummary", "implementationResult");
  }

  /** The names of the instance's own variables (not its tasks'). */
  private Set<String> variableNames(String key, String processKey) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(history(key, processKey).getId())
        .list()
        .stream()
        .filter(v -> v.getTaskId() == null)
        .map(v -> v.getName())
        .collect(Collectors.toSet());
  }

  // ------------------------------------------------------------------------ timers for monitoring

  @Test
  void overdueTaskIsRemindedWithHigherPriorityAndARecordedComment() {
    String key = startNakhonSawan();
    Task plan = act.task(key, "Activity_PlanForum");
    assertThat(plan.getDueDate()).isAfter(new Date());
    assertThat(plan.getPriority()).isEqualTo(50);

    var reminder =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(plan.getProcessInstanceId())
            .timers()
            .activityId("Activity_PlanForum")
            .singleResult();
    assertThat(reminder.getDuedate())
        .isCloseTo(plan.getDueDate(), Duration.ofSeconds(5).toMillis());
    ClockUtil.setCurrentTime(new Date(plan.getDueDate().getTime() + 1000));
    engine.getManagementService().executeJob(reminder.getId());

    Task reminded = engine.getTaskService().createTaskQuery().taskId(plan.getId()).singleResult();
    assertThat(reminded.getPriority()).isEqualTo(75);
    List<Comment> comments = engine.getTaskService().getTaskComments(plan.getId());
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).getFullMessage())
        .startsWith("แจ้งเตือนครั้งที่ 1: งานนี้เลยกำหนด")
        .contains("Reminder 1");
    assertThat(engine.getTaskService().getVariableLocal(plan.getId(), "reminders")).isEqualTo(1);
  }

  @Test
  void reminderIsSkippedWhenTheDueDateWasMovedLater() {
    String key = startNakhonSawan();
    Task plan = act.task(key, "Activity_PlanForum");
    plan.setDueDate(new Date(plan.getDueDate().getTime() + Duration.ofDays(7).toMillis()));
    engine.getTaskService().saveTask(plan);
    var reminder =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(plan.getProcessInstanceId())
            .timers()
            .activityId("Activity_PlanForum")
            .singleResult();

    engine.getManagementService().executeJob(reminder.getId());

    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(plan.getId())
                .singleResult()
                .getPriority())
        .isEqualTo(50);
    assertThat(engine.getTaskService().getTaskComments(plan.getId())).isEmpty();
  }

  @Test
  void overrunningStagesEscalateToManagersWithoutStopping() {
    String key = startNakhonSawan();
    act.fireTimer(key, "Event_ForumStageOverrun");
    Task followUp = act.task(key, "Activity_FollowUpForumOverrun");
    assertThat(followUp).hasCandidateGroup("managers");
    assertThat(instance(key, ProgrammeProcesses.UNDERSTANDING_FORUM))
        .as("the stage goes on")
        .isWaitingAt("Activity_PlanForum");
    drive.complete(
        "manager",
        key,
        "Activity_FollowUpForumOverrun",
        Walkthrough.values("overrunAction", "support", "overrunNote", "ส่งพี่เลี้ยงช่วยวางแผน"));
    assertThat(pipeline(key))
        .hasPassed("Event_ForumOverrunFollowedUp")
        .isWaitingAt("Activity_UnderstandingForum");

    drive.forumStage(key, "TH-60");
    act.fireTimer(key, "Event_VisitStageOverrun");
    drive.complete(
        "manager",
        key,
        "Activity_FollowUpVisitOverrun",
        Walkthrough.values("overrunAction", "extend", "overrunNote", "ขยายเวลา"));
    drive.visitStage(key, "TH-60");
    act.fireTimer(key, "Event_DesignStageOverrun");
    drive.complete(
        "manager",
        key,
        "Activity_FollowUpDesignOverrun",
        Walkthrough.values("overrunAction", "note", "overrunNote", "รับทราบ"));
    assertThat(pipeline(key))
        .hasPassed("Event_VisitOverrunFollowedUp", "Event_DesignOverrunFollowedUp")
        .isWaitingAt("Activity_JointDesign");
  }
}
