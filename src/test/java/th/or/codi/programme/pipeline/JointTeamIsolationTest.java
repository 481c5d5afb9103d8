package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.UnusedWave;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * A provincial pipeline's joint tasks go to that province's tri-party team (joint-&lt;slug&gt;):
 * another province's movement, and the regional working group as such, neither see nor touch them,
 * through the REST API or the Java API.
 */
@DemoApplicationTest
class JointTeamIsolationTest {

  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired ProvinceReferenceData referenceData;
  @Autowired TestRestTemplate http;

  private String atJointDesign(String provinceCode) {
    Walkthrough walk = PipelineDriver.create(engine, act, referenceData);
    UnusedWave unused = UnusedWave.of(engine, provinceCode);
    String key = walk.start(provinceCode, unused.fiscalYear(), unused.wave());
    walk.forumStage(key, provinceCode);
    walk.visitStage(key, provinceCode);
    return key;
  }

  private ResponseEntity<String> rest(String user, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user)
        .exchange("/engine-rest" + path, method, new HttpEntity<>(json, headers), String.class);
  }

  /** A user in the regional working group and nothing else (no demo user is only that). */
  private String regionalMember() {
    return PipelineDriver.memberOf(engine, "working-group");
  }

  @Test
  void saraburiNeverSeesNorCompletesChaiNatsJointTasks() {
    String chaiNat = atJointDesign("TH-18");
    String saraburi = atJointDesign("TH-19");
    Task chaiNatDraft = act.task(chaiNat, "Activity_DraftJointPlan");
    Task saraburiDraft = act.task(saraburi, "Activity_DraftJointPlan");
    assertThat(engine.getTaskService().getIdentityLinksForTask(chaiNatDraft.getId()))
        .extracting(l -> l.getGroupId())
        .containsExactly("joint-chai-nat");

    for (String outsider : List.of("saraburi", regionalMember())) {
      // the task list and the task itself
      String list =
          rest(outsider, HttpMethod.GET, "/task?processInstanceBusinessKey=" + chaiNat, null)
              .getBody();
      assertThat(list).as(outsider + " lists Chai Nat's tasks").isEqualTo("[]");
      assertThat(
              rest(
                      outsider,
                      HttpMethod.POST,
                      "/task/count",
                      "{\"taskDefinitionKey\": \"Activity_DraftJointPlan\","
                          + " \"processInstanceBusinessKey\": \""
                          + chaiNat
                          + "\"}")
                  .getBody())
          .contains("\"count\":0");
      assertThat(
              rest(outsider, HttpMethod.GET, "/task/" + chaiNatDraft.getId(), null)
                  .getStatusCode()
                  .is4xxClientError())
          .isTrue();
      assertThat(
              rest(
                      outsider,
                      HttpMethod.GET,
                      "/task/" + chaiNatDraft.getId() + "/form-variables",
                      null)
                  .getStatusCode()
                  .is4xxClientError())
          .isTrue();
      // claiming, completing, submitting its form
      assertThat(
              rest(
                      outsider,
                      HttpMethod.POST,
                      "/task/" + chaiNatDraft.getId() + "/claim",
                      "{\"userId\": \"" + outsider + "\"}")
                  .getStatusCode()
                  .is4xxClientError())
          .isTrue();
      for (String ending : List.of("complete", "submit-form")) {
        assertThat(
                rest(
                        outsider,
                        HttpMethod.POST,
                        "/task/" + chaiNatDraft.getId() + "/" + ending,
                        "{\"variables\": {}}")
                    .getStatusCode()
                    .is4xxClientError())
            .as(outsider + " " + ending)
            .isTrue();
      }
      // the Java API acting as the person
      String user = outsider;
      assertThatThrownBy(() -> act.complete(user, chaiNatDraft, Map.of()))
          .isInstanceOf(ProcessEngineException.class);
      assertThat(
              act.as(
                  user,
                  () ->
                      engine
                          .getTaskService()
                          .createTaskQuery()
                          .processInstanceBusinessKey(chaiNat)
                          .count()))
          .isZero();
    }
    Task still =
        engine.getTaskService().createTaskQuery().taskId(chaiNatDraft.getId()).singleResult();
    assertThat(still).as("Chai Nat's joint plan is still to be drafted").isNotNull();
    assertThat(still.getAssignee()).isNull();

    // each province's own team sees its own joint task, and only that one
    assertThat(
            act
                .as(
                    "saraburi",
                    () ->
                        engine
                            .getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("Activity_DraftJointPlan")
                            .list())
                .stream()
                .map(Task::getId))
        .contains(saraburiDraft.getId())
        .doesNotContain(chaiNatDraft.getId());
    assertThat(
            act
                .as(
                    "chainat",
                    () ->
                        engine
                            .getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("Activity_DraftJointPlan")
                            .list())
                .stream()
                .map(Task::getId))
        .contains(chaiNatDraft.getId())
        .doesNotContain(saraburiDraft.getId());
    // and CODI's officer, in both pilots' teams, sees both
    assertThat(
            act
                .as(
                    "codi",
                    () ->
                        engine
                            .getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("Activity_DraftJointPlan")
                            .list())
                .stream()
                .map(Task::getId))
        .contains(chaiNatDraft.getId(), saraburiDraft.getId());
  }
}
