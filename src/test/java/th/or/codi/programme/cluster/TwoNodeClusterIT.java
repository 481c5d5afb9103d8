package th.or.codi.programme.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import th.or.codi.programme.TestDatabase;

/**
 * Two nodes of the application, each in a JVM of its own with its own job executor, on one
 * PostgreSQL database, as a round-robin load balancer would see them: a timer fires exactly once
 * across the nodes; a task completed on node A is gone on node B; a login to the webapps on node A
 * is valid on node B. Last, node A is killed with SIGKILL under load and started again ({@link
 * CrashSafety}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PROBE = "clusterTimerProbe";

  /** A dead node's jobs go to the others 5 seconds after it took them (production: 5 minutes). */
  static final Map<String, String> SETTINGS =
      Map.of(
          "camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(CrashSafety.LOCK_MILLIS));

  static String jdbcUrl;
  static ClusterNode a;
  static ClusterNode b;
  static ProcessEngine observer;
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void twoNodesOnOneDatabase() throws Exception {
    jdbcUrl = TestDatabase.newDatabase("cluster");
    // the first node creates the schema, the users and the deployment; then the second joins
    a = ClusterNode.start("node-a", jdbcUrl, SETTINGS);
    b = ClusterNode.start("node-b", jdbcUrl, SETTINGS);
    observer = Observer.on(jdbcUrl);
  }

  @AfterAll
  static void stop() {
    for (ClusterNode node : new ClusterNode[] {a, b}) {
      if (node != null) {
        node.close();
      }
    }
    if (observer != null) {
      observer.close();
    }
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(1)
  void aTimerFiresExactlyOnceAcrossTheNodes() throws Exception {
    observer
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            PROBE + ".bpmn",
            Bpmn.createExecutableProcess(PROBE)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("Event_Wait")
                .timerWithDuration("${wait}")
                .userTask("Activity_AfterTimer")
                .camundaCandidateGroups("managers")
                .endEvent()
                .done())
        .deploy();
    int instances = 60;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      // due at twelve moments a second apart; both nodes poll every 250 ms (ClusterNode), so
      // which node takes a moment's timers is a toss-up, twelve times over
      ids.add(
          observer
              .getRuntimeService()
              .startProcessInstanceByKey(PROBE, Map.of("wait", "PT" + (2 + i % 12) + "S"))
              .getId());
    }
    await("every timer fired")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> observer.getTaskService().createTaskQuery().processDefinitionKey(PROBE).count(),
            tasks -> tasks >= instances);
    Thread.sleep(3000); // deliberately: a second firing, had there been one, would show by now

    for (String id : ids) {
      assertThat(
              observer
                  .getHistoryService()
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(id)
                  .activityId("Event_Wait")
                  .finished()
                  .count())
          .as("timer of " + id)
          .isEqualTo(1);
      assertThat(observer.getTaskService().createTaskQuery().processInstanceId(id).count())
          .as("task of " + id)
          .isEqualTo(1);
    }
    List<HistoricJobLog> successes =
        observer
            .getHistoryService()
            .createHistoricJobLogQuery()
            .processDefinitionKey(PROBE)
            .successLog()
            .list();
    Map<String, Long> perJob =
        successes.stream()
            .collect(Collectors.groupingBy(HistoricJobLog::getJobId, Collectors.counting()));
    assertThat(perJob).hasSize(instances);
    assertThat(perJob.values()).as("each timer job ran successfully exactly once").containsOnly(1L);
    Map<String, Long> perNode =
        successes.stream()
            .collect(Collectors.groupingBy(HistoricJobLog::getHostname, Collectors.counting()));
    System.out.println("Timer jobs executed per node: " + perNode);
    assertThat(perNode.keySet())
        .as("both job executors took part")
        .containsExactlyInAnyOrder("node-a", "node-b");
    List<Job> left =
        observer.getManagementService().createJobQuery().processDefinitionKey(PROBE).list();
    assertThat(left).isEmpty();
  }

  @Test
  @Order(2)
  void aTaskCompletedOnNodeAIsGoneOnNodeB() throws Exception {
    String key = "clusterTaskProbe";
    observer
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            key + ".bpmn",
            Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Activity_Work")
                .camundaCandidateGroups("managers")
                .endEvent()
                .done())
        .deploy();
    String instance = observer.getRuntimeService().startProcessInstanceByKey(key).getId();
    String task =
        observer
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance)
            .singleResult()
            .getId();

    assertThat(
            send(HttpRequest.newBuilder(URI.create(b.url("/engine-rest/task/" + task)))
                    .header("Authorization", basic("manager")))
                .statusCode())
        .as("node B sees the task")
        .isEqualTo(200);
    HttpResponse<String> completed =
        send(
            HttpRequest.newBuilder(URI.create(a.url("/engine-rest/task/" + task + "/complete")))
                .header("Authorization", basic("manager"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

    HttpResponse<String> onB =
        send(
            HttpRequest.newBuilder(URI.create(b.url("/engine-rest/task/" + task)))
                .header("Authorization", basic("manager")));
    assertThat(onB.statusCode()).isEqualTo(404);
    HttpResponse<String> again =
        send(
            HttpRequest.newBuilder(URI.create(b.url("/engine-rest/task/" + task + "/complete")))
                .header("Authorization", basic("manager"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(again.statusCode()).as("completing it again on B: already done").isEqualTo(409);
    JsonNode history =
        JSON.readTree(
            send(HttpRequest.newBuilder(
                        URI.create(b.url("/engine-rest/history/task?taskId=" + task)))
                    .header("Authorization", basic("manager")))
                .body());
    assertThat(history.get(0).get("deleteReason").asText()).isEqualTo("completed");
  }

  @Test
  @Order(3)
  void aLoginOnNodeAIsValidOnNodeB() throws Exception {
    Map<String, String> cookies = new HashMap<>();
    HttpResponse<String> welcome =
        send(HttpRequest.newBuilder(URI.create(a.url("/camunda/app/welcome/default/"))));
    keep(cookies, welcome);
    assertThat(cookies).containsKey("XSRF-TOKEN");
    HttpResponse<String> login =
        send(
            HttpRequest.newBuilder(
                    URI.create(a.url("/camunda/api/admin/auth/user/default/login/cockpit")))
                .header("Cookie", cookieHeader(cookies))
                .header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=manager&password="
                            + URLEncoder.encode("manager", StandardCharsets.UTF_8))));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    keep(cookies, login);
    assertThat(cookies).as("the session cookie is the database-backed one").containsKey("SESSION");

    // the same browser, sent to node B by the load balancer
    HttpResponse<String> who =
        send(
            HttpRequest.newBuilder(URI.create(b.url("/camunda/api/admin/auth/user/default")))
                .header("Cookie", cookieHeader(cookies)));
    assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
    assertThat(JSON.readTree(who.body()).get("userId").asText()).isEqualTo("manager");
    keep(cookies, who);
    HttpResponse<String> dashboard =
        send(
            HttpRequest.newBuilder(
                    URI.create(b.url("/camunda/api/cockpit/plugin/programme/default/dashboard")))
                .header("Cookie", cookieHeader(cookies))
                .header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN")));
    assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
    assertThat(JSON.readTree(dashboard.body()).get("viewer").asText()).isEqualTo("manager");

    // and a logout on B ends it on A too
    HttpResponse<String> logout =
        send(
            HttpRequest.newBuilder(URI.create(b.url("/camunda/api/admin/auth/user/default/logout")))
                .header("Cookie", cookieHeader(cookies))
                .header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(logout.statusCode()).as(logout.body()).isIn(200, 204);
    HttpResponse<String> after =
        send(
            HttpRequest.newBuilder(URI.create(a.url("/camunda/api/admin/auth/user/default")))
                .header("Cookie", cookieHeader(cookies)));
    // "nobody is logged in": 204 (web/AbsentAnswers; Camunda itself answers 404)
    assertThat(after.statusCode()).isIn(204, 401);
  }

  @Test
  @Order(4)
  void nodeAKilledUnderLoadLosesNothingAcknowledgedAndRecovers() throws Exception {
    a =
        CrashSafety.killUnderLoadAndRestart(
            a, jdbcUrl, observer, () -> ClusterNode.start("node-a", jdbcUrl, SETTINGS));
  }

  static void keep(Map<String, String> cookies, HttpResponse<?> response) {
    for (String header : response.headers().allValues("set-cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
  }

  static String cookieHeader(Map<String, String> cookies) {
    return cookies.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }
}
