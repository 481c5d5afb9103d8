package th.or.codi.programme.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * Crash safety, run by {@link TwoNodeClusterIT} on its node A: the application process killed with
 * SIGKILL while a client completes tasks through REST, then started again on the same PostgreSQL
 * database: every completion acknowledged with a 2xx before the kill is in the history, no job
 * stays locked beyond its lock time, and timers still fire.
 */
final class CrashSafety {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PROBE = "crashProbe";
  static final int INSTANCES = 200;
  static final long LOCK_MILLIS = 5_000;
  static final String BURST = "crashBurst";
  static final int BURST_INSTANCES = 1500;

  private CrashSafety() {}

  /** Restarts the killed node on the same database. */
  interface Restart {
    ClusterNode again() throws Exception;
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  static long sql(String jdbcUrl, String query) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Kills the node under load, restarts it, checks; returns the restarted node. */
  static ClusterNode killUnderLoadAndRestart(
      ClusterNode node, String jdbcUrl, ProcessEngine observer, Restart restart) throws Exception {
    observer
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            PROBE + ".bpmn",
            Bpmn.createExecutableProcess(PROBE)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Activity_Work")
                .camundaCandidateGroups("managers")
                .serviceTask("Activity_After")
                .camundaAsyncBefore()
                .camundaExpression("${true}")
                .intermediateCatchEvent("Event_Later")
                .timerWithDuration("PT5S")
                .userTask("Activity_Later")
                .camundaCandidateGroups("managers")
                .endEvent()
                .done())
        .deploy();
    observer
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            BURST + ".bpmn",
            Bpmn.createExecutableProcess(BURST)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .camundaAsyncBefore()
                .serviceTask("Activity_Step")
                .camundaExpression("${true}")
                .endEvent()
                .done())
        .deploy();
    for (int i = 0; i < INSTANCES; i++) {
      observer.getRuntimeService().startProcessInstanceByKey(PROBE);
    }

    // a client completes tasks as fast as the node answers; it remembers every 2xx
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger failures = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String base = node.url("/engine-rest");
    Thread client =
        new Thread(
            () -> {
              while (!stop.get()) {
                try {
                  HttpResponse<String> list =
                      http.send(
                          HttpRequest.newBuilder(
                                  URI.create(
                                      base
                                          + "/task?processDefinitionKey="
                                          + PROBE
                                          + "&taskDefinitionKey=Activity_Work&maxResults=10"))
                              .header("Authorization", basic("manager"))
                              .timeout(Duration.ofSeconds(5))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  for (JsonNode task : JSON.readTree(list.body())) {
                    String id = task.get("id").asText();
                    HttpResponse<String> done =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + "/task/" + id + "/complete"))
                                .header("Authorization", basic("manager"))
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(5))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (done.statusCode() / 100 == 2) {
                      acknowledged.add(id);
                    }
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                  try {
                    Thread.sleep(
                        100); // a client's back-off after an error, not a wait for a condition
                  } catch (InterruptedException interrupted) {
                    return;
                  }
                }
              }
            });
    client.start();
    await("50 completions before the kill")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(acknowledged::size, count -> count >= 50);
    // a burst of asynchronous steps keeps the job executors busy; the node dies holding locked jobs
    Thread burst =
        new Thread(
            () -> {
              for (int i = 0; i < BURST_INSTANCES; i++) {
                observer.getRuntimeService().startProcessInstanceByKey(BURST);
              }
            });
    burst.start();
    await("a job locked by a node")
        .atMost(Duration.ofSeconds(20))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(2))
        .until(
            () -> sql(jdbcUrl, "select count(*) from act_ru_job where lock_owner_ is not null"),
            locked -> locked > 0);
    node.kill();
    long killedAt = System.currentTimeMillis();
    Thread.sleep(1000); // deliberately: the client keeps calling the dead node for a second
    stop.set(true);
    client.join(10_000);
    Set<String> acked = Set.copyOf(acknowledged);
    long lockedAtKill =
        sql(jdbcUrl, "select count(*) from act_ru_job where lock_owner_ is not null");
    burst.join();
    System.out.printf(
        "Killed after %d acknowledged completions (%d client errors); %d jobs locked at the kill%n",
        acked.size(), failures.get(), lockedAtKill);
    assertThat(lockedAtKill)
        .as("the node died holding jobs (or another node held them)")
        .isPositive();

    node = restart.again();

    // every acknowledged completion is in the history
    for (String id : acked) {
      HistoricTaskInstance task =
          observer.getHistoryService().createHistoricTaskInstanceQuery().taskId(id).singleResult();
      assertThat(task).as("task " + id).isNotNull();
      assertThat(task.getDeleteReason()).as("task " + id).isEqualTo("completed");
      assertThat(observer.getTaskService().createTaskQuery().taskId(id).count())
          .as("task " + id + " still open")
          .isZero();
    }
    List<String> instances =
        acked.stream()
            .map(
                id ->
                    observer
                        .getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .taskId(id)
                        .singleResult()
                        .getProcessInstanceId())
            .toList();

    // jobs the dead node held are taken again once their lock expired; none stays locked
    // deliberately a pause, not a wait for a condition: until the dead node's locks expired (and
    // a little), which is what the assertion is about; before that it would hold trivially
    long wait = Math.max(0, killedAt + LOCK_MILLIS + 8_000 - System.currentTimeMillis());
    Thread.sleep(wait);
    assertThat(
            sql(
                jdbcUrl,
                "select count(*) from act_ru_job where lock_owner_ is not null"
                    + " and lock_exp_time_ < now() - interval '3 seconds'"))
        .as("jobs locked beyond their lock time")
        .isZero();
    await("no asynchronous steps left")
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> sql(jdbcUrl, "select count(*) from act_ru_job where type_ = 'message'"),
            left -> left == 0);
    assertThat(
            observer
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(BURST)
                .finished()
                .count())
        .as("every asynchronous burst instance ran once")
        .isEqualTo(BURST_INSTANCES);

    // and the timers after the completions fire
    await("timers fired after the restart")
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                observer
                    .getTaskService()
                    .createTaskQuery()
                    .processDefinitionKey(PROBE)
                    .taskDefinitionKey("Activity_Later")
                    .processInstanceIdIn(instances.toArray(String[]::new))
                    .count(),
            later -> later == instances.size());
    for (String instance : instances) {
      assertThat(
              observer
                  .getHistoryService()
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(instance)
                  .activityId("Event_Later")
                  .finished()
                  .count())
          .as("timer of " + instance)
          .isEqualTo(1);
    }
    return node;
  }
}
