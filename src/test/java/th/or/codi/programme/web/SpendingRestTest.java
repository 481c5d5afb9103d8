package th.or.codi.programme.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.UnusedWave;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;

/**
 * Issue 18's implementation rules through REST, as a script or a stale browser tab sends a report:
 * negative money inside the spending list, a month above a line's approved budget without a reason,
 * a completion total that is not the months' sum without a reason: each refused with 400 and the
 * Thai and English message Tasklist shows, the task left open; accepted once correct.
 */
@DemoApplicationTest
class SpendingRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;

  private String key;
  private Walkthrough walk;

  /** Nakhon Sawan in implementation (plan: line 1 50,000 ThaiHealth, line 2 30,000 CODI). */
  @BeforeEach
  void aProvinceInImplementation() {
    walk = new Walkthrough(act, code -> "nakhonsawan", task -> {});
    UnusedWave unused = UnusedWave.of(engine, "TH-60");
    key = walk.start("TH-60", unused.fiscalYear(), unused.wave());
    walk.forumStage(key, "TH-60");
    walk.visitStage(key, "TH-60");
    walk.designStage(key, "TH-60");
    act.fireTimer(key, "Event_MonthlyReportDue");
  }

  private ResponseEntity<String> complete(Task task, String variables) {
    return ForumPlanning.post(
        http,
        "nakhonsawan",
        "/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\": {" + variables + "}}");
  }

  private static String month(double line1, double line2, String reason) throws Exception {
    String spending =
        JSON.writeValueAsString(
            List.of(
                java.util.Map.of(
                    "spendingLine", "1", "spendingSource", "thaihealth", "spendingAmount", line1),
                java.util.Map.of(
                    "spendingLine", "2", "spendingSource", "codi", "spendingAmount", line2)));
    String progress =
        JSON.writeValueAsString(
            List.of(
                java.util.Map.of("progressIndicator", "1", "indicatorReached", 150),
                java.util.Map.of("progressIndicator", "2", "indicatorReached", 4),
                java.util.Map.of("progressIndicator", "3", "indicatorReached", 900)));
    return """
        "reportMonth": {"value": "2027-01"},
        "activitiesDone": {"value": "จัดเวทีสภาองค์กรชุมชน"},
        "monthlySpending": {"value": %s, "type": "Json"},
        "indicatorProgress": {"value": %s, "type": "Json"},
        "overspendReason": {"value": "%s"},
        "problems": {"value": ""},
        "progressStatus": {"value": "on-track"}"""
        .formatted(JSON.writeValueAsString(spending), JSON.writeValueAsString(progress), reason);
  }

  private static List<JsonNode> errors(ResponseEntity<String> response) throws Exception {
    List<JsonNode> errors = new ArrayList<>();
    JSON.readTree(response.getBody()).path("errors").forEach(errors::add);
    return errors;
  }

  @Test
  void negativeMoneyInTheSpendingListIsRefused() throws Exception {
    Task report = act.task(key, "Activity_SubmitMonthlyReport");
    ResponseEntity<String> refused = complete(report, month(-100, 0, ""));
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(refused))
        .extracting(e -> e.path("field").asText())
        .containsExactly("monthlySpending[1].spendingAmount");
    assertThat(act.task(key, "Activity_SubmitMonthlyReport")).as("still open").isNotNull();
  }

  @Test
  void aMonthAboveALinesBudgetNeedsAReasonAndThenGoesToManagers() throws Exception {
    Task report = act.task(key, "Activity_SubmitMonthlyReport");
    ResponseEntity<String> refused = complete(report, month(50000.5, 0, ""));
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = errors(refused).get(0);
    assertThat(error.path("field").asText()).isEqualTo("overspendReason");
    assertThat(error.path("th").asText())
        .contains("รายการที่ 1 “เวทีสภาองค์กรชุมชน” ใช้จ่ายสะสม 50,000.50 บาท")
        .contains("เกินงบที่อนุมัติ 50,000.00 บาท");
    assertThat(error.path("en").asText()).contains("above its approved 50,000.00 THB");

    ResponseEntity<String> accepted = complete(report, month(50000.5, 0, "ค่าอาหารเพิ่มขึ้น"));
    assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    walk.reviewMonth(key, "at-risk");
    assertThat(act.task(key, "Activity_DecideIntervention")).isNotNull();
  }

  @Test
  void aCompletionTotalThatIsNotTheMonthsSumNeedsAReason() throws Exception {
    Task report = act.task(key, "Activity_SubmitMonthlyReport");
    assertThat(complete(report, month(10000, 5000, "")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    walk.reviewMonth(key, "on-track");
    Task carryOut = act.task(key, "Activity_CarryOutPlan");
    String completion =
        """
        "completionSummary": {"value": "ดำเนินการครบทุกกิจกรรม"},
        "resultsAchieved": {"value": "ตำบลเข้าร่วม 12 ตำบล"},
        "totalSpent": {"value": %s},
        "spendingDifferenceReason": {"value": "%s"},
        "completionEvidenceLink": {"value": "https://example.org/report"}""";

    ResponseEntity<String> refused = complete(carryOut, completion.formatted("16000", ""));
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = errors(refused).get(0);
    assertThat(error.path("field").asText()).isEqualTo("spendingDifferenceReason");
    assertThat(error.path("en").asText())
        .contains("the total spent given, 16,000.00 THB")
        .contains("the sum of the monthly reports, 15,000.00 THB");

    ResponseEntity<String> negative = complete(carryOut, completion.formatted("-1", "x"));
    assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(negative)).extracting(e -> e.path("field").asText()).contains("totalSpent");

    ResponseEntity<String> accepted = complete(carryOut, completion.formatted("15000", ""));
    assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }
}
