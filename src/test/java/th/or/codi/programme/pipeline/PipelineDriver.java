package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.Spin;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * The walkthrough as the tests use it: the pilots' demo users act for their provinces, a test user
 * for any other province, and before every completion the test checks that the task's form resolves
 * from the task's own deployment and is the form the model names.
 */
final class PipelineDriver {

  private PipelineDriver() {}

  static Walkthrough create(
      ProcessEngine engine, PersonActions act, ProvinceReferenceData referenceData) {
    return new Walkthrough(
        act,
        code ->
            switch (code) {
              case "TH-60" -> "nakhonsawan";
              case "TH-19" -> "saraburi";
              case "TH-18" -> "chainat";
              default ->
                  memberOf(
                      engine,
                      referenceData.requireByCode(code).communityGroupId(),
                      referenceData.requireByCode(code).jointGroupId());
            },
        task -> assertFormResolves(engine, task));
  }

  /** A test user who belongs to the groups (created once). */
  static String memberOf(ProcessEngine engine, String... groups) {
    String id = "member" + Math.abs(String.join(" ", groups).hashCode());
    if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      User user = engine.getIdentityService().newUser(id);
      user.setPassword(id);
      engine.getIdentityService().saveUser(user);
      for (String group : groups) {
        engine.getIdentityService().createMembership(id, group);
      }
    }
    return id;
  }

  static void assertFormResolves(ProcessEngine engine, Task task) {
    UserTask userTask =
        engine
            .getRepositoryService()
            .getBpmnModelInstance(task.getProcessDefinitionId())
            .getModelElementById(task.getTaskDefinitionKey());
    String form;
    try (InputStream in = engine.getFormService().getDeployedTaskForm(task.getId())) {
      form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(Spin.JSON(form).prop("id").stringValue())
        .as("form of " + task.getTaskDefinitionKey())
        .isEqualTo(userTask.getCamundaFormRef());
  }
}
