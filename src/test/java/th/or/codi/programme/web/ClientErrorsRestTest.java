package th.or.codi.programme.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.UnusedWave;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.security.TwoApis;
import th.or.codi.programme.security.TwoApis.Api;
import th.or.codi.programme.security.WebSession;

/**
 * Client mistakes that once gave a 500: each is a 4xx with a JSON body whose message is in Thai and
 * English, through both REST APIs, and changes nothing.
 */
@DemoApplicationTest
@org.junit.jupiter.api.extension.ExtendWith(
    org.springframework.boot.test.system.OutputCaptureExtension.class)
class ClientErrorsRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;

  private String key;
  private Task planForum;
  private TwoApis apis;

  @BeforeEach
  void aProvinceAtForumPlanning() {
    Walkthrough walk = new Walkthrough(act, code -> "nakhonsawan", t -> {});
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

  /** Status, type, and a message in Thai and English without a stack trace. */
  static JsonNode assertAnswer(ResponseEntity<String> response, HttpStatus status, String type)
      throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(body.path("type").asText()).as(response.getBody()).isEqualTo(type);
    assertThat(body.path("message").asText())
        .as(response.getBody())
        .containsPattern("\\p{InThai}")
        .contains(" / ")
        .containsPattern("[a-z]{3}");
    assertThat(response.getBody()).doesNotContain("\tat ").doesNotContain("at org.");
    return body;
  }

  private record Snapshot(
      long openTasks,
      String assignee,
      Map<String, Object> variables,
      long historicDetails,
      long completedTasks) {}

  private Snapshot snapshot() {
    String pi = planForum.getProcessInstanceId();
    Task task = engine.getTaskService().createTaskQuery().taskId(planForum.getId()).singleResult();
    return new Snapshot(
        engine.getTaskService().createTaskQuery().taskId(planForum.getId()).count(),
        task == null ? null : task.getAssignee(),
        new TreeMap<>(engine.getRuntimeService().getVariables(pi)),
        engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi).count(),
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(pi)
            .finished()
            .count());
  }

  private String plan(String budget) {
    return """
        {"variables": {
          "forumDate": {"value": "%s"},
          "venue": {"value": "ศาลาประชาคมจังหวัด"},
          "targetGroups": {"value": "[\\"community-councils\\"]", "type": "Json"},
          "expectedParticipants": {"value": 80},
          "agenda": {"value": "ทำความเข้าใจแนวทางความร่วมมือ 3 ฝ่าย"},
          "forumBudgetRequested": %s,
          "forumBudgetSource": {"value": "codi"}
        }}"""
        .formatted(Walkthrough.inDays(30), budget);
  }

  private long pipelines() {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("provincialPipeline")
        .count();
  }

  private static String fieldOf(JsonNode body) {
    return body.path("errors").get(0).path("field").asText();
  }

  // 1. NaN and infinities

  @ParameterizedTest
  @EnumSource(Api.class)
  void aNumberThatIsNotFiniteIsRefusedNamingTheField(Api api) throws Exception {
    Snapshot before = snapshot();
    for (String number : new String[] {"NaN", "Infinity", "-Infinity"}) {
      for (String action : new String[] {"complete", "submit-form"}) {
        ResponseEntity<String> response =
            post(
                api,
                "nakhonsawan",
                "/task/" + planForum.getId() + "/" + action,
                plan("{\"value\": \"" + number + "\", \"type\": \"Double\"}"));
        JsonNode body = assertAnswer(response, HttpStatus.BAD_REQUEST, "SubmissionRejected");
        assertThat(fieldOf(body)).isEqualTo("forumBudgetRequested");
        assertThat(body.path("message").asText())
            .contains("NaN หรืออนันต์")
            .contains("finite number");
      }
    }
    assertThat(snapshot()).as("task open, variables and history unchanged").isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void aProcessStartWithANumberThatIsNotFiniteIsRefused(Api api) throws Exception {
    long before = pipelines();
    for (String action : new String[] {"start", "submit-form"}) {
      ResponseEntity<String> response =
          post(
              api,
              "manager",
              "/process-definition/key/provincialPipeline/" + action,
              """
          {"variables": {"provinceCode": {"value": "TH-60"}, "fiscalYear": {"value": "Infinity", "type": "Double"},
           "wave": {"value": "NaN", "type": "Double"}, "programmeName": {"value": "โครงการทดสอบ"}}}""");
      JsonNode body = assertAnswer(response, HttpStatus.BAD_REQUEST, "SubmissionRejected");
      assertThat(body.path("errors").findValuesAsText("field")).contains("fiscalYear");
    }
    assertThat(pipelines()).as("nothing started").isEqualTo(before);
  }

  // 2. serialized Java objects, XML, JSON that is not valid or too deep

  @ParameterizedTest
  @EnumSource(Api.class)
  void anObjectXmlOrDeepJsonValueIsRefused(Api api) throws Exception {
    Snapshot before = snapshot();
    String deep = "[".repeat(5000) + "]".repeat(5000);
    String[] values = {
      "{\"value\": \"rO0ABXQAA2FiYw==\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}",
      "{\"value\": \"{}\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.util.HashMap\", \"serializationDataFormat\": \"application/json\"}}",
      "{\"value\": \"{}\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"no.such.Type\", \"serializationDataFormat\": \"application/json\"}}",
      "{\"value\": \"<budget>1</budget>\", \"type\": \"Xml\"}",
      "{\"value\": \"" + deep + "\", \"type\": \"Json\"}",
      "{\"value\": \"[1, \", \"type\": \"Json\"}",
      "{\"value\": \"aGVsbG8=\", \"type\": \"File\", \"valueInfo\": {\"filename\": \"budget.txt\"}}",
      "{\"value\": \"aGVsbG8=\", \"type\": \"Bytes\"}",
      "{\"value\": \"25000 \\u0000 THB\"}"
    };
    for (String value : values) {
      ResponseEntity<String> response =
          post(api, "nakhonsawan", "/task/" + planForum.getId() + "/complete", plan(value));
      JsonNode body = assertAnswer(response, HttpStatus.BAD_REQUEST, "SubmissionRejected");
      assertThat(fieldOf(body))
          .as(value.substring(0, Math.min(40, value.length())))
          .isEqualTo("forumBudgetRequested");
      assertThat(body.path("message").asText())
          .as(value.substring(0, Math.min(40, value.length())))
          .containsAnyOf("ไม่ได้", "ไม่ใช่ JSON", "ลึกเกิน")
          .doesNotContain("must be a number")
          .doesNotContain("must be text");
    }
    // a deep value as JSON itself, not as a string: the request body is refused as it is read
    ResponseEntity<String> raw =
        post(
            api,
            "nakhonsawan",
            "/task/" + planForum.getId() + "/complete",
            plan("{\"value\": " + deep + "}"));
    assertAnswer(raw, HttpStatus.BAD_REQUEST, "InvalidJson");
    // a file without the information Camunda needs to build it: refused as it is read
    assertAnswer(
        post(
            api,
            "nakhonsawan",
            "/task/" + planForum.getId() + "/complete",
            plan("{\"value\": \"aGVsbG8=\", \"type\": \"File\"}")),
        HttpStatus.BAD_REQUEST,
        "InvalidVariable");
    // text with NUL, which PostgreSQL cannot store (a 500 there)
    ResponseEntity<String> nul =
        post(
            api,
            "nakhonsawan",
            "/task/" + planForum.getId() + "/complete",
            plan("{\"value\": 25000}").replace("ทำความเข้าใจแนวทาง", "ทำความเข้าใจ\\u0000แนวทาง"));
    assertThat(fieldOf(assertAnswer(nul, HttpStatus.BAD_REQUEST, "SubmissionRejected")))
        .isEqualTo("agenda");
    assertThat(snapshot()).as("task open, variables and history unchanged").isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void aProcessStartWithTextHoldingNulIsRefused(Api api) throws Exception {
    long before = pipelines();
    for (String user : new String[] {"manager", "admin"}) {
      ResponseEntity<String> response =
          post(
              api,
              user,
              "/process-definition/key/provincialPipeline/start",
              """
          {"variables": {"provinceCode": {"value": "TH-60"}, "fiscalYear": {"value": 2590}, "wave": {"value": 1},
           "programmeName": {"value": "โครงการ\\u0000ทดสอบ"}}}""");
      JsonNode body = assertAnswer(response, HttpStatus.BAD_REQUEST, "SubmissionRejected");
      assertThat(fieldOf(body)).as(user).isEqualTo("programmeName");
      assertThat(body.path("message").asText()).contains("U+0000");
    }
    assertThat(pipelines()).as("nothing started").isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void anAdministratorSettingAnObjectOrXmlVariableIs400(Api api) throws Exception {
    String path = "/process-instance/" + planForum.getProcessInstanceId() + "/variables/probeValue";
    assertAnswer(
        call(
            api,
            "admin",
            HttpMethod.PUT,
            path,
            """
        {"value": "rO0ABXQAA2FiYw==", "type": "Object",
         "valueInfo": {"objectTypeName": "java.lang.String", "serializationDataFormat": "application/x-java-serialized-object"}}"""),
        HttpStatus.BAD_REQUEST,
        "VariableTypeNotAllowed");
    assertAnswer(
        call(api, "admin", HttpMethod.PUT, path, "{\"value\": \"<a/>\", \"type\": \"Xml\"}"),
        HttpStatus.BAD_REQUEST,
        "VariableTypeNotAllowed");
    assertThat(
            engine.getRuntimeService().getVariable(planForum.getProcessInstanceId(), "probeValue"))
        .isNull();
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void aProcessStartWithAnObjectIsRefusedAlsoForAnAdministrator(Api api) throws Exception {
    long before = pipelines();
    for (String user : new String[] {"manager", "admin"}) {
      ResponseEntity<String> response =
          post(
              api,
              user,
              "/process-definition/key/provincialPipeline/start",
              """
          {"variables": {"provinceCode": {"value": "TH-60"}, "fiscalYear": {"value": 2590}, "wave": {"value": 1},
           "programmeName": {"value": "rO0ABXQAA2FiYw==", "type": "Object",
             "valueInfo": {"objectTypeName": "java.lang.String", "serializationDataFormat": "application/x-java-serialized-object"}}}}""");
      JsonNode body = assertAnswer(response, HttpStatus.BAD_REQUEST, "SubmissionRejected");
      assertThat(fieldOf(body)).as(user).isEqualTo("programmeName");
    }
    assertThat(pipelines()).as("nothing started").isEqualTo(before);
  }

  // 3. conditions

  @ParameterizedTest
  @EnumSource(Api.class)
  void aConditionWithNothingToStartIs400(Api api) throws Exception {
    long instances = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    for (String body : new String[] {"{}", "{\"variables\": {\"budget\": {\"value\": 1}}}"}) {
      assertAnswer(
          post(api, "admin", "/condition", body), HttpStatus.BAD_REQUEST, "NoConditionalStart");
    }
    String pipeline =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("provincialPipeline")
            .latestVersion()
            .singleResult()
            .getId();
    assertAnswer(
        post(
            api,
            "admin",
            "/condition",
            "{\"variables\": {\"budget\": {\"value\": 1}}, \"processDefinitionId\": \""
                + pipeline
                + "\"}"),
        HttpStatus.BAD_REQUEST,
        "NoConditionalStart");
    ResponseEntity<String> contradictory =
        post(
            api,
            "admin",
            "/condition",
            "{\"variables\": {\"budget\": {\"value\": 1}}, \"tenantId\": \"t\", \"withoutTenantId\": true}");
    assertThat(contradictory.getStatusCode().is4xxClientError())
        .as(contradictory.getBody())
        .isTrue();
    ResponseEntity<String> mistyped =
        post(
            api,
            "admin",
            "/condition",
            "{\"variables\": {\"budget\": {\"value\": \"a\", \"type\": \"Integer\"}}}");
    assertThat(mistyped.getStatusCode().is4xxClientError()).as(mistyped.getBody()).isTrue();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count())
        .isEqualTo(instances);
  }

  // 4. claiming

  @ParameterizedTest
  @EnumSource(Api.class)
  void claimingATaskSomeoneElseClaimedIs409(Api api) throws Exception {
    assertThat(
            post(api, "admin", "/task/" + planForum.getId() + "/claim", "{\"userId\": \"admin\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Snapshot claimed = snapshot();

    ResponseEntity<String> response =
        post(
            api,
            "nakhonsawan",
            "/task/" + planForum.getId() + "/claim",
            "{\"userId\": \"nakhonsawan\"}");

    JsonNode body = assertAnswer(response, HttpStatus.CONFLICT, "TaskAlreadyClaimed");
    assertThat(body.path("message").asText())
        .contains("งานนี้มีผู้รับไปแล้ว")
        .contains("already been claimed");
    assertThat(snapshot()).as("still admin's, nothing else changed").isEqualTo(claimed);
    assertThat(claimed.assignee()).isEqualTo("admin");
  }

  @Test
  void aPersonsMistakeIsNotLoggedAsAnEngineError(
      org.springframework.boot.test.system.CapturedOutput output) throws Exception {
    assertThat(
            post(
                    Api.ENGINE_REST,
                    "admin",
                    "/task/" + planForum.getId() + "/claim",
                    "{\"userId\": \"admin\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    int before = output.getAll().length();

    assertAnswer(
        post(
            Api.ENGINE_REST,
            "nakhonsawan",
            "/task/" + planForum.getId() + "/claim",
            "{\"userId\": \"nakhonsawan\"}"),
        HttpStatus.CONFLICT,
        "TaskAlreadyClaimed");
    assertAnswer(
        post(Api.ENGINE_REST, "admin", "/condition", "{}"),
        HttpStatus.BAD_REQUEST,
        "NoConditionalStart");

    assertThat(output.getAll().substring(before))
        .doesNotContain("ENGINE-16004")
        .doesNotContain("ERROR");
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void claimingACompletedTaskIs409(Api api) throws Exception {
    assertThat(
            post(
                    api,
                    "nakhonsawan",
                    "/task/" + planForum.getId() + "/complete",
                    plan("{\"value\": 25000}"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<String> response =
        post(
            api,
            "nakhonsawan",
            "/task/" + planForum.getId() + "/claim",
            "{\"userId\": \"nakhonsawan\"}");

    assertAnswer(response, HttpStatus.CONFLICT, "TaskAlreadyCompleted");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskId(planForum.getId())
                .singleResult()
                .getAssignee())
        .as("completed, not claimed afterwards")
        .isNull();
  }

  // 5. Spring Boot's error page

  @Test
  void theErrorPageRequestedDirectlyIs404() throws Exception {
    assertAnswer(http.getForEntity("/error", String.class), HttpStatus.NOT_FOUND, "NotFound");
    assertAnswer(
        http.withBasicAuth("codi", "codi").getForEntity("/error", String.class),
        HttpStatus.NOT_FOUND,
        "NotFound");
    assertAnswer(
        http.withBasicAuth("admin", "admin")
            .exchange("/error", HttpMethod.POST, new HttpEntity<>("{}"), String.class),
        HttpStatus.NOT_FOUND,
        "NotFound");
    WebSession browser = WebSession.open(http);
    assertThat(browser.login("codi", "codi", "tasklist").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertAnswer(browser.get("/error"), HttpStatus.NOT_FOUND, "NotFound");
    // a real error still reaches Boot's error page with its own status
    assertThat(http.getForEntity("/no-such-page", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  // 6. the password policy (on in the prod profile)

  @ParameterizedTest
  @EnumSource(Api.class)
  void aPasswordThatBreaksThePolicyIs400NamingThePolicy(Api api) throws Exception {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    boolean enabled = configuration.isEnablePasswordPolicy();
    var policy = configuration.getPasswordPolicy();
    call(api, "codi", HttpMethod.GET, "/user/codi/profile", null); // log in before the policy is on
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(
        new DefaultPasswordPolicyImpl()); // as the prod profile's start sets it
    try {
      ResponseEntity<String> response =
          call(
              api,
              "codi",
              HttpMethod.PUT,
              "/user/codi/credentials",
              "{\"password\": \"short\", \"authenticatedUserPassword\": \"codi\"}");

      JsonNode body = assertAnswer(response, HttpStatus.BAD_REQUEST, "PasswordPolicy");
      assertThat(body.path("message").asText())
          .contains("นโยบายรหัสผ่าน")
          .contains("password policy")
          .contains("at least 10 characters");
    } finally {
      configuration.setEnablePasswordPolicy(enabled);
      configuration.setPasswordPolicy(policy);
    }
    assertThat(engine.getIdentityService().checkPassword("codi", "codi"))
        .as("password unchanged")
        .isTrue();
  }
}
