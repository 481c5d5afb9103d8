package th.or.codi.programme.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.security.WebSession;

/**
 * The audit trail through its REST endpoints, as auditors and the parties meet it: a whole pipeline
 * completed by the demo users is in it task by task, with who completed each and the values
 * submitted, and nothing attributed to no one; an operator's variable change in Cockpit shows up
 * under the operator's name; the CSV keeps Thai; managers, auditors and administrators may read it,
 * no one else.
 */
@DemoApplicationTest
class AuditTrailRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FISCAL_YEAR = 2598;
  private static final AtomicInteger WAVE = new AtomicInteger();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;

  /** What the people did, as the test saw it: task id → (user, values). */
  private final Map<String, Completion> completions = new HashMap<>();

  private Walkthrough walk;

  record Completion(String user, Map<String, Object> values) {}

  @BeforeEach
  void recordWhatPeopleDo() {
    PersonActions recording =
        new PersonActions(engine) {
          @Override
          public void complete(String user, Task task, Map<String, Object> values) {
            super.complete(user, task, values);
            completions.put(task.getId(), new Completion(user, values));
          }
        };
    walk = new Walkthrough(recording, code -> "chainat", task -> {});
  }

  private String completedPipeline() {
    String key = walk.start("TH-18", FISCAL_YEAR, WAVE.incrementAndGet());
    walk.forumStage(key, "TH-18");
    walk.visitStage(key, "TH-18");
    walk.designStage(key, "TH-18");
    walk.monthlyReport(key, "TH-18", "at-risk");
    walk.completePlan(key, "TH-18");
    walk.evaluate(key, "expand");
    HistoricProcessInstance pipeline = pipeline(key);
    assertThat(pipeline.getState()).isEqualTo("COMPLETED");
    return pipeline.getId();
  }

  private HistoricProcessInstance pipeline(String key) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(key)
        .processDefinitionKey("provincialPipeline")
        .singleResult();
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private List<JsonNode> entries(JsonNode doc) {
    List<JsonNode> out = new ArrayList<>();
    doc.get("entries").forEach(out::add);
    return out;
  }

  private List<String> tree(String rootId) {
    List<String> ids = new ArrayList<>(List.of(rootId));
    for (int i = 0; i < ids.size(); i++) {
      engine
          .getHistoryService()
          .createHistoricProcessInstanceQuery()
          .superProcessInstanceId(ids.get(i))
          .list()
          .forEach(child -> ids.add(child.getId()));
    }
    return ids;
  }

  @Test
  void aPipelineCompletedByTheDemoUsersIsInTheTrailTaskByTaskWithWhoAndWhat() throws Exception {
    String id = completedPipeline();
    ResponseEntity<String> response = get("auditor", "/engine-rest/programme/audit-trail/" + id);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode doc = JSON.readTree(response.getBody());
    assertThat(doc.get("exportedBy").asText()).isEqualTo("auditor");
    assertThat(doc.get("query").get("processInstanceId").asText()).isEqualTo(id);
    List<JsonNode> entries = entries(doc);

    // every task completed anywhere in the pipeline and its stages, by the person who did it
    List<HistoricTaskInstance> done = new ArrayList<>();
    for (String instance : tree(id)) {
      done.addAll(
          engine
              .getHistoryService()
              .createHistoricTaskInstanceQuery()
              .processInstanceId(instance)
              .finished()
              .list());
    }
    assertThat(done).hasSizeGreaterThanOrEqualTo(14);
    assertThat(completions.keySet())
        .containsExactlyInAnyOrderElementsOf(
            done.stream().map(HistoricTaskInstance::getId).toList());
    for (HistoricTaskInstance task : done) {
      Completion expected = completions.get(task.getId());
      List<JsonNode> completed =
          entries.stream()
              .filter(
                  e ->
                      e.get("kind").asText().equals("TASK_COMPLETED")
                          && task.getId().equals(e.get("taskId").asText()))
              .toList();
      assertThat(completed).as("completion of " + task.getTaskDefinitionKey()).hasSize(1);
      JsonNode entry = completed.get(0);
      assertThat(entry.get("actor").asText())
          .as(task.getTaskDefinitionKey())
          .isEqualTo(expected.user());
      assertThat(entry.get("activityName").asText()).isEqualTo(task.getName());
      assertThat(entry.get("provinceName").asText()).isEqualTo("ชัยนาท");
      for (Map.Entry<String, Object> value : expected.values().entrySet()) {
        Object submitted =
            value.getValue() instanceof TypedValue typed ? typed.getValue() : value.getValue();
        JsonNode recorded = entry.get("values").get(value.getKey());
        assertThat(recorded)
            .as(task.getTaskDefinitionKey() + " value " + value.getKey())
            .isNotNull();
        if (submitted instanceof String
            || submitted instanceof Number
            || submitted instanceof Boolean) {
          assertThat(recorded.asText())
              .as(task.getTaskDefinitionKey() + " " + value.getKey())
              .isEqualTo(String.valueOf(submitted));
        }
      }
      // claimed first, by the same person
      assertThat(entries)
          .anySatisfy(
              e -> {
                assertThat(e.get("kind").asText()).isEqualTo("TASK_CLAIMED");
                assertThat(e.get("taskId").asText()).isEqualTo(task.getId());
                assertThat(e.get("actor").asText()).isEqualTo(expected.user());
              });
    }

    // nothing attributed to no one; every entry in time order
    assertThat(entries)
        .allSatisfy(e -> assertThat(e.get("actor").asText()).isNotBlank().isNotEqualTo("unknown"));
    for (int i = 1; i < entries.size(); i++) {
      assertThat(OffsetDateTime.parse(entries.get(i).get("time").asText()))
          .isAfterOrEqualTo(OffsetDateTime.parse(entries.get(i - 1).get("time").asText()));
    }
    // who started it, the timers that fired, every stage, the end
    assertThat(entries.get(0).get("kind").asText()).isEqualTo("PROCESS_STARTED");
    assertThat(entries.get(0).get("actor").asText()).isEqualTo("manager");
    // each value under the label of the form that submitted it, the name kept as the key
    assertThat(entries.get(0).get("labels").path("programmeName").asText())
        .isEqualTo("ชื่อโครงการ / Programme name");
    assertThat(entries.get(0).get("labels").path("fiscalYear").asText())
        .isEqualTo("ปีงบประมาณ (พ.ศ.) / Fiscal year (Buddhist Era)");
    assertThat(entries)
        .filteredOn(
            e -> e.get("kind").asText().equals("TASK_COMPLETED") && e.get("values").size() > 0)
        .allSatisfy(
            e ->
                assertThat(e.get("labels").size())
                    .as(e.get("activityId").asText() + " labels its values")
                    .isPositive());
    assertThat(entries)
        .filteredOn(e -> e.get("kind").asText().equals("TIMER_FIRED"))
        .extracting(e -> e.get("activityId").asText())
        .contains("Event_ForumDay", "Event_VisitEnded", "Event_MonthlyReportDue");
    assertThat(entries)
        .filteredOn(e -> e.get("kind").asText().equals("STAGE_STARTED"))
        .extracting(e -> e.get("activityId").asText())
        .containsExactly(
            "Activity_UnderstandingForum",
            "Activity_StudyVisit",
            "Activity_JointDesign",
            "Activity_Implementation");
    assertThat(entries)
        .filteredOn(e -> e.get("kind").asText().equals("VALUES_RECORDED"))
        .anySatisfy(
            e -> assertThat(e.get("values").path("stageKey").asText()).isEqualTo("evaluation"));
    JsonNode last = entries.get(entries.size() - 1);
    assertThat(last.get("kind").asText()).isEqualTo("PROCESS_ENDED");
    assertThat(last.get("processKey").asText()).isEqualTo("provincialPipeline");
  }

  @Test
  void anOperatorsVariableChangeInCockpitShowsUpUnderTheOperatorsName() throws Exception {
    String key = walk.start("TH-18", FISCAL_YEAR, WAVE.incrementAndGet());
    String id = pipeline(key).getId();
    WebSession admin = WebSession.open(http);
    assertThat(admin.login("admin", "admin", "cockpit").getStatusCode()).isEqualTo(HttpStatus.OK);
    admin.get("/camunda/api/engine/engine/"); // the new session's CSRF token, as Cockpit fetches it
    ResponseEntity<String> change =
        admin.postJson(
            "/camunda/api/engine/engine/default/process-instance/" + id + "/variables",
            "{\"modifications\": {\"operatorNote\": {\"value\": \"แก้ไขโดยผู้ดูแล\", \"type\": \"String\"}}}");
    assertThat(change.getStatusCode().is2xxSuccessful()).as(change.getBody()).isTrue();

    JsonNode doc =
        JSON.readTree(get("auditor", "/engine-rest/programme/audit-trail/" + id).getBody());
    assertThat(entries(doc))
        .anySatisfy(
            e -> {
              assertThat(e.get("kind").asText()).isEqualTo("OPERATOR_ACTION");
              assertThat(e.get("actor").asText()).isEqualTo("admin");
              assertThat(e.get("detail").asText()).contains("ModifyVariable");
              assertThat(e.get("values").get("operatorNote").asText()).isEqualTo("แก้ไขโดยผู้ดูแล");
            });

    // the same search by user finds it, and only the admin's doings
    JsonNode byUser =
        JSON.readTree(
            get("auditor", "/engine-rest/programme/audit-trail?province=TH-18&user=admin")
                .getBody());
    assertThat(entries(byUser))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo("admin"));
    assertThat(byUser.get("query").get("user").asText()).isEqualTo("admin");
  }

  @Test
  void remindersEscalationsAndDelegationsAreInTheTrailAndASearchKeepsToItsWaveAndDays()
      throws Exception {
    String key = walk.start("TH-18", FISCAL_YEAR, WAVE.incrementAndGet());
    String id = pipeline(key).getId();
    // the forum plan goes past its due date: the timeout listener reminds
    Task plan = walk.act().task(key, "Activity_PlanForum");
    var reminder =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(plan.getProcessInstanceId())
            .timers()
            .activityId("Activity_PlanForum")
            .singleResult();
    ClockUtil.setCurrentTime(new java.util.Date(plan.getDueDate().getTime() + 1000));
    try {
      engine.getManagementService().executeJob(reminder.getId());
    } finally {
      ClockUtil.reset();
    }
    // the stage overruns: managers are asked to follow up
    walk.act().fireTimer(key, "Event_ForumStageOverrun");
    // an administrator assigns the plan to Chai Nat's member, then delegates it to CODI's officer
    walk.act()
        .as(
            "admin",
            () -> {
              engine.getTaskService().setAssignee(plan.getId(), "chainat");
              engine.getTaskService().delegateTask(plan.getId(), "codi");
              return null;
            });

    List<JsonNode> entries =
        entries(
            JSON.readTree(get("auditor", "/engine-rest/programme/audit-trail/" + id).getBody()));
    assertThat(entries)
        .anySatisfy(
            e -> {
              assertThat(e.get("kind").asText()).isEqualTo("REMINDER");
              assertThat(e.get("actor").asText()).isEqualTo("system");
              assertThat(e.get("taskId").asText()).isEqualTo(plan.getId());
              assertThat(e.get("detail").asText())
                  .startsWith("แจ้งเตือนครั้งที่ 1")
                  .contains("Reminder 1");
            });
    assertThat(entries)
        .anySatisfy(
            e -> {
              assertThat(e.get("kind").asText()).isEqualTo("ESCALATION");
              assertThat(e.get("activityId").asText()).isEqualTo("Event_ForumStageOverrun");
            });
    assertThat(entries)
        .anySatisfy(
            e -> {
              assertThat(e.get("kind").asText()).isEqualTo("TASK_CREATED");
              assertThat(e.get("activityId").asText()).isEqualTo("Activity_FollowUpForumOverrun");
              assertThat(e.get("detail").asText()).contains("managers");
            });
    assertThat(entries)
        .anySatisfy(
            e -> {
              assertThat(e.get("kind").asText()).isEqualTo("TASK_ASSIGNED");
              assertThat(e.get("actor").asText()).isEqualTo("admin");
              assertThat(e.get("detail").asText()).contains("chainat");
            });
    assertThat(entries)
        .anySatisfy(
            e -> {
              assertThat(e.get("kind").asText()).isEqualTo("TASK_DELEGATED");
              assertThat(e.get("actor").asText()).isEqualTo("admin");
              assertThat(e.get("detail").asText()).contains("codi");
            });

    // a search keeps to its wave and its days
    String wave = String.valueOf(WAVE.get());
    JsonNode byWave =
        JSON.readTree(
            get("auditor", "/engine-rest/programme/audit-trail?province=TH-18&wave=" + wave)
                .getBody());
    assertThat(entries(byWave))
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.get("wave").asText()).isEqualTo(wave);
              assertThat(e.get("pipeline").asText()).isEqualTo(key);
            });
    // The days of its entries in Thai time (the test moves the engine's clock past due dates, so
    // near midnight in Bangkok the entries can span two days): from the first to the last day
    // finds them all, from the day after the last finds none.
    java.util.List<String> days =
        entries(byWave).stream()
            .map(
                e ->
                    java.time.OffsetDateTime.parse(e.get("time").asText())
                        .atZoneSameInstant(java.time.ZoneId.of("Asia/Bangkok"))
                        .toLocalDate()
                        .toString())
            .sorted()
            .toList();
    String first = days.get(0);
    String last = days.get(days.size() - 1);
    String dayAfter = java.time.LocalDate.parse(last).plusDays(1).toString();
    assertThat(
            entries(
                JSON.readTree(
                    get(
                            "auditor",
                            "/engine-rest/programme/audit-trail?province=TH-18&wave="
                                + wave
                                + "&from="
                                + first
                                + "&to="
                                + last)
                        .getBody())))
        .hasSameSizeAs(entries(byWave));
    assertThat(
            entries(
                JSON.readTree(
                    get(
                            "auditor",
                            "/engine-rest/programme/audit-trail?province=TH-18&wave="
                                + wave
                                + "&from="
                                + dayAfter)
                        .getBody())))
        .isEmpty();
  }

  @Test
  void theCsvOpensWithThaiIntact() throws Exception {
    String id = completedPipeline();
    ResponseEntity<byte[]> response =
        http.withBasicAuth("auditor", "auditor")
            .getForEntity("/engine-rest/programme/audit-trail/" + id + "?format=csv", byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("text/csv")
        .contains("UTF-8");
    assertThat(response.getHeaders().getFirst("Content-Disposition"))
        .contains("attachment")
        .contains(".csv");
    byte[] body = response.getBody();
    assertThat(new byte[] {body[0], body[1], body[2]})
        .as("UTF-8 byte-order mark for Excel")
        .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

    List<List<String>> rows =
        Csv.parse(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
    assertThat(rows.get(0)).containsExactly("ส่งออกเมื่อ / Exported at", rows.get(0).get(1));
    assertThat(OffsetDateTime.parse(rows.get(0).get(1))).isNotNull();
    assertThat(rows.get(1)).containsExactly("ผู้ส่งออก / Exported by", "auditor");
    assertThat(rows.get(2).get(1)).contains(id);
    int header = rows.indexOf(List.of(AuditExport.COLUMNS));
    assertThat(header).as("the column header row").isPositive();
    List<List<String>> data = rows.subList(header + 1, rows.size());
    JsonNode json =
        JSON.readTree(get("auditor", "/engine-rest/programme/audit-trail/" + id).getBody());
    assertThat(data).hasSize(json.get("count").asInt());
    assertThat(data).allSatisfy(r -> assertThat(r).hasSize(AuditExport.COLUMNS.length));
    List<String> completed =
        data.stream().filter(r -> r.get(2).equals("ทำงานเสร็จ")).map(r -> r.get(15)).toList();
    assertThat(completed).isNotEmpty();
    assertThat(completed)
        .anySatisfy(
            values ->
                assertThat(JSON.readTree(values).path("visitLessons").asText())
                    .isEqualTo("การจัดการตนเองเริ่มจากข้อมูลชุมชน"));
    assertThat(data).allSatisfy(r -> assertThat(r.get(5)).isEqualTo("ชัยนาท"));
    assertThat(data.get(0).get(1))
        .as("Buddhist Era time")
        .matches("\\d{1,2}/\\d{1,2}/25\\d\\d \\d\\d:\\d\\d:\\d\\d");
  }

  @Test
  void managersAuditorsAndAdministratorsMayReadItNoOneElse() {
    String key = walk.start("TH-18", FISCAL_YEAR, WAVE.incrementAndGet());
    String id = pipeline(key).getId();
    for (String path :
        List.of(
            "/engine-rest/programme/audit-trail/" + id,
            "/engine-rest/programme/audit-trail?province=TH-18",
            "/engine-rest/programme/audit-trail/" + id + "?format=csv",
            "/engine-rest/programme/pipelines")) {
      for (String refused : List.of("nakhonsawan", "chainat", "codi", "thaihealth", "monitor")) {
        ResponseEntity<String> response = get(refused, path);
        assertThat(response.getStatusCode())
            .as(refused + " " + path)
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody())
            .contains("ไม่มีสิทธิ์")
            .contains("may not open the audit trail");
      }
      for (String reader : List.of("manager", "auditor", "admin")) {
        assertThat(get(reader, path).getStatusCode())
            .as(reader + " " + path)
            .isEqualTo(HttpStatus.OK);
      }
      assertThat(http.getForEntity(path, String.class).getStatusCode())
          .as("anonymous " + path)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    // the same rule behind Cockpit's login
    for (String reader : List.of("manager", "auditor")) {
      WebSession session = WebSession.open(http);
      assertThat(session.login(reader, reader, "cockpit").getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(
              session
                  .get("/camunda/api/cockpit/plugin/programme/default/audit-trail/" + id)
                  .getStatusCode())
          .as(reader)
          .isEqualTo(HttpStatus.OK);
      assertThat(
              session
                  .get("/camunda/api/cockpit/plugin/programme/default/dashboard")
                  .getStatusCode())
          .as(reader)
          .isEqualTo(HttpStatus.OK);
    }
    // a community member cannot even log in to Cockpit
    WebSession member = WebSession.open(http);
    member.login("nakhonsawan", "nakhonsawan", "cockpit");
    assertThat(
            member
                .get("/camunda/api/cockpit/plugin/programme/default/audit-trail/" + id)
                .getStatusCode()
                .value())
        .isIn(401, 403);
  }

  @Test
  void aQueryThatCannotBeReadIsRefusedInThaiAndEnglish() throws Exception {
    for (String query :
        List.of(
            "wave=abc",
            "from=2026-13-01",
            "from=2569-01-01",
            "province=Nakhon",
            "to=2026-01-01&from=2026-02-01",
            "limit=0",
            "format=xml")) {
      ResponseEntity<String> response =
          get("auditor", "/engine-rest/programme/audit-trail?" + query);
      assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      String message = JSON.readTree(response.getBody()).get("message").asText();
      assertThat(message).as(query).containsPattern("\\p{InThai}").containsPattern("[A-Za-z]{4,}");
    }
    assertThat(
            get("auditor", "/engine-rest/programme/audit-trail/no-such-instance").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** A small RFC 4180 reader, enough to read the export back as Excel would. */
  static final class Csv {
    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\r') {
          continue;
        } else if (c == '\n') {
          row.add(cell.toString());
          cell.setLength(0);
          rows.add(row.size() == 1 && row.get(0).isEmpty() ? List.of() : row);
          row = new ArrayList<>();
        } else {
          cell.append(c);
        }
      }
      return rows;
    }
  }
}
