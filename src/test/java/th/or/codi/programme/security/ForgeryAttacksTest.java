package th.or.codi.programme.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.UnusedWave;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.security.TwoApis.Api;
import th.or.codi.programme.validation.SubmissionRejectedException;

/**
 * The attacks of the security review, as a party with an ordinary login makes them, through both
 * REST APIs (HTTP Basic on {@code /engine-rest}; session and CSRF token on the webapps' {@code
 * /camunda/api/engine}) and the Java API: each is refused with a Thai/English message, and nothing
 * changes — the task stays open, its variables and the history stay as they were, and the
 * user-operation log (what the audit trail attributes) gains no entry.
 */
@DemoApplicationTest
class ForgeryAttacksTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;

  private String key;
  private Task planForum;
  private TwoApis apis;

  @BeforeEach
  void aProvinceAtForumPlanning() {
    Walkthrough walk = new Walkthrough(act, code -> "nakhonsawan", task -> {});
    UnusedWave unused = UnusedWave.of(engine, "TH-60");
    key = walk.start("TH-60", unused.fiscalYear(), unused.wave());
    planForum = act.task(key, "Activity_PlanForum");
  }

  private ResponseEntity<String> call(
      Api api, String user, HttpMethod method, String path, String body) {
    if (apis == null) {
      apis = new TwoApis(http);
    }
    return apis.call(api, user, method, path, body);
  }

  private ResponseEntity<String> post(Api api, String user, String path, String body) {
    return call(api, user, HttpMethod.POST, path, body);
  }

  /** What a refused attack must leave as it was. */
  private record Snapshot(
      long openTasks,
      String assignee,
      Map<String, Object> variables,
      long historicDetails,
      long completedTasks,
      long operationLog,
      long comments) {}

  private Snapshot snapshot() {
    String pi = planForum.getProcessInstanceId();
    Task task = engine.getTaskService().createTaskQuery().taskId(planForum.getId()).singleResult();
    return new Snapshot(
        engine.getTaskService().createTaskQuery().processInstanceId(pi).count(),
        task == null ? null : task.getAssignee(),
        new TreeMap<>(engine.getRuntimeService().getVariables(pi)),
        engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi).count(),
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(pi)
            .finished()
            .count(),
        engine.getHistoryService().createUserOperationLogQuery().count(),
        engine.getTaskService().getTaskComments(planForum.getId()).size());
  }

  private static void assertRefused(ResponseEntity<String> response, HttpStatus status)
      throws Exception {
    assertThat(response.getStatusCode())
        .as(response.getHeaders() + " " + response.getBody())
        .isEqualTo(status);
    assertThat(response.getBody()).as(response.getHeaders().toString()).isNotBlank();
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(body.path("message").asText())
        .as(response.getBody())
        .containsPattern("\\p{InThai}")
        .containsPattern("[a-z]{3}");
    assertThat(response.getBody()).doesNotContain("at org.");
  }

  private static final String FORGED =
      """
      {"stageKey": {"value": "closed"}, "outcome": {"value": "expand"}, "provinceName": {"value": "ชัยนาท"},
       "forumBudgetRequested": {"value": -5000000}}""";

  // 1. Ending a task without its form

  @ParameterizedTest
  @EnumSource(Api.class)
  void aBpmnErrorOrEscalationFromATaskIsRefusedWhenTheModelDoesNotCatchIt(Api api)
      throws Exception {
    Snapshot before = snapshot();
    String task = "/task/" + planForum.getId();

    assertRefused(
        post(
            api,
            "nakhonsawan",
            task + "/bpmnError",
            "{\"errorCode\": \"anything\", \"variables\": " + FORGED + "}"),
        HttpStatus.FORBIDDEN);
    assertRefused(
        post(api, "nakhonsawan", task + "/bpmnError", "{\"errorCode\": \"anything\"}"),
        HttpStatus.FORBIDDEN);
    assertRefused(
        post(
            api,
            "nakhonsawan",
            task + "/bpmnEscalation",
            "{\"escalationCode\": \"anything\", \"variables\": " + FORGED + "}"),
        HttpStatus.FORBIDDEN);
    // an administrator ends a task with its form too: the record of a task's end is the same
    assertRefused(
        post(api, "admin", task + "/bpmnError", "{\"errorCode\": \"x\"}"), HttpStatus.FORBIDDEN);

    assertThat(snapshot()).isEqualTo(before);
    assertThat(engine.getRuntimeService().getVariable(planForum.getProcessInstanceId(), "stageKey"))
        .isEqualTo("understanding-forum");
  }

  @Test
  void theJavaApiActingForAPersonIsHeldToTheSameRules() {
    Snapshot before = snapshot();
    as(
        "nakhonsawan",
        () -> engine.getTaskService().handleBpmnError(planForum.getId(), "anything"),
        "uncaught-error");
    as(
        "nakhonsawan",
        () -> engine.getTaskService().handleEscalation(planForum.getId(), "anything"),
        "uncaught-escalation");
    as(
        "nakhonsawan",
        () -> engine.getTaskService().claim(planForum.getId(), "saraburi"),
        "claim-self");
    as(
        "nakhonsawan",
        () -> engine.getTaskService().setVariable(planForum.getId(), "stageKey", "closed"),
        "not-allowed");
    as(
        "nakhonsawan",
        () ->
            engine
                .getRuntimeService()
                .setVariable(planForum.getProcessInstanceId(), "outcome", "x"),
        "not-allowed");
    as(
        "manager",
        () ->
            engine
                .getRuntimeService()
                .createProcessInstanceByKey("provincialPipeline")
                .startBeforeActivity("Activity_EvaluateOutcomes")
                .execute(),
        "start-at-start-event");
    engine.getIdentityService().setAuthentication("nakhonsawan", List.of("community-nakhon-sawan"));
    try {
      assertThatThrownBy(
              () ->
                  engine
                      .getFormService()
                      .submitTaskForm(planForum.getId(), Map.of("outcome", "expand")))
          .isInstanceOf(SubmissionRejectedException.class)
          .hasMessageContaining("outcome");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  private void as(String user, Runnable action, String rule) {
    List<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
            .map(g -> g.getId())
            .toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      assertThatThrownBy(action::run)
          .isInstanceOfSatisfying(
              CommandRefusedException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  // 2. Only the form's fields, whatever the URL looks like

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/complete",
        "/complete;a=b",
        ";x/complete",
        "/submit-form;x",
        "/submit-form/",
        "/resolve"
      })
  void undeclaredVariablesNeverLandWhateverThePath(String action) throws Exception {
    for (Api api : Api.values()) {
      Snapshot before = snapshot();
      ResponseEntity<String> response =
          post(
              api,
              "nakhonsawan",
              "/task/" + planForum.getId() + action,
              "{\"variables\": " + FORGED + "}");
      assertThat(response.getStatusCode().is4xxClientError())
          .as(api + action + " " + response.getBody())
          .isTrue();
      assertThat(snapshot()).as(api + action).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/start", "/start;x", "/submit-form", "/submit-form;a=b"})
  void aStartMayOnlySetItsFormsFields(String action) throws Exception {
    for (Api api : Api.values()) {
      long pipelines = pipelines();
      ResponseEntity<String> response =
          post(
              api,
              "manager",
              "/process-definition/key/provincialPipeline" + action,
              """
          {"variables": {"provinceCode": {"value": "TH-60"}, "fiscalYear": {"value": 2596}, "wave": {"value": 1},
           "programmeName": {"value": "โครงการทดสอบ"}, "communityGroup": {"value": "community-saraburi"}}}""");
      assertThat(response.getStatusCode().is4xxClientError())
          .as(api + action + " " + response.getBody())
          .isTrue();
      assertThat(pipelines()).isEqualTo(pipelines);
    }
  }

  private long pipelines() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("provincialPipeline")
        .count();
  }

  // 3. Claiming for someone else

  @ParameterizedTest
  @EnumSource(Api.class)
  void aTaskIsClaimedOnlyForOneself(Api api) throws Exception {
    Snapshot before = snapshot();
    String task = "/task/" + planForum.getId();
    for (String someone : List.of("saraburi", "nobody-at-all", "admin")) {
      assertRefused(
          post(api, "nakhonsawan", task + "/claim", "{\"userId\": \"" + someone + "\"}"),
          HttpStatus.FORBIDDEN);
      assertRefused(
          post(api, "nakhonsawan", task + "/assignee", "{\"userId\": \"" + someone + "\"}"),
          HttpStatus.FORBIDDEN);
      assertRefused(
          post(api, "nakhonsawan", task + "/delegate", "{\"userId\": \"" + someone + "\"}"),
          HttpStatus.FORBIDDEN);
      assertRefused(
          post(
              api,
              "nakhonsawan",
              task + "/identity-links",
              "{\"userId\": \"" + someone + "\", \"type\": \"candidate\"}"),
          HttpStatus.FORBIDDEN);
    }
    assertThat(snapshot()).isEqualTo(before);

    assertThat(
            post(api, "nakhonsawan", task + "/claim", "{\"userId\": \"nakhonsawan\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(assignee()).isEqualTo("nakhonsawan");
    assertThat(lastOperation().getUserId())
        .as("the claim is the person's")
        .isEqualTo("nakhonsawan");
    assertRefused(post(api, "saraburi", task + "/unclaim", ""), HttpStatus.FORBIDDEN);
    assertThat(post(api, "nakhonsawan", task + "/unclaim", "").getStatusCode())
        .as("the assignee hands it back")
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(assignee()).isNull();
    assertThat(lastOperation().getUserId()).isEqualTo("nakhonsawan");
    // an administrator may hand work to someone
    assertThat(post(api, "admin", task + "/claim", "{\"userId\": \"nakhonsawan\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private String assignee() {
    return engine
        .getTaskService()
        .createTaskQuery()
        .taskId(planForum.getId())
        .singleResult()
        .getAssignee();
  }

  private org.camunda.bpm.engine.history.UserOperationLogEntry lastOperation() {
    return engine
        .getHistoryService()
        .createUserOperationLogQuery()
        .taskId(planForum.getId())
        .orderByTimestamp()
        .desc()
        .listPage(0, 1)
        .get(0);
  }

  // 4. Starting in the middle

  @ParameterizedTest
  @EnumSource(Api.class)
  void aProcessStartsOnlyAtItsStartEvent(Api api) throws Exception {
    long pipelines = pipelines();
    String variables =
        """
        "variables": {"provinceCode": {"value": "TH-60"}, "fiscalYear": {"value": 2596}, "wave": {"value": 7},
         "programmeName": {"value": "โครงการทดสอบ"}}""";
    String start = "/process-definition/key/provincialPipeline/start";
    assertRefused(
        post(
            api,
            "manager",
            start,
            "{"
                + variables
                + ", \"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Activity_EvaluateOutcomes\"}]}"),
        HttpStatus.FORBIDDEN);
    assertRefused(
        post(
            api,
            "manager",
            start,
            "{"
                + variables
                + ", \"skipCustomListeners\": true, "
                + "\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"StartEvent_PipelineStarted\"}]}"),
        HttpStatus.FORBIDDEN);
    assertRefused(
        post(
            api,
            "manager",
            start,
            "{"
                + variables
                + ", \"skipIoMappings\": true, "
                + "\"startInstructions\": [{\"type\": \"startAfterActivity\", \"activityId\": \"StartEvent_PipelineStarted\"}]}"),
        HttpStatus.FORBIDDEN);
    assertThat(pipelines()).isEqualTo(pipelines);
  }

  // 5. The history-cleanup job

  @ParameterizedTest
  @EnumSource(Api.class)
  void noOneButAnAdministratorTouchesAJob(Api api) throws Exception {
    Job job = timerJob();
    for (String user : List.of("manager", "auditor", "thaihealth", "nakhonsawan")) {
      String path = "/job/" + job.getId();
      assertRefused(
          call(api, user, HttpMethod.PUT, path + "/suspended", "{\"suspended\": true}"),
          HttpStatus.FORBIDDEN);
      assertRefused(
          call(
              api,
              user,
              HttpMethod.PUT,
              path + "/duedate",
              "{\"duedate\": \"2030-01-01T00:00:00.000+0000\"}"),
          HttpStatus.FORBIDDEN);
      assertRefused(
          call(api, user, HttpMethod.PUT, path + "/retries", "{\"retries\": 0}"),
          HttpStatus.FORBIDDEN);
      assertRefused(call(api, user, HttpMethod.POST, path + "/execute", ""), HttpStatus.FORBIDDEN);
      assertRefused(call(api, user, HttpMethod.DELETE, path, null), HttpStatus.FORBIDDEN);
    }
    Job after = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    assertThat(after).isNotNull();
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getDuedate()).isEqualTo(job.getDuedate());
    assertThat(after.getRetries()).isEqualTo(job.getRetries());
  }

  @Test
  void theHistoryCleanupJobIsAdministratorsOnly() throws Exception {
    Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
    for (String user : List.of("manager", "auditor", "thaihealth", "nakhonsawan")) {
      for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.DELETE)) {
        String path =
            method == HttpMethod.PUT
                ? "/job/" + cleanup.getId() + "/suspended"
                : "/job/" + cleanup.getId();
        assertRefused(
            call(Api.ENGINE_REST, user, method, path, "{\"suspended\": true}"),
            HttpStatus.FORBIDDEN);
      }
      assertRefused(post(Api.ENGINE_REST, user, "/history/cleanup", ""), HttpStatus.FORBIDDEN);
    }
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .jobId(cleanup.getId())
                .singleResult()
                .isSuspended())
        .isFalse();
  }

  private Job timerJob() {
    List<String> instances =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .list()
            .stream()
            .map(p -> p.getId())
            .toList();
    return instances.stream()
        .flatMap(
            id ->
                engine
                    .getManagementService()
                    .createJobQuery()
                    .processInstanceId(id)
                    .timers()
                    .list()
                    .stream())
        .findFirst()
        .orElseThrow();
  }

  // 7. Read-only roles do not write; comments and attachments only on one's own open task

  @ParameterizedTest
  @EnumSource(Api.class)
  void readOnlyRolesAddNoCommentsOrAttachments(Api api) throws Exception {
    Snapshot before = snapshot();
    String comment = "/task/" + planForum.getId() + "/comment/create";
    for (String user : List.of("manager", "auditor")) {
      assertRefused(
          post(api, user, comment, "{\"message\": \"แก้ไขบันทึก\"}"), HttpStatus.FORBIDDEN);
      assertThat(attach(user, "https://example.org/minutes.pdf").getStatusCode().is4xxClientError())
          .isTrue();
    }
    // another province does not even see the task: Camunda answers 400 "No task found"
    assertThat(
            post(api, "saraburi", comment, "{\"message\": \"แก้ไขบันทึก\"}")
                .getStatusCode()
                .is4xxClientError())
        .isTrue();
    assertThat(snapshot()).isEqualTo(before);
    assertThat(engine.getTaskService().getTaskAttachments(planForum.getId())).isEmpty();
  }

  /**
   * The REST resources for comments and attachments look the task up in history first, which the
   * parties may not read, so they answer 400 "No task found" to them; the engine's rule is shown
   * here through the Java API, where it is the only check.
   */
  @Test
  void commentsAndLinksOnlyOnAnOpenTaskOneWorksOnAndOnlyWebLinks() {
    String task = planForum.getId();
    as(
        "saraburi",
        () -> engine.getTaskService().createComment(task, null, "แก้ไขบันทึก"),
        "own-task-only");
    as(
        "manager",
        () -> engine.getTaskService().createComment(task, null, "แก้ไขบันทึก"),
        "own-task-only");
    as(
        "nakhonsawan",
        () -> engine.getTaskService().createComment(null, planForum.getProcessInstanceId(), "x"),
        "own-task-only");
    for (String link :
        List.of(
            "javascript:alert(document.cookie)",
            " JavaScript:alert(1)",
            "data:text/html,<b>x</b>",
            "file:///etc/passwd",
            "//evil.example/x")) {
      as(
          "nakhonsawan",
          () -> engine.getTaskService().createAttachment("link", task, null, "บันทึก", null, link),
          "attachment-link");
    }
    assertThat(engine.getTaskService().getTaskAttachments(task)).isEmpty();
    assertThat(engine.getTaskService().getTaskComments(task)).isEmpty();

    engine.getIdentityService().setAuthentication("nakhonsawan", List.of("community-nakhon-sawan"));
    try {
      engine.getTaskService().createComment(task, null, "นัดประชุมวันจันทร์");
      engine
          .getTaskService()
          .createAttachment(
              "link", task, null, "บันทึกการประชุม", null, "https://example.org/minutes.pdf");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(engine.getTaskService().getTaskComments(task))
        .singleElement()
        .satisfies(c -> assertThat(c.getUserId()).isEqualTo("nakhonsawan"));
    assertThat(engine.getTaskService().getTaskAttachments(task)).hasSize(1);
  }

  private ResponseEntity<String> attach(String user, String url) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("attachment-name", "บันทึกการประชุม");
    form.add("attachment-type", "link");
    form.add("url", url);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, user)
        .exchange(
            "/engine-rest/task/" + planForum.getId() + "/attachment/create",
            HttpMethod.POST,
            new HttpEntity<>(form, headers),
            String.class);
  }

  // 8. Accounts

  @ParameterizedTest
  @EnumSource(Api.class)
  void aPersonChangesOnlyTheirOwnPasswordAndEmail(Api api) throws Exception {
    String id = "account" + api.name().toLowerCase().replace("_", "");
    if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      User user = engine.getIdentityService().newUser(id);
      user.setFirstName("ทดสอบ");
      user.setLastName("(Test)");
      user.setPassword(id);
      engine.getIdentityService().saveUser(user);
      engine.getIdentityService().createMembership(id, "community-saraburi");
    }
    String profile = "/user/" + id + "/profile";
    assertRefused(
        call(
            api,
            id,
            HttpMethod.PUT,
            profile,
            "{\"id\": \""
                + id
                + "\", \"firstName\": \"ผู้ดูแลระบบ\", \"lastName\": \"(Admin)\", \"email\": \"a@example.org\"}"),
        HttpStatus.FORBIDDEN);
    assertRefused(call(api, id, HttpMethod.DELETE, "/user/" + id, null), HttpStatus.FORBIDDEN);
    assertRefused(
        call(
            api,
            id,
            HttpMethod.PUT,
            "/user/saraburi/profile",
            "{\"id\": \"saraburi\", \"firstName\": \"x\", \"lastName\": \"y\", \"email\": \"s@example.org\"}"),
        HttpStatus.FORBIDDEN);
    assertRefused(
        call(api, id, HttpMethod.PUT, "/group/camunda-admin/members/" + id, ""),
        HttpStatus.FORBIDDEN);
    User stored = engine.getIdentityService().createUserQuery().userId(id).singleResult();
    assertThat(stored.getFirstName()).isEqualTo("ทดสอบ");
    assertThat(
            engine
                .getIdentityService()
                .createUserQuery()
                .memberOfGroup("camunda-admin")
                .userId(id)
                .count())
        .isZero();

    assertThat(
            call(
                    api,
                    id,
                    HttpMethod.PUT,
                    profile,
                    "{\"id\": \""
                        + id
                        + "\", \"firstName\": \"ทดสอบ\", \"lastName\": \"(Test)\", \"email\": \"new@example.org\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getIdentityService().createUserQuery().userId(id).singleResult().getEmail())
        .isEqualTo("new@example.org");
    assertThat(
            call(
                    api,
                    id,
                    HttpMethod.PUT,
                    "/user/" + id + "/credentials",
                    "{\"password\": \"" + id + "\", \"authenticatedUserPassword\": \"" + id + "\"}")
                .getStatusCode())
        .as("a new password (here the same one, so the next call still logs in)")
        .isEqualTo(HttpStatus.NO_CONTENT);
  }
}
