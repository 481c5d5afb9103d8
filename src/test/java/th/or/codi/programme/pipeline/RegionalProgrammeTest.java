package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.processes.BusinessKey;
import th.or.codi.programme.processes.ProgrammeProcesses;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/** The regional programme: readiness, waves of provincial pipelines, closing, quarterly review. */
@ProcessTest
class RegionalProgrammeTest {

  private static final AtomicInteger YEAR = new AtomicInteger(2585);

  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired ProvinceReferenceData referenceData;

  private Walkthrough drive;

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
    drive = PipelineDriver.create(engine, act, referenceData);
  }

  @Test
  void everyProcessStartableInTasklistHasItsStartFormInTheSameDeployment() throws Exception {
    var startable =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .startableInTasklist()
            .latestVersion()
            .list();
    assertThat(startable)
        .extracting(d -> d.getKey())
        .containsExactlyInAnyOrder(ProgrammeProcesses.PROGRAMME, ProgrammeProcesses.PIPELINE);
    for (var definition : startable) {
      var model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
      String formRef =
          model
              .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)
              .iterator()
              .next()
              .getCamundaFormRef();
      try (var in = engine.getFormService().getDeployedStartForm(definition.getId())) {
        String form = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(org.camunda.spin.Spin.JSON(form).prop("id").stringValue())
            .as(definition.getKey())
            .isEqualTo(formRef);
      }
    }
  }

  /** Managers start the programme of a fiscal year; readiness is assessed on the way. */
  private ProcessInstance startProgramme(int fiscalYear) {
    return act.start(
        "manager",
        ProgrammeProcesses.PROGRAMME,
        BusinessKey.programme(fiscalYear),
        Walkthrough.values(
            "programmeName",
            "โครงการความร่วมมือ พอช.–สสส. ปี " + fiscalYear,
            "fiscalYear",
            (long) fiscalYear,
            "region",
            "central-west"));
  }

  private String programmeKey(ProcessInstance programme) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(programme.getId())
        .singleResult()
        .getBusinessKey();
  }

  private List<String> jsonList(ProcessInstance programme, String name) {
    SpinJsonNode node =
        (SpinJsonNode) engine.getRuntimeService().getVariable(programme.getId(), name);
    return node.elements().stream().map(SpinJsonNode::stringValue).toList();
  }

  /** The working group chooses the wave's provinces; the pipelines start. */
  private void chooseWave(ProcessInstance programme, List<String> provinces) {
    drive.complete(
        "codi",
        programmeKey(programme),
        "Activity_ChooseWaveProvinces",
        Walkthrough.values(
            "waveProvinces",
            Walkthrough.json(provinces),
            "selectionNote",
            "ตามผลประเมินความพร้อม"));
  }

  /** A province's pipeline ends quickly: the province withdraws after its forum. */
  private void withdraw(String pipelineKey, String province) {
    drive.planForum(pipelineKey, province);
    drive.reviewForum(pipelineKey, "approve", "approve");
    act.fireTimer(pipelineKey, "Event_ForumDay");
    drive.reportForum(pipelineKey, province, "withdraw");
  }

  private void finishWave(ProcessInstance programme) {
    act.runAsyncContinuations(programme.getId());
  }

  @Test
  void readinessProposesTheSeedsPilotsAndTwoWavesRunBeforeManagersClose() {
    int year = YEAR.incrementAndGet();
    ProcessInstance programme = startProgramme(year);

    assertThat(programme)
        .isWaitingAt("Activity_ChooseWaveProvinces")
        .hasPassed("Activity_AssessReadiness");
    Task choose = act.task(programmeKey(programme), "Activity_ChooseWaveProvinces");
    assertThat(choose).hasCandidateGroup("working-group");
    assertThat(jsonList(programme, "waveProvinces"))
        .as("pre-filled with the pilot-ready provinces")
        .containsExactlyInAnyOrder("TH-60", "TH-19", "TH-18");
    assertThat(
            (String) engine.getRuntimeService().getVariable(programme.getId(), "readinessSummary"))
        .contains("นครสวรรค์ (TH-60): พร้อมนำร่อง")
        .contains("อุทัยธานี (TH-61): ระลอกถัดไป");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .processInstanceId(programme.getId())
                .count())
        .as("one decision per province")
        .isEqualTo(16);

    chooseWave(programme, List.of("TH-60", "TH-19"));
    assertThat(programme).isWaitingAt("Activity_RunProvincialPipelines");
    String nakhonSawan = "TH-60/" + year + "-1";
    String saraburi = "TH-19/" + year + "-1";
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .superProcessInstanceId(programme.getId())
                .list())
        .extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder(nakhonSawan, saraburi);
    assertThat(act.task(saraburi, "Activity_PlanForum")).hasCandidateGroup("community-saraburi");

    withdraw(nakhonSawan, "TH-60");
    withdraw(saraburi, "TH-19");
    finishWave(programme);

    assertThat(programme).isWaitingAt("Activity_ReviewWave");
    assertThat(act.task(programmeKey(programme), "Activity_ReviewWave"))
        .hasCandidateGroup("managers");
    assertThat((String) engine.getRuntimeService().getVariable(programme.getId(), "waveSummary"))
        .contains("นครสวรรค์ (TH-60): ถอนตัว")
        .contains("ครอบคลุมแล้ว 2 จาก 16 จังหวัด");
    assertThat(jsonList(programme, "coveredProvinces")).containsExactlyInAnyOrder("TH-60", "TH-19");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                drive.complete(
                    "manager",
                    programmeKey(programme),
                    "Activity_ReviewWave",
                    Walkthrough.values(
                        "waveDecision",
                        "next-wave",
                        "nextWaveProvinces",
                        Walkthrough.json(List.of("TH-18", "TH-60")),
                        "decisionNote",
                        "ขยายไปชัยนาท")))
        .as("a covered province is not offered again, and the server refuses it")
        .hasRootCauseInstanceOf(th.or.codi.programme.validation.SubmissionRejectedException.class)
        .hasMessageContaining("TH-60");
    drive.complete(
        "manager",
        programmeKey(programme),
        "Activity_ReviewWave",
        Walkthrough.values(
            "waveDecision",
            "next-wave",
            "nextWaveProvinces",
            Walkthrough.json(List.of("TH-18")),
            "decisionNote",
            "ขยายไปชัยนาท"));
    assertThat(engine.getRuntimeService().getVariable(programme.getId(), "wave")).isEqualTo(2L);
    assertThat(jsonList(programme, "waveProvinces")).containsExactly("TH-18");
    String chaiNat = "TH-18/" + year + "-2";
    withdraw(chaiNat, "TH-18");
    finishWave(programme);

    drive.complete(
        "manager",
        programmeKey(programme),
        "Activity_ReviewWave",
        Walkthrough.values("waveDecision", "close", "decisionNote", "ปิดโครงการปีนี้"));
    assertThat(programme).isEnded().hasPassed("Event_ProgrammeClosed");
  }

  @Test
  void theProgrammeEndsWhenEveryProvinceIsCovered() {
    int year = YEAR.incrementAndGet();
    ProcessInstance programme = startProgramme(year);
    List<String> all = referenceData.programmeProvinces().stream().map(Province::code).toList();
    chooseWave(programme, all);
    for (String code : all) {
      withdraw(BusinessKey.format(code, year, 1), code);
    }
    finishWave(programme);

    assertThat(programme)
        .isEnded()
        .hasPassed("Event_AllProvincesCovered")
        .hasNotPassed("Activity_ReviewWave");
  }

  @Test
  void aQuarterlyJointReviewIsRecordedWhileTheProgrammeRuns() {
    int year = YEAR.incrementAndGet();
    ProcessInstance programme = startProgramme(year);
    String key = programmeKey(programme);

    act.fireTimer(key, "StartEvent_QuarterDue");
    Task review = act.task(key, "Activity_RecordQuarterlyReview");
    assertThat(review).hasCandidateGroup("working-group");
    assertThat(programme)
        .as("the programme goes on")
        .isWaitingAt("Activity_ChooseWaveProvinces", "Activity_RecordQuarterlyReview");
    drive.complete(
        "thaihealth",
        key,
        "Activity_RecordQuarterlyReview",
        Walkthrough.values(
            "meetingDate",
            Walkthrough.inDays(-1),
            "attendeesCodi",
            3L,
            "attendeesThaiHealth",
            2L,
            "attendeesCommunity",
            6L,
            "minutes",
            "ทบทวนความก้าวหน้า 3 จังหวัดนำร่อง",
            "minutesLink",
            "https://example.org/minutes",
            "followUpActions",
            "ติดตามงบศึกษาดูงาน"));
    assertThat(programme)
        .hasPassed("Event_QuarterReviewed")
        .isWaitingAt("Activity_ChooseWaveProvinces");
    assertThat(act.timer(key, "StartEvent_QuarterDue"))
        .as("the next quarter is scheduled")
        .isNotNull();
  }
}
