package th.or.codi.programme.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.demo.PersonActions;

/**
 * A burst of completions of one task, as a double-clicking browser or a retrying script sends it:
 * exactly one wins, every other one gets 409 TaskAlreadyCompleted, however it lost (the task gone,
 * its grants gone, its values gone, an optimistic-locking failure or the database's conflict
 * error), and the task ends once. Runs on H2 and on PostgreSQL.
 */
@DemoApplicationTest
class SimultaneousCompletionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BURST = 50;

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;

  private String key;
  private Task planForum;

  @BeforeEach
  void aProvinceAtForumPlanning() {
    ForumPlanning at = ForumPlanning.inUnusedWave(engine, act);
    key = at.key();
    planForum = at.planForum();
  }

  private ResponseEntity<String> complete(String user) {
    return ForumPlanning.post(
        http,
        user,
        "/engine-rest/task/" + planForum.getId() + "/complete",
        ForumPlanning.goodPlan());
  }

  @Test
  void fiftySimultaneousCompletionsGiveOne204AndFortyNine409() throws Exception {
    CountDownLatch ready = new CountDownLatch(BURST);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(BURST);
    List<ResponseEntity<String>> responses = new ArrayList<>();
    try {
      List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return complete("nakhonsawan");
                }));
      }
      ready.await();
      go.countDown();
      for (Future<ResponseEntity<String>> future : futures) {
        responses.add(future.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    Map<Integer, Long> statuses = new TreeMap<>();
    responses.forEach(r -> statuses.merge(r.getStatusCode().value(), 1L, Long::sum));
    assertThat(statuses)
        .as(
            responses.stream()
                .filter(r -> r.getStatusCode().value() != 204 && r.getStatusCode().value() != 409)
                .map(ResponseEntity::getBody)
                .toList()
                .toString())
        .isEqualTo(Map.of(204, 1L, 409, (long) BURST - 1));
    for (ResponseEntity<String> loser : responses) {
      if (loser.getStatusCode().value() == 409) {
        var body = JSON.readTree(loser.getBody());
        assertThat(body.path("type").asText()).isEqualTo("TaskAlreadyCompleted");
        assertThat(body.path("message").asText())
            .containsPattern("\\p{InThai}")
            .contains("already");
      }
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(planForum.getId()).count())
        .isZero();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskId(planForum.getId())
                .finished()
                .count())
        .isOne();
    assertThat(
            engine
                .getHistoryService()
                .createUserOperationLogQuery()
                .taskId(planForum.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .count())
        .as("one completion in history")
        .isOne();
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey("Activity_ReviewForumPlanCodi")
                .count())
        .as("the process moved on once")
        .isOne();
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  /**
   * Each way a loser has been seen to fail, once the winner has committed: the task's grants are
   * gone (403 from the engine), its values are gone (400 from the form check), its rows changed
   * (optimistic locking, the database's serialization or deadlock error), the task is gone; raw or
   * wrapped as Camunda's task resource wraps them. All are 409 once the task has ended; while it is
   * open, a refusal stays a refusal and a rejection a rejection.
   */
  @Test
  void everyWayALoserFailsIs409OnceTheTaskHasEnded() throws Exception {
    String path = "task/" + planForum.getId() + "/complete";
    String webappsPath = "engine/default/task/" + planForum.getId() + "/submit-form";
    java.sql.SQLException deadlock = new java.sql.SQLException("deadlock detected", "40P01");
    java.sql.SQLException serialization =
        new java.sql.SQLException("could not serialize access", "40001");
    List<RuntimeException> failures =
        List.of(
            new org.camunda.bpm.engine.AuthorizationException(
                "nakhonsawan", "TASK_WORK", "Task", planForum.getId()),
            new th.or.codi.programme.validation.SubmissionRejectedException(
                "understanding-forum-plan",
                List.of(
                    new th.or.codi.programme.validation.FieldError(
                        "venue", "venue", "กรุณากรอก", "required"))),
            new org.camunda.bpm.engine.OptimisticLockingException(
                "ENGINE-03005 updated by another transaction"),
            new org.camunda.bpm.engine.ProcessEngineException("flush failed", deadlock),
            new org.camunda.bpm.engine.ProcessEngineException("flush failed", serialization),
            new org.camunda.bpm.engine.exception.NullValueException(
                "Cannot find task with id " + planForum.getId()));

    Map<String, Integer> whileOpen = new TreeMap<>();
    for (RuntimeException failure : failures) {
      var wrapped =
          new org.camunda.bpm.engine.rest.exception.RestException(
              jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
              failure,
              "Cannot complete task: " + failure.getMessage());
      var answer = RestErrors.translate(wrapped, path);
      whileOpen.put(
          failure.getClass().getSimpleName()
              + (failure.getCause() == null
                  ? ""
                  : "/" + ((java.sql.SQLException) failure.getCause()).getSQLState()),
          answer == null ? null : answer.getStatus());
    }
    assertThat(whileOpen)
        .as("while the task is open")
        .containsEntry("AuthorizationException", null)
        .containsEntry("SubmissionRejectedException", 400)
        .containsEntry("OptimisticLockingException", 409)
        .containsEntry("ProcessEngineException/40P01", 409)
        .containsEntry("ProcessEngineException/40001", 409)
        .containsEntry("NullValueException", null); // not "no such task" while the task is there

    var claimRace =
        RestErrors.translate(
            new org.camunda.bpm.engine.OptimisticLockingException("ENGINE-03005"),
            "task/" + planForum.getId() + "/claim");
    assertThat(claimRace.getStatus()).as("two claims at once: the loser").isEqualTo(409);
    assertThat(((Map<?, ?>) claimRace.getEntity()).get("type")).isEqualTo("TaskAlreadyClaimed");

    assertThat(complete("nakhonsawan").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    for (RuntimeException failure : failures) {
      for (RuntimeException thrown :
          List.of(
              failure,
              new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
                  jakarta.ws.rs.core.Response.Status.BAD_REQUEST,
                  failure,
                  "Cannot submit task form: " + failure.getMessage()))) {
        for (String where : List.of(path, webappsPath)) {
          jakarta.ws.rs.core.Response answer = RestErrors.translate(thrown, where);
          assertThat(answer).as(thrown + " at " + where).isNotNull();
          assertThat(answer.getStatus()).as(thrown + " at " + where).isEqualTo(409);
          @SuppressWarnings("unchecked")
          Map<String, Object> body = (Map<String, Object>) answer.getEntity();
          assertThat(body.get("type")).isEqualTo("TaskAlreadyCompleted");
        }
      }
    }
  }

  @Test
  void someoneWhoIsNotACandidateIsStillRefused() throws Exception {
    ResponseEntity<String> response = complete("chainat");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getTaskService().createTaskQuery().taskId(planForum.getId()).count())
        .as("still open")
        .isOne();
  }
}
