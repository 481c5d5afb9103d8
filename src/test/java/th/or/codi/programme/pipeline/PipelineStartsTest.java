package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.provinces.ProvinceReferenceData;
import th.or.codi.programme.security.TwoApis;
import th.or.codi.programme.security.TwoApis.Api;

/**
 * One pipeline per province, fiscal year and wave, and one regional programme per region and fiscal
 * year, whichever way it is started: Tasklist's start form (the webapps' {@code submit-form}),
 * {@code /engine-rest}'s {@code start} and {@code submit-form}, the regional programme's own call,
 * and two starts at the same moment. The fiscal years 2590–2595 are this class's own.
 */
@ProcessTest
class PipelineStartsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired ProvinceReferenceData referenceData;
  @Autowired TestRestTemplate http;

  private Walkthrough drive() {
    return PipelineDriver.create(engine, act, referenceData);
  }

  private long pipelines(String businessKey) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("provincialPipeline")
        .processInstanceBusinessKey(businessKey)
        .count();
  }

  private static String startBody(String province, int year, int wave) {
    return "{\"variables\": {"
        + "\"provinceCode\": {\"value\": \""
        + province
        + "\", \"type\": \"String\"},"
        + "\"fiscalYear\": {\"value\": "
        + year
        + ", \"type\": \"Long\"},"
        + "\"wave\": {\"value\": "
        + wave
        + ", \"type\": \"Long\"},"
        + "\"programmeName\": {\"value\": \"โครงการทดสอบ\", \"type\": \"String\"}}}";
  }

  /** 409, naming the existing pipeline in Thai and English, with its business key and state. */
  private static JsonNode assertRefused(ResponseEntity<String> response, String existingKey)
      throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CONFLICT);
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(body.path("type").asText()).isEqualTo("PipelineAlreadyStarted");
    assertThat(body.path("message").asText())
        .contains(existingKey)
        .containsPattern("\\p{InThai}")
        .contains(" / ")
        .contains("started")
        .contains("เริ่มเมื่อ")
        .doesNotContain("Exception");
    assertThat(body.path("existing").path("businessKey").asText()).isEqualTo(existingKey);
    assertThat(body.path("existing").path("started").asText()).isNotBlank();
    return body;
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void aSecondStartOfARunningPipelineIsRefusedByStartAndSubmitForm(Api api) throws Exception {
    int year = api == Api.ENGINE_REST ? 2590 : 2591;
    String key = drive().start("TH-60", year, 1);
    assertThat(key).isEqualTo("TH-60/" + year + "-1");
    TwoApis apis = new TwoApis(http);

    for (String action : List.of("start", "submit-form")) {
      ResponseEntity<String> again =
          apis.call(
              api,
              "manager",
              HttpMethod.POST,
              "/process-definition/key/provincialPipeline/" + action,
              startBody("TH-60", year, 1));
      JsonNode body = assertRefused(again, key);
      assertThat(body.path("message").asText())
          .as(action)
          .contains("กำลังดำเนินการ")
          .contains("running")
          .contains("next wave is 2");
      assertThat(body.path("existing").path("state").asText()).isEqualTo("ACTIVE");
    }
    assertThat(pipelines(key)).as("nothing half-started").isOne();
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey("Activity_PlanForum")
                .count())
        .as("the movement sees one forum-planning task")
        .isOne();

    // the next wave is accepted
    ResponseEntity<String> next =
        apis.call(
            api,
            "manager",
            HttpMethod.POST,
            "/process-definition/key/provincialPipeline/submit-form",
            startBody("TH-60", year, 2));
    assertThat(next.getStatusCode()).as(next.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(pipelines("TH-60/" + year + "-2")).isOne();
  }

  @Test
  void anEndedPipelineCountsAndWavesOnlyGoForward() throws Exception {
    Walkthrough drive = drive();
    String first = drive.start("TH-19", 2592, 1);
    drive.planForum(first, "TH-19");
    drive.reviewForum(first, "approve", "approve");
    act.fireTimer(first, "Event_ForumDay");
    drive.reportForum(first, "TH-19", "withdraw");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("provincialPipeline")
                .processInstanceBusinessKey(first)
                .completed()
                .count())
        .as("the pipeline ended")
        .isOne();

    assertThatThrownBy(() -> drive.start("TH-19", 2592, 1))
        .hasRootCauseInstanceOf(PipelineAlreadyStartedException.class)
        .hasMessageContaining(first)
        .hasMessageContaining("สิ้นสุดแล้ว")
        .hasMessageContaining("ended");
    ResponseEntity<String> rest =
        new TwoApis(http)
            .call(
                Api.ENGINE_REST,
                "manager",
                HttpMethod.POST,
                "/process-definition/key/provincialPipeline/start",
                startBody("TH-19", 2592, 1));
    assertThat(assertRefused(rest, first).path("existing").path("state").asText())
        .isEqualTo("COMPLETED");

    String third = drive.start("TH-19", 2592, 3);
    assertThat(third).isEqualTo("TH-19/2592-3");
    assertThatThrownBy(() -> drive.start("TH-19", 2592, 2))
        .as("no going back to an earlier wave")
        .hasRootCauseInstanceOf(PipelineAlreadyStartedException.class)
        .hasMessageContaining(third)
        .hasMessageContaining("must be later than 3");
    assertThat(pipelines("TH-19/2592-1") + pipelines("TH-19/2592-2") + pipelines(third))
        .isEqualTo(2);
    assertThat(drive.start("TH-19", 2593, 1))
        .as("another fiscal year is another count")
        .isEqualTo("TH-19/2593-1");
  }

  @Test
  void twoSimultaneousStartsOfOnePipelineStartOneOfThem() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CyclicBarrier together = new CyclicBarrier(2);
    try {
      List<Future<String>> starts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        starts.add(
            threads.submit(
                () -> {
                  Walkthrough drive = drive();
                  together.await(10, TimeUnit.SECONDS);
                  try {
                    return drive.start("TH-18", 2594, 1);
                  } catch (ProcessEngineException failed) {
                    PipelineAlreadyStartedException refused =
                        EngineHooks.cause(failed, PipelineAlreadyStartedException.class);
                    if (refused == null) {
                      throw failed;
                    }
                    return "refused: " + refused.getMessage();
                  }
                }));
      }
      List<String> results = new ArrayList<>();
      for (Future<String> start : starts) {
        results.add(start.get(60, TimeUnit.SECONDS));
      }
      assertThat(results).containsOnlyOnce("TH-18/2594-1");
      assertThat(results)
          .filteredOn(r -> r.startsWith("refused: "))
          .singleElement()
          .asString()
          .contains("TH-18/2594-1")
          .contains("กำลังดำเนินการ");
      assertThat(pipelines("TH-18/2594-1")).isOne();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theRegionalProgrammeDoesNotStartAProvinceAgainAndIsOnePerYear() throws Exception {
    int year = 2595;
    ProcessInstance programme =
        act.start(
            "manager",
            "regionalProgramme",
            null,
            Walkthrough.values(
                "programmeName",
                "โครงการความร่วมมือ พอช.–สสส. ปี " + year,
                "fiscalYear",
                (long) year,
                "region",
                "central-west"));
    String programmeKey = act.businessKey(programme.getId());
    assertThat(programmeKey).as("named after its year").isEqualTo("PROGRAMME-" + year);

    // a manager starts Nakhon Sawan's pipeline of the year by hand before the wave is chosen
    String byHand = drive().start("TH-60", year, 1);
    drive()
        .complete(
            "codi",
            programmeKey,
            "Activity_ChooseWaveProvinces",
            Walkthrough.values(
                "waveProvinces",
                Walkthrough.json(List.of("TH-60", "TH-19")),
                "selectionNote",
                "ตามผลประเมินความพร้อม"));
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .superProcessInstanceId(programme.getId())
                .list())
        .extracting(ProcessInstance::getBusinessKey)
        .as("only Saraburi is started; Nakhon Sawan's pipeline is already running")
        .containsExactly("TH-19/" + year + "-1");
    assertThat(pipelines(byHand)).isOne();
    SpinJsonNode alreadyRun =
        (SpinJsonNode)
            engine.getRuntimeService().getVariable(programme.getId(), "provincesAlreadyRun");
    assertThat(alreadyRun.elements()).hasSize(1);
    assertThat(alreadyRun.elements().get(0).prop("businessKey").stringValue()).isEqualTo(byHand);

    // a second programme for the year, by the engine's API and by Tasklist's start form
    assertThatThrownBy(
            () ->
                act.start(
                    "manager",
                    "regionalProgramme",
                    null,
                    Walkthrough.values(
                        "programmeName",
                        "โครงการซ้ำ",
                        "fiscalYear",
                        (long) year,
                        "region",
                        "central-west")))
        .hasRootCauseInstanceOf(PipelineAlreadyStartedException.class)
        .hasMessageContaining(programmeKey);
    ResponseEntity<String> again =
        new TwoApis(http)
            .call(
                Api.WEBAPPS,
                "manager",
                HttpMethod.POST,
                "/process-definition/key/regionalProgramme/submit-form",
                "{\"variables\": {\"programmeName\": {\"value\": \"โครงการซ้ำอีก\"},"
                    + " \"fiscalYear\": {\"value\": "
                    + year
                    + ", \"type\": \"Long\"}, \"region\": {\"value\": \"central-west\"}}}");
    assertRefused(again, programmeKey);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("regionalProgramme")
                .processInstanceBusinessKey(programmeKey)
                .count())
        .isOne();
  }
}
