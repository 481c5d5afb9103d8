package th.or.codi.programme.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.ProbeProcess;

/** The REST API, the webapps' login and the actuator, as a client on the network sees them. */
@DemoApplicationTest
class RestApiSecurityTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired Environment environment;

  private ProbeProcess probe;
  private Task nakhonSawanTask;

  @BeforeEach
  void startProbe() {
    probe = new ProbeProcess(engine, "community-nakhon-sawan");
    String pi = probe.start().getId();
    nakhonSawanTask =
        engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
  }

  @AfterEach
  void removeProbe() {
    probe.close();
  }

  @Test
  void anonymousCallsAreRefused() {
    for (String path :
        List.of(
            "/engine-rest/task",
            "/engine-rest/process-definition",
            "/engine-rest/user",
            "/engine-rest/history/process-instance",
            "/engine-rest/deployment")) {
      ResponseEntity<String> response = http.getForEntity(path, String.class);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }
  }

  @Test
  void aRefusalSaysWhyInThaiAndEnglish() {
    ResponseEntity<String> response = http.getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
        .isEqualTo("Basic realm=\"joint-programme\", charset=\"UTF-8\"");
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
        .isTrue();
    assertThat(response.getBody())
        .contains("\"type\":\"AuthenticationRequired\"")
        .contains("ต้องเข้าสู่ระบบ")
        .contains("valid HTTP Basic credentials required");
  }

  @Test
  void theApiIsStatelessAndCarriesSpringSecuritysHeaders() {
    ResponseEntity<String> response =
        http.withBasicAuth("codi", "codi").getForEntity("/engine-rest/task/count", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().get(HttpHeaders.SET_COOKIE)).as("no session").isNull();
    assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.getHeaders().getFirst("X-XSS-Protection")).isEqualTo("0");
    // the webapps keep their own headers: Spring Security does not touch them
    assertThat(
            http.getForEntity("/camunda/app/welcome/default/", String.class)
                .getHeaders()
                .get("X-Frame-Options"))
        .isNull();
  }

  @Test
  void thereIsNoDefaultSpringUser() {
    assertThat(
            http.withBasicAuth("user", "user")
                .getForEntity("/engine-rest/task/count", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void wrongPasswordIsRefused() {
    assertThat(
            http.withBasicAuth("codi", "not-the-password")
                .getForEntity("/engine-rest/task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @ParameterizedTest(name = "{0} is let in")
  @ValueSource(
      strings = {
        "admin",
        "manager",
        "auditor",
        "codi",
        "thaihealth",
        "nakhonsawan",
        "saraburi",
        "chainat"
      })
  void everyDemoUserIsLetIn(String user) {
    ResponseEntity<String> response =
        http.withBasicAuth(user, user).getForEntity("/engine-rest/task/count", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aProvinceSeesOnlyItsOwnTasks() {
    assertThat(taskIdsOf("nakhonsawan")).contains(nakhonSawanTask.getId());
    assertThat(taskIdsOf("saraburi")).doesNotContain(nakhonSawanTask.getId());
    assertThat(
            http.withBasicAuth("saraburi", "saraburi")
                .getForEntity("/engine-rest/task/" + nakhonSawanTask.getId(), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @ParameterizedTest(name = "{0} cannot complete the Nakhon Sawan task")
  @ValueSource(strings = {"saraburi", "auditor", "manager"})
  void othersCannotCompleteIt(String user) {
    ResponseEntity<String> response = complete(user);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getTaskService().createTaskQuery().taskId(nakhonSawanTask.getId()).count())
        .as("the task is still open")
        .isEqualTo(1);
  }

  @Test
  void theProvinceCompletesItsTaskAndHistoryNamesWhoDidIt() {
    assertThat(complete("nakhonsawan").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(engine.getTaskService().createTaskQuery().taskId(nakhonSawanTask.getId()).count())
        .isZero();
    assertThat(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .taskId(nakhonSawanTask.getId())
                .operationType("Complete")
                .singleResult()
                .getUserId())
        .isEqualTo("nakhonsawan");
  }

  @ParameterizedTest(name = "{0} may log in to {1}: {2}")
  @CsvSource({
    "admin, admin, 200",
    "admin, cockpit, 200",
    "admin, tasklist, 200",
    "manager, cockpit, 200",
    "manager, tasklist, 200",
    "manager, admin, 403",
    "auditor, cockpit, 200",
    "auditor, tasklist, 403",
    "auditor, admin, 403",
    "codi, tasklist, 200",
    "codi, cockpit, 403",
    "codi, admin, 403",
    "nakhonsawan, tasklist, 200",
    "nakhonsawan, cockpit, 403",
    "saraburi, tasklist, 200",
    "chainat, tasklist, 200",
    "thaihealth, tasklist, 200"
  })
  void webappLogin(String user, String app, int status) {
    WebSession session = WebSession.open(http);
    assertThat(session.login(user, user, app).getStatusCode().value()).isEqualTo(status);
  }

  @Test
  void webappsRefuseAPostWithoutTheCsrfToken() {
    WebSession session = WebSession.open(http);
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session.cookies());
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "admin");
    form.add("password", "admin");
    ResponseEntity<String> response =
        http.exchange(
            WebSession.LOGIN + "admin",
            HttpMethod.POST,
            new HttpEntity<>(form, headers),
            String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void actuatorShowsHealthOnlyAndNoDetailsAndMetricsOnlyWithCredentials() {
    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
    for (String path :
        List.of(
            "/actuator/env",
            "/actuator/beans",
            "/actuator/configprops",
            "/actuator/metrics",
            "/actuator/heapdump",
            "/h2-console",
            "/h2-console/")) {
      assertThat(http.getForEntity(path, String.class).getStatusCode())
          .as(path)
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void demoModeListensOnLoopbackOnly() {
    assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
  }

  private List<String> taskIdsOf(String user) {
    ResponseEntity<List<Map<String, Object>>> response =
        http.withBasicAuth(user, user)
            .exchange("/engine-rest/task?maxResults=1000", HttpMethod.GET, null, LIST);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody().stream().map(t -> (String) t.get("id")).toList();
  }

  private ResponseEntity<String> complete(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user)
        .exchange(
            "/engine-rest/task/" + nakhonSawanTask.getId() + "/complete",
            HttpMethod.POST,
            new HttpEntity<>("{\"variables\":{}}", headers),
            String.class);
  }
}
