package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.provinces.ProvinceReferenceData;
import th.or.codi.programme.validation.CamundaForm;
import th.or.codi.programme.validation.CamundaForm.ShownValue;

/**
 * Every value a form shows read-only has a value when its task is opened: each path of every model
 * is driven (the happy path, every rejection and revision loop, every escalation, the regional
 * programme's tasks), and every task, when it is about to be completed and whatever is still open
 * at the end, is opened as Tasklist opens it (its deployed form, its form variables). For each
 * disabled or read-only field, each variable a text view names ({@code {{ x }}}, FEEL), and the
 * options of a read-only select ({@link CamundaForm#shownValues}), the variable must be there and
 * not null, unless the component (or a group around it) is hidden by its {@code conditional.hide}
 * at that moment. All gaps are listed at once. The fiscal years 2589 and 2600 are this class's.
 */
@ProcessTest
class ShownValuesTest {

  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired ProvinceReferenceData referenceData;

  private Walkthrough drive;
  private final Set<String> gaps = new LinkedHashSet<>();
  private final Set<String> opened = new TreeSet<>();

  @BeforeEach
  void init() {
    drive =
        new Walkthrough(
            act,
            code ->
                switch (code) {
                  case "TH-60" -> "nakhonsawan";
                  case "TH-19" -> "saraburi";
                  case "TH-18" -> "chainat";
                  default ->
                      PipelineDriver.memberOf(
                          engine,
                          referenceData.requireByCode(code).communityGroupId(),
                          referenceData.requireByCode(code).jointGroupId());
                },
            task -> {
              PipelineDriver.assertFormResolves(engine, task);
              check(task);
            });
  }

  @AfterEach
  void noGaps() {
    assertThat(gaps)
        .as("values shown read-only without a value (tasks opened: " + opened + ")")
        .isEmpty();
  }

  // ------------------------------------------------------------------------ the check

  /** Opens the task as Tasklist does and records every shown value that has none. */
  private void check(Task task) {
    String form;
    try (InputStream in = engine.getFormService().getDeployedTaskForm(task.getId())) {
      form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    VariableMap values = engine.getFormService().getTaskFormVariables(task.getId());
    opened.add(task.getTaskDefinitionKey());
    for (ShownValue shown : CamundaForm.shownValues(form)) {
      if (shown.hiddenWhen().stream().anyMatch(hide -> hidden(hide, values))) {
        continue;
      }
      // A date the form shows as written by thaiDates ("planStartDateThai") is always set, to "-"
      // when the date itself is missing: what must have a value is the date it is written from.
      String variable = shown.variable();
      if (variable.endsWith(ThaiDates.SUFFIX)
          && ThaiDates.SHOWN.contains(
              variable.substring(0, variable.length() - ThaiDates.SUFFIX.length()))) {
        variable = variable.substring(0, variable.length() - ThaiDates.SUFFIX.length());
      }
      if (values.get(variable) == null) {
        gaps.add(
            task.getTaskDefinitionKey()
                + " ("
                + CamundaForm.parse(form).id()
                + "): "
                + shown.component()
                + " shows '"
                + variable
                + "', which has no value");
      }
    }
  }

  /** Opens every task still open in the instances with this business key (stages included). */
  private void checkOpenTasks(String businessKey) {
    for (Task task :
        engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).list()) {
      check(task);
    }
  }

  private static final Pattern TERM =
      Pattern.compile("\\s*([A-Za-z_]\\w*)\\s*(!=|=)\\s*(null|\"[^\"]*\"|true|false|-?\\d+)\\s*");

  /**
   * A {@code conditional.hide} of the forms' kind: comparisons of a variable with null or a
   * literal, joined by {@code or}. Another kind fails the test, so that it is taught here first.
   */
  static boolean hidden(String expression, VariableMap values) {
    boolean hidden = false;
    for (String term : expression.split("\\bor\\b")) {
      Matcher m = TERM.matcher(term);
      if (!m.matches()) {
        throw new AssertionError("a conditional.hide this test cannot read: " + expression);
      }
      Object value = values.get(m.group(1));
      String literal = m.group(3);
      boolean equal =
          "null".equals(literal)
              ? value == null
              : value != null
                  && String.valueOf(value)
                      .equals(
                          literal.startsWith("\"")
                              ? literal.substring(1, literal.length() - 1)
                              : literal);
      hidden |= "=".equals(m.group(2)) ? equal : !equal;
    }
    return hidden;
  }

  @Test
  void theHideConditionsAreReadAsTheFormsMeanThem() {
    VariableMap values = org.camunda.bpm.engine.variable.Variables.createVariables();
    values.put("budgetDecision", "reject");
    assertThat(hidden("budgetDecision != \"reject\"", values)).isFalse();
    assertThat(hidden("endorseCodi = null", values)).isTrue();
    assertThat(hidden("budgetDecision = null or budgetDecision = \"approve\"", values)).isFalse();
    values.put("budgetDecision", "approve");
    assertThat(hidden("budgetDecision = null or budgetDecision = \"approve\"", values)).isTrue();
  }

  @Test
  void aFormsReadOnlyValuesAreFoundInFieldsTextsAndLists() {
    List<String> variables = new ArrayList<>();
    CamundaForm.shownValues(
            """
            {"id": "f", "components": [
              {"type": "text", "id": "T", "text": "เริ่ม / Starts {{ if planStartDate = null then \\"-\\" else string(date(planStartDate).day) }} ({{wave}})"},
              {"type": "textfield", "id": "A", "key": "agreementNumber", "disabled": true},
              {"type": "textfield", "id": "B", "key": "typedByThePerson"},
              {"type": "dynamiclist", "id": "L", "path": "planActivities", "components": [
                {"type": "number", "id": "C", "key": "activityBudget", "readonly": true}]}]}""")
        .forEach(shown -> variables.add(shown.variable()));
    assertThat(variables)
        .containsExactlyInAnyOrder(
            "planStartDate", "planStartDate", "wave", "agreementNumber", "planActivities");
  }

  // ------------------------------------------------------------------------ the paths

  @Test
  void everyTaskOfEveryPathOfAPipelineShowsItsValues() {
    String key = drive.start("TH-60", 2589, 1);

    // stage 1: an overrun, changes requested, another forum, then the province proceeds
    act.fireTimer(key, "Event_ForumStageOverrun");
    drive.complete(
        "manager",
        key,
        "Activity_FollowUpForumOverrun",
        Walkthrough.values("overrunAction", "support", "overrunNote", "ส่งพี่เลี้ยงช่วยวางแผน"));
    drive.planForum(key, "TH-60");
    drive.reviewForum(key, "approve", "request-changes");
    drive.planForum(key, "TH-60");
    drive.reviewForum(key, "approve", "approve");
    act.fireTimer(key, "Event_ForumDay");
    drive.reportForum(key, "TH-60", "another-forum");
    drive.forumStage(key, "TH-60");

    // stage 2: an overrun, the budget rejected, then approved reduced
    act.fireTimer(key, "Event_VisitStageOverrun");
    drive.complete(
        "manager",
        key,
        "Activity_FollowUpVisitOverrun",
        Walkthrough.values("overrunAction", "extend", "overrunNote", "ขยายเวลา"));
    drive.planVisit(key);
    drive.decideBudget(key, "reject", null);
    drive.planVisit(key);
    drive.decideBudget(key, "approve-reduced", 90000L);
    act.fireTimer(key, "Event_VisitEnded");
    drive.reportLessons(key, "TH-60");

    // stage 3: an overrun, revisions until managers decide, twice
    act.fireTimer(key, "Event_DesignStageOverrun");
    drive.complete(
        "manager",
        key,
        "Activity_FollowUpDesignOverrun",
        Walkthrough.values("overrunAction", "note", "overrunNote", "รับทราบ"));
    for (int round = 1; round <= 3; round++) {
      drive.draftPlan(key);
      drive.endorse(key, "TH-60", "endorse", "request-revision", "endorse");
    }
    drive.complete(
        "manager",
        key,
        "Activity_DecideStalledPlan",
        Walkthrough.values(
            "stalledPlanDecision", "another-revision", "stalledPlanNote", "ให้ปรับอีกครั้ง"));
    drive.draftPlan(key);
    drive.endorse(key, "TH-60", "endorse", "endorse", "request-revision");
    drive.complete(
        "manager",
        key,
        "Activity_DecideStalledPlan",
        Walkthrough.values(
            "stalledPlanDecision", "endorse-as-is", "stalledPlanNote", "รับรองตามที่เป็นอยู่"));

    // stage 4: on track, off track and an intervention, completed
    drive.monthlyReport(key, "TH-60", "on-track");
    drive.monthlyReport(key, "TH-60", "off-track");
    drive.complete(
        "manager",
        key,
        "Activity_DecideIntervention",
        Walkthrough.values(
            "interventionType", "support", "intervention", "ส่งทีมพี่เลี้ยงลงพื้นที่"));
    drive.completePlan(key, "TH-60");

    // stage 5: another design cycle, then stop
    drive.evaluate(key, "another-cycle");
    drive.designStage(key, "TH-60");
    drive.completePlan(key, "TH-60");
    drive.evaluate(key, "stop");
    checkOpenTasks(key);
  }

  @Test
  void aPlanWhoseEndPassesWithoutACompletionReportShowsItsValues() {
    String key = drive.start("TH-60", 2589, 2);
    drive.forumStage(key, "TH-60");
    drive.visitStage(key, "TH-60");
    drive.designStage(key, "TH-60");
    checkOpenTasks(key);
    // the carry-out task as it waits, and the monthly report due
    act.fireTimer(key, "Event_MonthlyReportDue");
    checkOpenTasks(key);
    drive.complete(
        "nakhonsawan",
        key,
        "Activity_SubmitMonthlyReport",
        Walkthrough.values(
            "reportMonth",
            "2026-12",
            "activitiesDone",
            "จัดเวทีสภาองค์กรชุมชน",
            "monthlySpending",
            Walkthrough.spending(
                Walkthrough.line(1, "thaihealth", 12000), Walkthrough.line(2, "codi", 0)),
            "indicatorProgress",
            Walkthrough.progress(130, 3, 850),
            "problems",
            "",
            "progressStatus",
            "on-track"));
    act.fireTimer(key, "Event_PlanEndPassed");
    checkOpenTasks(key);
    drive.evaluate(key, "expand");
  }

  @Test
  void theRegionalProgrammesTasksShowTheirValues() {
    ProcessInstance programme =
        act.start(
            "manager",
            "regionalProgramme",
            "PROGRAMME-2600",
            Walkthrough.values(
                "programmeName",
                "โครงการความร่วมมือ พอช.–สสส. ปี 2600",
                "fiscalYear",
                2600L,
                "region",
                "central-west"));
    String key = "PROGRAMME-2600";
    act.fireTimer(key, "StartEvent_QuarterDue");
    checkOpenTasks(key);
    drive.complete(
        "thaihealth",
        key,
        "Activity_RecordQuarterlyReview",
        Walkthrough.values(
            "meetingDate",
            Walkthrough.inDays(-1),
            "attendeesCodi",
            3L,
            "attendeesThaiHealth",
            2L,
            "attendeesCommunity",
            6L,
            "minutes",
            "ทบทวนความก้าวหน้า",
            "minutesLink",
            "https://example.org/minutes",
            "followUpActions",
            "ติดตามงบประมาณ"));
    drive.complete(
        "codi",
        key,
        "Activity_ChooseWaveProvinces",
        Walkthrough.values(
            "waveProvinces",
            Walkthrough.json(List.of("TH-19")),
            "selectionNote",
            "ตามผลประเมินความพร้อม"));
    String saraburi = "TH-19/2600-1";
    drive.planForum(saraburi, "TH-19");
    drive.reviewForum(saraburi, "approve", "approve");
    act.fireTimer(saraburi, "Event_ForumDay");
    drive.reportForum(saraburi, "TH-19", "withdraw");
    act.runAsyncContinuations(programme.getId());
    checkOpenTasks(key);
    drive.complete(
        "manager",
        key,
        "Activity_ReviewWave",
        Walkthrough.values("waveDecision", "close", "decisionNote", "ปิดโครงการปีนี้"));
  }
}
