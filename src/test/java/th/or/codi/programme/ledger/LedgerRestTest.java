package th.or.codi.programme.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * {@code GET /engine-rest/programme/ledger/{id}} as its readers and everyone else meet it: the
 * audit trail's readers get the figures, a community member is refused, nobody logged in is asked
 * to log in, an unknown instance is not found; the messages in Thai and English.
 */
@DemoApplicationTest
class LedgerRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;

  private ResponseEntity<String> get(String user, String path) {
    return (user == null ? http : http.withBasicAuth(user, user)).getForEntity(path, String.class);
  }

  @Test
  void auditorsReadTheFiguresOthersAreRefused() throws Exception {
    Walkthrough drive = new Walkthrough(act, code -> "nakhonsawan", task -> {});
    UnusedWave unused = UnusedWave.of(engine, "TH-60");
    String key = drive.start("TH-60", unused.fiscalYear(), unused.wave());
    drive.forumStage(key, "TH-60"); // CODI 25,000 requested and approved, 23,850.50 spent
    String id =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .processDefinitionKey(ProgrammeProcesses.PIPELINE)
            .singleResult()
            .getId();
    String path = "/engine-rest/programme/ledger/" + id;

    for (String reader : new String[] {"auditor", "manager"}) {
      ResponseEntity<String> ok = get(reader, path);
      assertThat(ok.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      JsonNode ledger = JSON.readTree(ok.getBody());
      assertThat(ledger.get("pipelineId").asText()).isEqualTo(id);
      assertThat(ledger.get("businessKey").asText()).isEqualTo(key);
      assertThat(ledger.get("provinceCode").asText()).isEqualTo("TH-60");
      assertThat(ledger.at("/requested/forum/codi").decimalValue()).isEqualByComparingTo("25000");
      assertThat(ledger.at("/approved/forum/codi").decimalValue()).isEqualByComparingTo("25000");
      assertThat(ledger.at("/spent/forum/codi").decimalValue()).isEqualByComparingTo("23850.50");
      assertThat(ledger.at("/spent/joint-plan/other").decimalValue()).isEqualByComparingTo("0");
      assertThat(ledger.get("entries")).hasSize(3);
      JsonNode spent = ledger.get("entries").get(2);
      assertThat(spent.get("kind").asText()).isEqualTo("spent");
      assertThat(spent.get("activityId").asText()).isEqualTo("Activity_ReportForum");
      assertThat(spent.get("userId").asText()).isEqualTo("nakhonsawan");
      assertThat(spent.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    }

    ResponseEntity<String> member = get("nakhonsawan", path);
    assertThat(member.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(member.getBody()).contains("ไม่มีสิทธิ์").contains("may not open the audit trail");
    assertThat(member.getBody()).doesNotContain("25000");
    assertThat(get(null, path).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<String> unknown = get("auditor", "/engine-rest/programme/ledger/no-such-id");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    String message = JSON.readTree(unknown.getBody()).get("message").asText();
    assertThat(message)
        .contains("no-such-id")
        .containsPattern("\\p{InThai}")
        .contains("No process instance");
  }

  /** The audit trail shows each ledger figure right after the task whose submission recorded it. */
  @Test
  void theAuditTrailShowsEachFigureAtTheSubmissionItComesFrom() throws Exception {
    Walkthrough drive = new Walkthrough(act, code -> "nakhonsawan", task -> {});
    UnusedWave unused = UnusedWave.of(engine, "TH-60");
    String key = drive.start("TH-60", unused.fiscalYear(), unused.wave());
    drive.forumStage(key, "TH-60");
    drive.planVisit(key);
    drive.decideBudget(key, "approve-reduced", 90000L);
    String id =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .processDefinitionKey(ProgrammeProcesses.PIPELINE)
            .singleResult()
            .getId();
    JsonNode trail =
        JSON.readTree(get("auditor", "/engine-rest/programme/audit-trail/" + id).getBody());
    java.util.List<JsonNode> entries = new java.util.ArrayList<>();
    trail.get("entries").forEach(entries::add);
    java.util.List<JsonNode> ledger =
        entries.stream().filter(e -> e.get("kind").asText().equals("LEDGER")).toList();
    assertThat(ledger)
        .extracting(e -> e.get("activityId").asText(), e -> e.get("actor").asText())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Activity_PlanForum", "nakhonsawan"),
            org.assertj.core.groups.Tuple.tuple("Activity_ReviewForumPlanThaiHealth", "thaihealth"),
            org.assertj.core.groups.Tuple.tuple("Activity_ReportForum", "nakhonsawan"),
            org.assertj.core.groups.Tuple.tuple("Activity_PlanStudyVisit", "codi"),
            org.assertj.core.groups.Tuple.tuple("Activity_ApproveVisitBudget", "thaihealth"));
    JsonNode approved = ledger.get(4);
    assertThat(approved.get("kindTh").asText()).isEqualTo("รายการงบประมาณ");
    assertThat(approved.get("kindEn").asText()).isEqualTo("Ledger entry");
    assertThat(approved.get("detail").asText())
        .isEqualTo(
            "ศึกษาดูงาน · อนุมัติ · สสส.: 90,000.00 บาท / Study visit · approved · ThaiHealth:"
                + " 90,000.00 THB");
    assertThat(approved.at("/values/ledgerAmount").decimalValue()).isEqualByComparingTo("90000");
    // right after the completion of the same task
    for (JsonNode e : ledger) {
      int at = entries.indexOf(e);
      JsonNode before = entries.get(at - 1);
      while (before.get("kind").asText().equals("LEDGER")) {
        before = entries.get(entries.indexOf(before) - 1);
      }
      assertThat(before.get("kind").asText()).isEqualTo("TASK_COMPLETED");
      assertThat(before.get("taskId").asText()).isEqualTo(e.get("taskId").asText());
    }
  }
}
