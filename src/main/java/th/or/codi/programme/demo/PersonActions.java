package th.or.codi.programme.demo;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Works the programme as people do in Tasklist: each action runs as a named user (so the history
 * records who did it and the engine checks that user's authorizations), submits the task's form,
 * and clears the authentication afterwards. Timers can be fired on purpose, as an operator would in
 * Cockpit. Used by the demo data and by the tests.
 */
@Component
public class PersonActions {

  private final ProcessEngine engine;

  public PersonActions(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The one open task of this kind in any process instance with the business key. */
  public Task task(String businessKey, String taskKey) {
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(businessKey)
            .taskDefinitionKey(taskKey)
            .list();
    if (tasks.size() != 1) {
      throw new IllegalStateException(
          "Expected one open task "
              + taskKey
              + " for "
              + businessKey
              + " but found "
              + tasks.size());
    }
    return tasks.get(0);
  }

  /** The user claims the task and submits its form with these values. */
  public void complete(
      String user, String businessKey, String taskKey, Map<String, Object> values) {
    complete(user, task(businessKey, taskKey), values);
  }

  public void complete(String user, Task task, Map<String, Object> values) {
    as(
        user,
        () -> {
          engine.getTaskService().claim(task.getId(), user);
          engine.getFormService().submitTaskForm(task.getId(), values);
          return null;
        });
  }

  /** The user starts a process from its start form. */
  public ProcessInstance start(
      String user, String processKey, String businessKey, Map<String, Object> values) {
    return as(
        user,
        () -> {
          String definitionId =
              engine
                  .getRepositoryService()
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(processKey)
                  .latestVersion()
                  .singleResult()
                  .getId();
          return engine.getFormService().submitStartForm(definitionId, businessKey, values);
        });
  }

  public String businessKey(String processInstanceId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(processInstanceId)
        .singleResult()
        .getBusinessKey();
  }

  /** Fires the timer of an activity (boundary, intermediate or event-subprocess start). */
  public void fireTimer(String businessKey, String activityId) {
    engine.getManagementService().executeJob(timer(businessKey, activityId).getId());
  }

  public Job timer(String businessKey, String activityId) {
    List<String> instances =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .toList();
    List<Job> jobs =
        instances.stream()
            .flatMap(
                id ->
                    engine
                        .getManagementService()
                        .createJobQuery()
                        .processInstanceId(id)
                        .timers()
                        .activityId(activityId)
                        .list()
                        .stream())
            .toList();
    if (jobs.size() != 1) {
      throw new IllegalStateException(
          "Expected one timer at "
              + activityId
              + " for "
              + businessKey
              + " but found "
              + jobs.size());
    }
    return jobs.get(0);
  }

  /** Runs every due or not-yet-due asynchronous continuation (not timers) of the business key. */
  public void runAsyncContinuations(String processInstanceId) {
    for (Job job :
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .messages()
            .list()) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  public <T> T as(String user, Supplier<T> action) {
    List<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
