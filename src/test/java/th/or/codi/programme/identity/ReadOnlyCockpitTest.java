package th.or.codi.programme.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.ProbeProcess;

/**
 * Managers and auditors watch Cockpit but cannot change anything: the engine itself refuses, so
 * neither Cockpit nor the REST API can be used to work around it. Parties work their own tasks and
 * nothing else.
 */
@DemoApplicationTest
class ReadOnlyCockpitTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;

  private ProbeProcess probe;
  private ProcessInstance instance;
  private Task task;

  @BeforeEach
  void startProbe() {
    probe = new ProbeProcess(engine, "community-nakhon-sawan");
    instance = probe.start();
    task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .singleResult();
  }

  @AfterEach
  void removeProbe() {
    identityService.clearAuthentication();
    probe.close();
  }

  @ParameterizedTest(name = "{0} sees the instance, its task and its history")
  @ValueSource(strings = {"manager", "auditor"})
  void readsEverything(String user) {
    as(user);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .count())
        .isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .count())
        .isEqualTo(1);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .count())
        .isGreaterThan(0);
  }

  @ParameterizedTest(name = "{0} cannot modify, cancel, suspend, retry, delete or complete")
  @ValueSource(strings = {"manager", "auditor"})
  void changesNothing(String user) {
    // a job to retry: let the task pass to the asynchronous step
    engine.getTaskService().complete(task.getId());
    Job job =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .singleResult();
    as(user);

    assertRefused(
        () ->
            engine
                .getRuntimeService()
                .createProcessInstanceModification(instance.getId())
                .startBeforeActivity(ProbeProcess.TASK)
                .execute());
    assertRefused(
        () -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "cancel"));
    assertRefused(() -> engine.getRuntimeService().suspendProcessInstanceById(instance.getId()));
    assertRefused(() -> engine.getManagementService().setJobRetries(job.getId(), 3));
    assertRefused(() -> engine.getManagementService().executeJob(job.getId()));
    assertRefused(() -> engine.getRuntimeService().setVariable(instance.getId(), "x", 1));
    assertRefused(
        () -> engine.getRepositoryService().suspendProcessDefinitionByKey(ProbeProcess.KEY));
    assertRefused(
        () ->
            engine
                .getRepositoryService()
                .deleteDeployment(
                    engine
                        .getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(ProbeProcess.KEY)
                        .singleResult()
                        .getDeploymentId(),
                    true));
    assertRefused(() -> engine.getHistoryService().deleteHistoricProcessInstance(instance.getId()));
    assertRefused(() -> engine.getRuntimeService().startProcessInstanceByKey(ProbeProcess.KEY));
  }

  @Test
  void auditorCannotCompleteAnyTask() {
    as("auditor");
    assertRefused(() -> engine.getTaskService().complete(task.getId()));
    assertRefused(() -> engine.getTaskService().claim(task.getId(), "auditor"));
  }

  @Test
  void candidateCompletesButCannotHandTheTaskToSomeoneElse() {
    as("saraburi");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
    assertRefused(() -> engine.getTaskService().complete(task.getId()));

    as("nakhonsawan");
    assertRefused(() -> engine.getTaskService().setAssignee(task.getId(), "saraburi"));
    engine.getTaskService().claim(task.getId(), "nakhonsawan");
    engine.getTaskService().complete(task.getId());
    identityService.clearAuthentication();

    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskId(task.getId())
                .singleResult()
                .getAssignee())
        .isEqualTo("nakhonsawan");
  }

  private void as(String user) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    identityService.setAuthentication(user, groups);
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(AuthorizationException.class);
  }
}
