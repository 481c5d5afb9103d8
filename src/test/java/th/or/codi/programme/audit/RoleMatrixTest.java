package th.or.codi.programme.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.identity.ProgrammeGroups;

/**
 * One authorization model: every demo role gets the same answer about one provincial pipeline from
 * the audit trail (JSON and its exports), the dashboard and each {@code /history/*} resource that
 * carries its values. Managers, auditors and administrators read the same instances, tasks, actors
 * and submitted values everywhere; every other role sees nothing of it anywhere (the programme's
 * views refuse with 403 and say why, the engine's history answers an empty list). The engine's
 * housekeeping (batches) is administrators' only, and managers and auditors hold no right to write
 * anything but their own tasks.
 */
@DemoApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> READERS = List.of("admin", "manager", "auditor");
  static final List<String> OTHERS =
      List.of("codi", "thaihealth", "nakhonsawan", "saraburi", "chainat", "monitor");
  private static final int FISCAL_YEAR = 2596;
  private static final long WAVE = 7;

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;

  private String pipelineId;
  private List<String> tree;
  private Batch batch;

  /** Once for the class, in the first test (process coverage records only inside a test). */
  @BeforeEach
  void aPipelineAFewStepsInWithAnOperatorsChange() {
    if (pipelineId != null) {
      return;
    }
    Walkthrough walk = new Walkthrough(act, code -> "saraburi", task -> {});
    String key = walk.start("TH-19", FISCAL_YEAR, (int) WAVE);
    walk.forumStage(key, "TH-19");
    walk.planVisit(key);
    pipelineId =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .processDefinitionKey("provincialPipeline")
            .singleResult()
            .getId();
    act.as(
        "admin",
        () -> {
          engine.getRuntimeService().setVariable(pipelineId, "operatorNote", "ตรวจทานโดยผู้ดูแล");
          return null;
        });
    tree =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .rootProcessInstanceId(pipelineId)
            .list()
            .stream()
            .map(HistoricProcessInstance::getId)
            .toList();
    // housekeeping an administrator started: a batch (its jobs wait, the job executor is off)
    List<String> jobs =
        tree.stream()
            .flatMap(
                id ->
                    engine
                        .getManagementService()
                        .createJobQuery()
                        .processInstanceId(id)
                        .list()
                        .stream())
            .map(Job::getId)
            .toList();
    assertThat(jobs).as("jobs of the pipeline, for a batch to work on").isNotEmpty();
    batch = engine.getManagementService().setJobRetriesAsync(jobs, 3);
  }

  @AfterAll
  void removeTheBatch() {
    if (batch != null) {
      engine.getManagementService().deleteBatch(batch.getId(), true);
    }
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private JsonNode ok(String user, String path) {
    ResponseEntity<String> response = get(user, path);
    assertThat(response.getStatusCode())
        .as(user + " " + path + ": " + response.getBody())
        .isEqualTo(HttpStatus.OK);
    try {
      return JSON.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError(user + " " + path, e);
    }
  }

  /** The elements of a JSON array answer, concatenated over the pipeline's process instances. */
  private List<JsonNode> perInstance(String user, String pathWithInstance) {
    List<JsonNode> out = new ArrayList<>();
    for (String id : tree) {
      ok(user, pathWithInstance.replace("{id}", id)).forEach(out::add);
    }
    return out;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static <T extends Comparable<T>> Set<T> set(
      List<JsonNode> nodes, Function<JsonNode, T> field) {
    Set<T> out = new TreeSet<>();
    nodes.forEach(n -> out.add(field.apply(n)));
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<JsonNode> ofKind(List<JsonNode> entries, String kind) {
    return entries.stream().filter(e -> kind.equals(text(e, "kind"))).toList();
  }

  /**
   * The paths of the engine's history that carry this pipeline's instances, steps, tasks and
   * values.
   */
  private List<String> historyPaths() {
    List<String> paths =
        new ArrayList<>(
            List.of(
                "/engine-rest/history/process-instance?rootProcessInstanceId=" + pipelineId,
                "/engine-rest/history/task?rootProcessInstanceId=" + pipelineId,
                "/engine-rest/history/variable-instance?processInstanceIdIn="
                    + String.join(",", tree),
                "/engine-rest/history/detail?deserializeValues=false&processInstanceIdIn="
                    + String.join(",", tree)));
    for (String id : tree) {
      paths.add("/engine-rest/history/activity-instance?processInstanceId=" + id);
      paths.add("/engine-rest/history/user-operation?processInstanceId=" + id);
      paths.add("/engine-rest/history/job-log?processInstanceId=" + id);
      paths.add("/engine-rest/history/incident?processInstanceId=" + id);
    }
    return paths;
  }

  private List<String> programmePaths() {
    return List.of(
        "/engine-rest/programme/audit-trail/" + pipelineId,
        "/engine-rest/programme/audit-trail/" + pipelineId + "?format=json",
        "/engine-rest/programme/audit-trail/" + pipelineId + "?format=csv",
        "/engine-rest/programme/audit-trail?province=TH-19&wave=" + WAVE,
        "/engine-rest/programme/pipelines?province=TH-19",
        "/engine-rest/programme/dashboard");
  }

  @Test
  void
      managersAuditorsAndAdministratorsReadTheSameEntriesAndValuesInTheTrailTheDashboardAndTheHistory()
          throws Exception {
    Map<String, List<JsonNode>> trails = new HashMap<>();
    for (String user : READERS) {
      List<JsonNode> trail =
          list(ok(user, "/engine-rest/programme/audit-trail/" + pipelineId).get("entries"));
      trails.put(user, trail);
      assertThat(trail).as(user).isNotEmpty();

      // its exports and the search give the same entries
      assertThat(
              list(
                  ok(user, "/engine-rest/programme/audit-trail/" + pipelineId + "?format=json")
                      .get("entries")))
          .as(user + " JSON export")
          .isEqualTo(trail);
      assertThat(
              list(
                  ok(user, "/engine-rest/programme/audit-trail?province=TH-19&wave=" + WAVE)
                      .get("entries")))
          .as(user + " search")
          .isEqualTo(trail);
      ResponseEntity<byte[]> csv =
          http.withBasicAuth(user, user)
              .getForEntity(
                  "/engine-rest/programme/audit-trail/" + pipelineId + "?format=csv", byte[].class);
      assertThat(csv.getStatusCode()).as(user + " CSV").isEqualTo(HttpStatus.OK);
      byte[] body = csv.getBody();
      List<List<String>> rows =
          AuditTrailRestTest.Csv.parse(
              new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
      List<List<String>> data =
          rows.subList(rows.indexOf(List.of(AuditExport.COLUMNS)) + 1, rows.size());
      // who, in which instance, on which task, with which values: row by row as in the JSON
      assertThat(data.stream().map(r -> r.get(4) + " " + r.get(10) + " " + r.get(13)).toList())
          .as(user + " CSV")
          .isEqualTo(
              trail.stream()
                  .map(
                      e ->
                          text(e, "actor")
                              + " "
                              + text(e, "processInstanceId")
                              + " "
                              + Objects.toString(text(e, "taskId"), ""))
                  .toList());
      for (int i = 0; i < data.size(); i++) {
        JsonNode values = trail.get(i).get("values");
        String csvValues = data.get(i).get(15);
        assertThat(csvValues.isEmpty() ? JSON.createObjectNode() : JSON.readTree(csvValues))
            .as(user + " CSV values " + i)
            .isEqualTo(values == null || values.isNull() ? JSON.createObjectNode() : values);
      }

      // the instances
      List<JsonNode> instances =
          list(
              ok(
                  user,
                  "/engine-rest/history/process-instance?rootProcessInstanceId=" + pipelineId));
      assertThat(set(instances, n -> text(n, "id")))
          .as(user + " instances")
          .isEqualTo(new TreeSet<>(tree))
          .isEqualTo(set(trail, e -> text(e, "processInstanceId")));

      // the tasks, who claimed and completed each, with which values
      List<JsonNode> tasks =
          list(ok(user, "/engine-rest/history/task?rootProcessInstanceId=" + pipelineId));
      assertThat(set(tasks, n -> text(n, "id")))
          .as(user + " tasks")
          .isEqualTo(set(ofKind(trail, "TASK_CREATED"), e -> text(e, "taskId")));
      List<JsonNode> operations =
          perInstance(user, "/engine-rest/history/user-operation?processInstanceId={id}");
      for (String kind : List.of("Claim", "Complete")) {
        Set<String> logged =
            set(
                operations.stream()
                    .filter(
                        o ->
                            kind.equals(text(o, "operationType"))
                                && "Task".equals(text(o, "entityType")))
                    .toList(),
                o -> text(o, "taskId") + " by " + text(o, "userId"));
        Set<String> trailed =
            set(
                ofKind(trail, kind.equals("Claim") ? "TASK_CLAIMED" : "TASK_COMPLETED"),
                e -> text(e, "taskId") + " by " + text(e, "actor"));
        assertThat(trailed).as(user + " " + kind).isNotEmpty().isEqualTo(logged);
      }
      List<JsonNode> details =
          list(
              ok(
                  user,
                  "/engine-rest/history/detail?deserializeValues=false&processInstanceIdIn="
                      + String.join(",", tree)));
      for (JsonNode completed : ofKind(trail, "TASK_COMPLETED")) {
        String operation =
            operations.stream()
                .filter(
                    o ->
                        "Complete".equals(text(o, "operationType"))
                            && text(completed, "taskId").equals(text(o, "taskId")))
                .map(o -> text(o, "operationId"))
                .findFirst()
                .orElseThrow();
        String taskId = text(completed, "taskId");
        String step =
            tasks.stream()
                .filter(t -> taskId.equals(text(t, "id")))
                .map(t -> text(t, "activityInstanceId"))
                .findFirst()
                .orElseThrow();
        Map<String, JsonNode> submitted = new TreeMap<>();
        // what the completion itself wrote: on the task or in its step (not the next steps' inputs)
        details.stream()
            .filter(
                d ->
                    operation.equals(text(d, "userOperationId"))
                        && "variableUpdate".equals(text(d, "type"))
                        && (taskId.equals(text(d, "taskId"))
                            || step.equals(text(d, "activityInstanceId"))))
            .forEach(d -> submitted.put(text(d, "variableName"), d.get("value")));
        Map<String, JsonNode> trailed = new TreeMap<>();
        completed
            .get("values")
            .fields()
            .forEachRemaining(v -> trailed.put(v.getKey(), v.getValue()));
        assertThat(trailed)
            .as(user + " values of " + text(completed, "activityId"))
            .isNotEmpty()
            .containsOnlyKeys(submitted.keySet());
        for (Map.Entry<String, JsonNode> value : submitted.entrySet()) {
          JsonNode inTrail = trailed.get(value.getKey());
          String what = user + " " + text(completed, "activityId") + " " + value.getKey();
          if (value.getValue() == null || value.getValue().isNull()) {
            assertThat(inTrail == null || inTrail.isNull()).as(what).isTrue();
          } else if (inTrail.isContainerNode()) {
            // a Json variable: the history serialises it, the trail shows it as data
            JsonNode inHistory =
                value.getValue().isContainerNode()
                    ? value.getValue()
                    : JSON.readTree(value.getValue().asText());
            assertThat(inHistory).as(what).isEqualTo(inTrail);
          } else {
            assertThat(inTrail.asText()).as(what).isEqualTo(value.getValue().asText());
          }
        }
      }
      // the operator's change: the same person and value in the trail, the log and the variables
      JsonNode change =
          ofKind(trail, "OPERATOR_ACTION").stream()
              .filter(e -> e.path("values").has("operatorNote"))
              .findFirst()
              .orElseThrow();
      assertThat(text(change, "actor")).isEqualTo("admin");
      assertThat(operations)
          .anySatisfy(
              o -> {
                assertThat(text(o, "operationType")).isEqualTo("SetVariable");
                assertThat(text(o, "userId")).isEqualTo("admin");
              });
      assertThat(
              list(
                  ok(
                      user,
                      "/engine-rest/history/variable-instance?processInstanceIdIn="
                          + String.join(",", tree)
                          + "&variableName=operatorNote")))
          .singleElement()
          .satisfies(
              v ->
                  assertThat(text(v, "value"))
                      .isEqualTo(text(change.get("values"), "operatorNote")));

      // the stages and the timers that fired
      List<JsonNode> activities =
          perInstance(user, "/engine-rest/history/activity-instance?processInstanceId={id}");
      assertThat(
              set(
                  activities.stream()
                      .filter(a -> "callActivity".equals(text(a, "activityType")))
                      .toList(),
                  a -> text(a, "activityId")))
          .as(user + " stages")
          .isEqualTo(set(ofKind(trail, "STAGE_STARTED"), e -> text(e, "activityId")));
      Set<String> fired = set(ofKind(trail, "TIMER_FIRED"), e -> text(e, "activityId"));
      assertThat(fired).as(user + " timers").contains("Event_ForumDay");
      assertThat(
              set(
                  perInstance(user, "/engine-rest/history/job-log?processInstanceId={id}").stream()
                      .filter(j -> j.path("successLog").asBoolean())
                      .toList(),
                  j -> text(j, "activityId")))
          .as(user + " job log")
          .containsAll(fired);
      assertThat(perInstance(user, "/engine-rest/history/incident?processInstanceId={id}"))
          .as(user + " incidents")
          .hasSameSizeAs(ofKind(trail, "INCIDENT_OPENED"));

      // the dashboard: the same pipeline at the stage its history records
      JsonNode row =
          list(ok(user, "/engine-rest/programme/dashboard").get("provinces")).stream()
              .filter(r -> "TH-19".equals(text(r, "provinceCode")))
              .findFirst()
              .orElseThrow();
      assertThat(text(row, "processInstanceId")).isEqualTo(pipelineId);
      JsonNode stage =
          list(
                  ok(
                      user,
                      "/engine-rest/history/variable-instance?processInstanceId="
                          + pipelineId
                          + "&variableName=stageKey"))
              .stream()
              .filter(v -> pipelineId.equals(text(v, "activityInstanceId")))
              .findFirst()
              .orElseThrow();
      assertThat(text(row, "stageKey"))
          .as(user + " stage")
          .isEqualTo(text(stage, "value"))
          .isEqualTo("study-visit");
      assertThat(ok(user, "/engine-rest/programme/dashboard").get("auditTrail").asBoolean())
          .isTrue();
      assertThat(
              set(
                  list(ok(user, "/engine-rest/programme/pipelines?province=TH-19")),
                  p -> text(p, "processInstanceId")))
          .contains(pipelineId);
    }
    // and every reader reads the same
    assertThat(trails.get("manager"))
        .isEqualTo(trails.get("auditor"))
        .isEqualTo(trails.get("admin"));
  }

  @Test
  void everyOtherRoleSeesNothingOfThePipelineAnywhere() {
    for (String user : OTHERS) {
      for (String path : programmePaths()) {
        ResponseEntity<String> refused = get(user, path);
        assertThat(refused.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody())
            .as(user + " " + path)
            .contains("ไม่มีสิทธิ์")
            .contains("may not open");
      }
      for (String path : historyPaths()) {
        ResponseEntity<String> response = get(user, path);
        if (response.getStatusCode() != HttpStatus.FORBIDDEN) {
          assertThat(response.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
          assertThat(response.getBody()).as(user + " " + path).isEqualTo("[]");
        }
      }
      ResponseEntity<String> count =
          get(
              user,
              "/engine-rest/history/process-instance/count?rootProcessInstanceId=" + pipelineId);
      if (count.getStatusCode() != HttpStatus.FORBIDDEN) {
        assertThat(count.getBody()).as(user).isEqualTo("{\"count\":0}");
      }
    }
  }

  @Test
  void batchesAreAdministratorsOnly() {
    assertThat(list(ok("admin", "/engine-rest/batch")))
        .extracting(b -> text(b, "id"))
        .contains(batch.getId());
    assertThat(list(ok("admin", "/engine-rest/history/batch")))
        .extracting(b -> text(b, "id"))
        .contains(batch.getId());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    for (String user : concat(List.of("manager", "auditor"), OTHERS)) {
      for (String path :
          List.of(
              "/engine-rest/batch",
              "/engine-rest/history/batch",
              "/engine-rest/batch/statistics")) {
        ResponseEntity<String> response = get(user, path);
        if (response.getStatusCode() != HttpStatus.FORBIDDEN) {
          assertThat(response.getBody()).as(user + " " + path).isEqualTo("[]");
        }
      }
      for (String path :
          List.of(
              "/engine-rest/batch/" + batch.getId(),
              "/engine-rest/history/batch/" + batch.getId())) {
        ResponseEntity<String> response = get(user, path);
        assertThat(response.getStatusCode().value()).as(user + " " + path).isIn(403, 404);
        assertThat(response.getBody())
            .as(user + " " + path)
            .doesNotContain(Batch.TYPE_SET_JOB_RETRIES);
      }
      for (String path : List.of("/engine-rest/batch/count", "/engine-rest/history/batch/count")) {
        ResponseEntity<String> response = get(user, path);
        if (response.getStatusCode() != HttpStatus.FORBIDDEN) {
          assertThat(response.getBody()).as(user + " " + path).isEqualTo("{\"count\":0}");
        }
      }
      ResponseEntity<String> suspend =
          http.withBasicAuth(user, user)
              .exchange(
                  "/engine-rest/batch/" + batch.getId() + "/suspended",
                  HttpMethod.PUT,
                  new HttpEntity<>("{\"suspended\": true}", headers),
                  String.class);
      assertThat(suspend.getStatusCode())
          .as(user + " suspends the batch")
          .isEqualTo(HttpStatus.FORBIDDEN);
      ResponseEntity<String> delete =
          http.withBasicAuth(user, user)
              .exchange(
                  "/engine-rest/batch/" + batch.getId(), HttpMethod.DELETE, null, String.class);
      assertThat(delete.getStatusCode())
          .as(user + " deletes the batch")
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(
            engine
                .getManagementService()
                .createBatchQuery()
                .batchId(batch.getId())
                .singleResult()
                .isSuspended())
        .isFalse();
  }

  /**
   * The history-cleanup job and the metrics, which the engine shows and lets change without asking
   * for any grant: jobs of no process definition are listed to every authenticated user and updated
   * by anyone ({@code JobEntity} "standalone" jobs), {@code /history/cleanup/jobs} and {@code
   * /metrics} check nothing. No grant can close that; the REST allow-list and the engine's command
   * check (issue 13, items 1 and 2) refuse it, and this test is enabled with them.
   */
  @Test
  void nonAdministratorsNeitherSeeNorTouchTheHistoryCleanupJobNorTheMetrics() {
    List<Job> cleanup = engine.getHistoryService().findHistoryCleanupJobs();
    assertThat(cleanup).as("the history-cleanup job is scheduled").isNotEmpty();
    String job = cleanup.get(0).getId();
    assertThat(ok("admin", "/engine-rest/job?jobIds=" + job).toString()).contains(job);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    for (String user : concat(List.of("manager", "auditor"), OTHERS)) {
      for (String path :
          List.of(
              "/engine-rest/job",
              "/engine-rest/job/count",
              "/engine-rest/job/" + job,
              "/engine-rest/job-definition",
              "/engine-rest/history/job-log",
              "/engine-rest/history/cleanup/jobs",
              "/engine-rest/metrics/activity-instance-start/sum",
              "/engine-rest/metrics?interval=900")) {
        ResponseEntity<String> response = get(user, path);
        assertThat(response.getStatusCode().value()).as(user + " " + path).isIn(403, 404);
      }
      for (String[] write :
          List.of(
              new String[] {"/suspended", "{\"suspended\": true}"},
              new String[] {"/retries", "{\"retries\": 0}"},
              new String[] {"/duedate", "{\"duedate\": \"2099-01-01T00:00:00.000+0000\"}"},
              new String[] {"/priority", "{\"priority\": 0}"})) {
        ResponseEntity<String> response =
            http.withBasicAuth(user, user)
                .exchange(
                    "/engine-rest/job/" + job + write[0],
                    HttpMethod.PUT,
                    new HttpEntity<>(write[1], headers),
                    String.class);
        assertThat(response.getStatusCode())
            .as(user + " " + write[0])
            .isEqualTo(HttpStatus.FORBIDDEN);
      }
      assertThat(
              http.withBasicAuth(user, user)
                  .exchange("/engine-rest/job/" + job, HttpMethod.DELETE, null, String.class)
                  .getStatusCode())
          .as(user + " deletes it")
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    Job after = engine.getManagementService().createJobQuery().jobId(job).singleResult();
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getRetries()).isPositive();
  }

  @Test
  void managersAndAuditorsHoldNoRightToWriteAnythingButTheirOwnTasks() {
    Set<String> reading =
        Set.of(
            "READ",
            "READ_INSTANCE",
            "READ_HISTORY",
            "READ_TASK",
            "ACCESS",
            "NONE",
            "READ_HISTORY_VARIABLE",
            "READ_INSTANCE_VARIABLE",
            "READ_TASK_VARIABLE",
            "READ_VARIABLE");
    for (String group : List.of(ProgrammeGroups.MANAGERS, ProgrammeGroups.AUDITORS)) {
      for (Authorization authorization :
          engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group).list()) {
        List<String> writes = new ArrayList<>();
        for (Permission permission :
            ResourceTypeUtil.getPermissionsByResourceType(authorization.getResourceType())) {
          if (!reading.contains(permission.getName())
              && authorization.isPermissionGranted(permission)) {
            writes.add(permission.getName());
          }
        }
        if (writes.isEmpty()) {
          continue;
        }
        String what =
            group
                + " "
                + writes
                + " on resource type "
                + authorization.getResourceType()
                + " "
                + authorization.getResourceId();
        if (authorization.getResourceType() == Resources.TASK.resourceType()) {
          // a task the models give to managers (the follow-up of an overrun stage), and only that
          assertThat(group).as(what).isEqualTo(ProgrammeGroups.MANAGERS);
          assertThat(writes)
              .as(what)
              .containsExactly("TASK_WORK"); // READ_VARIABLE is among the reading rights
          Task task =
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .taskId(authorization.getResourceId())
                  .singleResult();
          assertThat(task).as(what).isNotNull();
          assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
              .as(what)
              .extracting(IdentityLink::getGroupId)
              .contains(ProgrammeGroups.MANAGERS);
        } else if (group.equals(ProgrammeGroups.MANAGERS)) {
          // starting the regional programme and a pipeline, from their start forms
          assertThat(writes)
              .as(what)
              .containsAnyOf("CREATE", "CREATE_INSTANCE")
              .allMatch(w -> w.startsWith("CREATE"));
          assertThat(authorization.getResourceType())
              .as(what)
              .isIn(
                  Resources.PROCESS_INSTANCE.resourceType(),
                  Resources.PROCESS_DEFINITION.resourceType());
        } else {
          throw new AssertionError("auditors may write nothing: " + what);
        }
      }
    }
    // nor as users: only what the engine gives anyone as a task's assignee, and on their own
    // account
    for (String user : List.of("manager", "auditor")) {
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn(user).list())
          .as(user)
          .allSatisfy(
              a ->
                  assertThat(
                          a.getResourceType() == Resources.TASK.resourceType()
                              || (a.getResourceType() == Resources.USER.resourceType()
                                  && user.equals(a.getResourceId())))
                      .as(a.toString())
                      .isTrue());
    }
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> out = new ArrayList<>();
    for (List<String> list : lists) {
      out.addAll(list);
    }
    return out;
  }
}
