package th.or.codi.programme.provinces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.JointProgrammeApplication;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.pipeline.ProvinceOptionVariables;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * The README's promise, end to end: the application started with a replacement province list
 * ({@code PROGRAMME_PROVINCES_FILE} naming {@code src/test/resources/provinces/replacement.yaml}: a
 * new programme province TH-99 Test Province, no Uthai Thani TH-61) offers the new province in the
 * start form Tasklist renders and in the study-visit forms, starts and drives a pipeline for it
 * through the REST start form, and refuses the removed province with 400, naming it in Thai and
 * English. Its own application (the list is read when the application starts).
 */
class ConfiguredProvincesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LIST = "src/test/resources/provinces/replacement.yaml";

  private static ConfigurableApplicationContext app;
  private static ProcessEngine engine;
  private static HttpClient http;
  private static String base;

  @BeforeAll
  static void startWithTheReplacementList() {
    assertThat(Path.of(LIST)).as("run from the project folder").exists();
    app =
        new SpringApplicationBuilder(JointProgrammeApplication.class)
            .profiles("demo")
            .run(
                "--PROGRAMME_PROVINCES_FILE=" + LIST,
                "--spring.datasource.url=jdbc:h2:mem:provinces-"
                    + System.nanoTime()
                    + ";DB_CLOSE_DELAY=-1",
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                "--programme.demo.data=false");
    engine = app.getBean(ProcessEngine.class);
    http = HttpClient.newHttpClient();
    base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static HttpResponse<String> call(String user, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String start(String provinceCode) {
    return """
        {"variables": {
          "provinceCode": {"value": "%s"},
          "fiscalYear": {"value": 2570},
          "wave": {"value": 1},
          "programmeName": {"value": "โครงการทดสอบจังหวัดใหม่"}
        }}"""
        .formatted(provinceCode);
  }

  private static String visitPlan(String host) {
    return """
        {"variables": {
          "studyVisitHost": {"value": "%s"},
          "visitStartDate": {"value": "%s"},
          "visitEndDate": {"value": "%s"},
          "visitParticipants": {"value": 25},
          "visitBudgetRequested": {"value": 90000},
          "itinerary": {"value": "ดูงานการจัดการตนเองของจังหวัดทดสอบ"}
        }}"""
        .formatted(host, Walkthrough.inDays(40), Walkthrough.inDays(42));
  }

  /** The codes a task's form is offered under the name, as Tasklist reads them. */
  private static List<String> offered(String user, Task task, String list) throws Exception {
    HttpResponse<String> response =
        call(
            user,
            "GET",
            "/engine-rest/task/" + task.getId() + "/form-variables?deserializeValues=false",
            null); // as Tasklist asks
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode variable = JSON.readTree(response.body()).path(list);
    assertThat(variable.path("type").asText())
        .as(task.getTaskDefinitionKey() + " " + list)
        .isEqualTo("Json");
    List<String> codes = new ArrayList<>();
    JSON.readTree(variable.path("value").asText())
        .forEach(o -> codes.add(o.path("value").asText()));
    return codes;
  }

  @Test
  void aNewProvinceIsOfferedStartedAndDrivenAndARemovedOneIsRefused() throws Exception {
    ProvinceReferenceData data = app.getBean(ProvinceReferenceData.class);
    assertThat(data.requireByCode("TH-99").inProgramme())
        .as("the replacement list was read")
        .isTrue();
    assertThat(data.byCode("TH-61")).isEmpty();
    assertThat(
            engine
                .getIdentityService()
                .createGroupQuery()
                .groupIdIn("community-test-province", "joint-test-province")
                .count())
        .isEqualTo(2);

    // the start form as Tasklist loads it: the new province offered, the removed one not
    HttpResponse<String> form =
        call(
            "manager",
            "GET",
            "/engine-rest/process-definition/key/"
                + ProgrammeProcesses.PIPELINE
                + "/deployed-start-form",
            null);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    List<String> startOptions = new ArrayList<>();
    for (JsonNode component : JSON.readTree(form.body()).path("components")) {
      if ("provinceCode".equals(component.path("key").asText())) {
        component.path("values").forEach(o -> startOptions.add(o.path("value").asText()));
      }
    }
    assertThat(startOptions)
        .isEqualTo(app.getBean(ProvinceOptions.class).values(ProvinceOptions.PROGRAMME_PROVINCES))
        .contains("TH-99")
        .doesNotContain("TH-61", "TH-27");

    // the removed province is refused, by name, and nothing is started
    HttpResponse<String> refused =
        call(
            "manager",
            "POST",
            "/engine-rest/process-definition/key/" + ProgrammeProcesses.PIPELINE + "/submit-form",
            start("TH-61"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode rejection = JSON.readTree(refused.body());
    assertThat(rejection.path("type").asText()).isEqualTo("SubmissionRejected");
    assertThat(rejection.path("message").asText())
        .contains("จังหวัด 'TH-61' ไม่อยู่ในโครงการ")
        .contains("Province 'TH-61' is not a programme province");
    assertThat(rejection.path("errors").get(0).path("field").asText()).isEqualTo("provinceCode");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ProgrammeProcesses.PIPELINE)
                .count())
        .isZero();

    // the new province starts through the REST start form, like any other
    HttpResponse<String> started =
        call(
            "manager",
            "POST",
            "/engine-rest/process-definition/key/" + ProgrammeProcesses.PIPELINE + "/submit-form",
            start("TH-99"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String key = "TH-99/2570-1";
    String pipeline = JSON.readTree(started.body()).path("id").asText();
    assertThat(engine.getRuntimeService().getVariables(pipeline))
        .containsEntry("provinceName", "จังหวัดทดสอบ")
        .containsEntry("communityGroup", "community-test-province")
        .containsEntry("jointGroup", "joint-test-province");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(pipeline)
                .singleResult()
                .getBusinessKey())
        .isEqualTo(key);

    String member = memberOf("community-test-province", "joint-test-province");
    Walkthrough walk =
        new Walkthrough(app.getBean(PersonActions.class), code -> member, task -> {});
    PersonActions act = walk.act();
    // the new province's movement is the candidate of its first task
    assertThat(
            app.getBean(ProcessEngine.class)
                .getTaskService()
                .getIdentityLinksForTask(act.task(key, "Activity_PlanForum").getId()))
        .extracting(link -> link.getGroupId())
        .containsExactly("community-test-province");
    walk.forumStage(key, "TH-99");

    // the study visit may go to the new province, not to the removed one
    Task planVisit = act.task(key, "Activity_PlanStudyVisit");
    List<String> hosts = offered("codi", planVisit, ProvinceOptions.STUDY_VISIT_HOSTS);
    assertThat(hosts)
        .isEqualTo(app.getBean(ProvinceOptions.class).values(ProvinceOptions.STUDY_VISIT_HOSTS))
        .startsWith("TH-27")
        .contains("TH-99")
        .doesNotContain("TH-61");
    // a task created before the list changed (here: a stale copy) gets today's list on the next
    // start
    engine
        .getTaskService()
        .setVariableLocal(
            planVisit.getId(),
            ProvinceOptions.STUDY_VISIT_HOSTS,
            Walkthrough.json(
                List.of(java.util.Map.of("label", "อุทัยธานี / Uthai Thani", "value", "TH-61"))));
    ProvinceOptionVariables refresher = app.getBean(ProvinceOptionVariables.class);
    assertThat(refresher.refresh(engine)).isEqualTo(1);
    assertThat(refresher.refresh(engine)).as("only what differs").isZero();
    assertThat(offered("codi", planVisit, ProvinceOptions.STUDY_VISIT_HOSTS)).isEqualTo(hosts);
    act.as(
        "codi",
        () -> {
          engine.getTaskService().claim(planVisit.getId(), "codi");
          return null;
        });
    HttpResponse<String> badHost =
        call(
            "codi",
            "POST",
            "/engine-rest/task/" + planVisit.getId() + "/submit-form",
            visitPlan("TH-61"));
    assertThat(badHost.statusCode()).as(badHost.body()).isEqualTo(400);
    assertThat(JSON.readTree(badHost.body()).path("message").asText()).contains("'TH-61'");
    HttpResponse<String> planned =
        call(
            "codi",
            "POST",
            "/engine-rest/task/" + planVisit.getId() + "/submit-form",
            visitPlan("TH-99"));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(204);

    assertThat(
            offered(
                "thaihealth",
                act.task(key, "Activity_ApproveVisitBudget"),
                ProvinceOptions.STUDY_VISIT_HOSTS))
        .isEqualTo(hosts);
    walk.decideBudget(key, "approve", null);
    act.fireTimer(key, "Event_VisitEnded");
    assertThat(
            offered(
                member, act.task(key, "Activity_ReportLessons"), ProvinceOptions.STUDY_VISIT_HOSTS))
        .as("the province's movement reads the list too")
        .isEqualTo(hosts);
    walk.reportLessons(key, "TH-99");

    walk.designStage(key, "TH-99");
    walk.monthlyReport(key, "TH-99", "on-track");
    walk.completePlan(key, "TH-99");
    walk.evaluate(key, "expand");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pipeline)
                .variableName("outcome")
                .singleResult()
                .getValue())
        .isEqualTo("expand");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pipeline)
                .variableName("studyVisitHost")
                .singleResult()
                .getValue())
        .isEqualTo("TH-99");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(pipeline)
                .count())
        .isZero();
  }

  private static String memberOf(String... groups) {
    String id = "testprovince";
    User user = engine.getIdentityService().newUser(id);
    user.setPassword(id);
    engine.getIdentityService().saveUser(user);
    for (String group : groups) {
      engine.getIdentityService().createMembership(id, group);
    }
    return id;
  }
}
