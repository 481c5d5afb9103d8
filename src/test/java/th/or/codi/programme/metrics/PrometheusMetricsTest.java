package th.or.codi.programme.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.UnusedWave;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.processes.ProgrammeProcesses;

/** The programme's figures at /actuator/prometheus, for the monitoring group only. */
@DemoApplicationTest
class PrometheusMetricsTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;

  private static double figure(String body, String metric, String label, String value) {
    Matcher m =
        Pattern.compile(
                "(?m)^"
                    + metric
                    + "\\{[^}]*"
                    + label
                    + "=\""
                    + Pattern.quote(value)
                    + "\"[^}]*} (\\S+)$")
            .matcher(body);
    assertThat(m.find()).as(metric + " " + label + "=" + value + " in\n" + body).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void openTasksOverdueTasksAndPipelinesPerStageBehindAuthentication() {
    UnusedWave unused = UnusedWave.of(engine, "TH-60");
    new Walkthrough(act, code -> "nakhonsawan", t -> {})
        .start("TH-60", unused.fiscalYear(), unused.wave());

    ResponseEntity<String> response =
        http.withBasicAuth("monitor", "monitor").getForEntity("/actuator/prometheus", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    String body = response.getBody();
    long community =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskCandidateGroupIn(
                engine.getIdentityService().createGroupQuery().list().stream()
                    .map(g -> g.getId())
                    .filter(id -> id.startsWith("community-"))
                    .toList())
            .includeAssignedTasks()
            .count();
    assertThat(figure(body, "programme_tasks_open", "party", "community")).isEqualTo(community);
    assertThat(figure(body, "programme_tasks_open", "party", "codi"))
        .isEqualTo(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskCandidateGroup("codi")
                .includeAssignedTasks()
                .count());
    assertThat(figure(body, "programme_tasks_overdue", "party", "codi")).isGreaterThanOrEqualTo(0);
    assertThat(figure(body, "programme_pipelines", "stage", "understanding-forum"))
        .isEqualTo(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ProgrammeProcesses.PIPELINE)
                .variableValueEquals("stageKey", "understanding-forum")
                .count());
    assertThat(body).contains("jvm_memory_used_bytes");

    assertThat(
            http.withBasicAuth("admin", "admin")
                .getForEntity("/actuator/prometheus", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> anonymous = http.getForEntity("/actuator/prometheus", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic realm=");
    assertThat(anonymous.getBody()).contains("ต้องเข้าสู่ระบบ").contains("HTTP Basic");
    ResponseEntity<String> codi =
        http.withBasicAuth("codi", "codi").getForEntity("/actuator/prometheus", String.class);
    assertThat(codi.getBody())
        .contains("ผู้ใช้ codi ไม่อยู่ในกลุ่ม")
        .contains("user codi is not in monitoring or camunda-admin");
    assertThat(
            http.withBasicAuth("monitor", "wrong")
                .getForEntity("/actuator/prometheus", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String user : List.of("manager", "auditor", "codi")) {
      assertThat(
              http.withBasicAuth(user, user)
                  .getForEntity("/actuator/prometheus", String.class)
                  .getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }
}
