package th.or.codi.programme.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.JointProgrammeApplication;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * What the README's run command shows a newcomer: on an empty database the demo starts the
 * programme of fiscal year 2562 with its three pilots at different stages, and each demo user finds
 * work of their own. A restart adds nothing.
 */
class DemoDataIT {

  @TempDir Path dataDir;

  @Test
  void pilotsStandAtDifferentStagesAndEachPartyHasWork() {
    try (ConfigurableApplicationContext app = start()) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);

      assertThat(stages(engine))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "TH-18/2562-1", "understanding-forum",
                  "TH-19/2562-1", "study-visit",
                  "TH-60/2562-1", "implementation"));
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processDefinitionKey(ProgrammeProcesses.PROGRAMME)
                  .processInstanceBusinessKey("PROGRAMME-2562")
                  .count())
          .isOne();

      assertThat(tasksOf(engine, "nakhonsawan", "community-nakhon-sawan", "joint-nakhon-sawan"))
          .contains(
              "TH-60/2562-1 Activity_CarryOutPlan", "TH-60/2562-1 Activity_SubmitMonthlyReport")
          .noneMatch(t -> t.startsWith("TH-19") || t.startsWith("TH-18"));
      assertThat(tasksOf(engine, "codi", "codi", "working-group"))
          .containsExactly("TH-18/2562-1 Activity_ReviewForumPlanCodi");
      assertThat(tasksOf(engine, "thaihealth", "thaihealth", "working-group"))
          .containsExactlyInAnyOrder(
              "TH-18/2562-1 Activity_ReviewForumPlanThaiHealth",
              "TH-19/2562-1 Activity_ApproveVisitBudget");
      assertThat(tasksOf(engine, "chainat", "community-chai-nat", "joint-chai-nat"))
          .as("Chai Nat's forum plan is with CODI and ThaiHealth")
          .isEmpty();
      assertThat(tasksOf(engine, "saraburi", "community-saraburi", "joint-saraburi"))
          .as("Saraburi waits for ThaiHealth's budget decision and sees nobody else's tasks")
          .isEmpty();

      Task monthlyReport =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceBusinessKey("TH-60/2562-1")
              .taskDefinitionKey("Activity_SubmitMonthlyReport")
              .singleResult();
      assertThat(monthlyReport.getDueDate()).as("the monthly report has a due date").isNotNull();
    }
    try (ConfigurableApplicationContext app = start()) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey(ProgrammeProcesses.PIPELINE)
                  .count())
          .as("a restart starts nothing twice")
          .isEqualTo(3);
    }
  }

  private static Map<String, String> stages(ProcessEngine engine) {
    Map<String, String> stages = new TreeMap<>();
    for (ProcessInstance pipeline :
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(ProgrammeProcesses.PIPELINE)
            .list()) {
      stages.put(
          pipeline.getBusinessKey(),
          (String) engine.getRuntimeService().getVariable(pipeline.getId(), "stageKey"));
    }
    return stages;
  }

  /** The tasks the user may see, as the REST API and Tasklist show them (authorization on). */
  private static List<String> tasksOf(ProcessEngine engine, String user, String... groups) {
    List<Task> visible;
    engine.getIdentityService().setAuthentication(user, List.of(groups));
    try {
      visible = engine.getTaskService().createTaskQuery().list();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return visible.stream()
        .map(
            t ->
                engine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(t.getProcessInstanceId())
                        .singleResult()
                        .getBusinessKey()
                    + " "
                    + t.getTaskDefinitionKey())
        .sorted()
        .toList();
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(JointProgrammeApplication.class)
        .profiles("demo")
        .run(
            "--PROGRAMME_DATA_DIR=" + dataDir,
            "--server.port=0",
            "--programme.demo.data=true",
            "--camunda.bpm.process-engine-name=demoDataTest",
            "--camunda.bpm.job-execution.enabled=false");
  }
}
