package th.or.codi.programme.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.JointProgrammeApplication;

/**
 * The demo as a newcomer finds it the next day: the demo programme with the demo durations of
 * application-demo.yaml, nobody working, and the engine's clock moved on minute by minute for 24
 * hours, every due job executed as the job executor would. Each kind of timer fires within the
 * first hour or so, and the task lists stay readable: a province never has more than {@value
 * #MOST_OPEN_PER_PROVINCE} open tasks, the regional list never more than {@value
 * #MOST_OPEN_REGIONAL}, and the quarterly review reaches the working group {@value
 * #QUARTERLY_REVIEWS} times, not every half hour. The durations and their reasons are in
 * docs/operations.md ("Demo timers").
 */
class DemoTimersIT {

  /**
   * Nakhon Sawan in implementation: the plan to carry out and at most three monthly reports (the
   * demo's own and two by the cycle), each with no review yet; the others hold fewer.
   */
  static final int MOST_OPEN_PER_PROVINCE = 4;

  /** The two quarterly reviews of the bounded demo cycle, and the stage follow-ups. */
  static final int MOST_OPEN_REGIONAL = 2;

  static final int QUARTERLY_REVIEWS = 2;

  /**
   * The next day: Chai Nat's two forum-plan reviews and managers' follow-up, Saraburi's budget
   * approval and follow-up, Nakhon Sawan's evaluation, the two quarterly reviews.
   */
  static final int MOST_OPEN_NEXT_DAY = 8;

  static final int MINUTES = 24 * 60;

  @TempDir Path dataDir;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDayOfDemoTimersLeavesReadableTaskLists() {
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(JointProgrammeApplication.class)
            .profiles("demo")
            .run(
                "--PROGRAMME_DATA_DIR=" + dataDir,
                "--server.port=0",
                "--programme.demo.data=true",
                "--camunda.bpm.process-engine-name=demoTimersTest",
                "--camunda.bpm.job-execution.enabled=false")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      Date start = ClockUtil.getCurrentTime();
      Map<String, Integer> mostOpen = new TreeMap<>();
      Map<String, Integer> firstFired = new TreeMap<>();
      for (int minute = 1; minute <= MINUTES; minute++) {
        // a minute and a millisecond per step: the clock never stands exactly on a due date
        // computed from another step's time, as a real clock does not (at exactly the last
        // instant of a timer cycle the engine would schedule that instant again)
        ClockUtil.setCurrentTime(new Date(start.getTime() + minute * 60_001L));
        for (String fired : executeDueJobs(engine.getManagementService())) {
          firstFired.putIfAbsent(fired, minute);
        }
        openTasksPerProvince(engine)
            .forEach((province, open) -> mostOpen.merge(province, open, Math::max));
        if (minute == 60 || minute == MINUTES) {
          System.out.printf(
              "after %d min: open %s, overdue %s%n",
              minute, openTasksPerProvince(engine), overduePerProvince(engine));
        }
      }
      System.out.println("first fired (minute): " + firstFired);
      System.out.println("most open tasks: " + mostOpen);

      long quarterlyReviews =
          engine
              .getHistoryService()
              .createHistoricTaskInstanceQuery()
              .taskDefinitionKey("Activity_RecordQuarterlyReview")
              .count();
      assertThat(quarterlyReviews).as("quarterly reviews in a day").isEqualTo(QUARTERLY_REVIEWS);
      assertThat(mostOpen)
          .as("open tasks of each province at any minute of the day")
          .containsKeys("นครสวรรค์", "สระบุรี", "ชัยนาท")
          .allSatisfy(
              (province, open) ->
                  assertThat(open)
                      .as(province)
                      .isLessThanOrEqualTo(
                          province.equals(REGIONAL) ? MOST_OPEN_REGIONAL : MOST_OPEN_PER_PROVINCE));
      List<String> kinds =
          List.of(
              "Event_MonthlyReportDue",
              "StartEvent_QuarterDue",
              "Event_PlanEndPassed",
              "Event_ForumStageOverrun",
              "Event_VisitStageOverrun",
              "Activity_CarryOutPlan",
              "Activity_SubmitMonthlyReport",
              "Activity_ReviewForumPlanCodi",
              "Activity_ApproveVisitBudget",
              "Activity_RecordQuarterlyReview",
              "Activity_FollowUpForumOverrun");
      assertThat(firstFired)
          .as("timers fired (first minute)")
          .containsKeys(kinds.toArray(String[]::new));
      for (String kind : kinds) {
        assertThat(firstFired.get(kind))
            .as(kind + " fires within the first 65 minutes")
            .isLessThanOrEqualTo(65);
      }
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricTaskInstanceQuery()
                  .taskDefinitionKey("Activity_SubmitMonthlyReport")
                  .count())
          .as(
              "monthly reports in a day: the demo's own three (two reported, one open) and two by"
                  + " the bounded cycle")
          .isEqualTo(5);
      Map<String, Integer> nextDay = openTasksPerProvince(engine);
      assertThat(nextDay.get("นครสวรรค์"))
          .as("the next day Nakhon Sawan's implementation has closed: only its evaluation is open")
          .isEqualTo(1);
      assertThat(
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceBusinessKey(DemoData.NAKHON_SAWAN)
                  .singleResult()
                  .getTaskDefinitionKey())
          .isEqualTo("Activity_EvaluateOutcomes");
      assertThat(nextDay.values().stream().mapToInt(Integer::intValue).sum())
          .as("open tasks the next day, all lists together")
          .isLessThanOrEqualTo(MOST_OPEN_NEXT_DAY);
    }
  }

  static final String REGIONAL = "(ภาค / regional)";

  /** Executes every job due by the engine's clock, also those the executed ones create. */
  private static List<String> executeDueJobs(ManagementService management) {
    List<String> fired = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return fired;
      }
      for (Job job : due) {
        if (management.createJobQuery().jobId(job.getId()).count() == 0) {
          // an earlier job of the round removed it (an interrupting timer ended its scope)
          continue;
        }
        JobDefinition definition =
            job.getJobDefinitionId() == null
                ? null
                : management
                    .createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId())
                    .singleResult();
        management.executeJob(job.getId());
        if (definition != null && definition.getJobType().startsWith("timer-")) {
          fired.add(definition.getActivityId());
        }
      }
    }
    throw new AssertionError("jobs keep creating due jobs");
  }

  private static Map<String, Integer> openTasksPerProvince(ProcessEngine engine) {
    return count(engine, engine.getTaskService().createTaskQuery().list());
  }

  private static Map<String, Integer> overduePerProvince(ProcessEngine engine) {
    return count(
        engine,
        engine.getTaskService().createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).list());
  }

  private static Map<String, Integer> count(ProcessEngine engine, List<Task> tasks) {
    Map<String, Integer> perProvince = new TreeMap<>();
    for (Task task : tasks) {
      Object province = engine.getTaskService().getVariableLocal(task.getId(), "provinceName");
      perProvince.merge(province == null ? REGIONAL : province.toString(), 1, Integer::sum);
    }
    return perProvince;
  }
}
