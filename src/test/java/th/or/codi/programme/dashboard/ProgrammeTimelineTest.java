package th.or.codi.programme.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static th.or.codi.programme.demo.Walkthrough.line;
import static th.or.codi.programme.demo.Walkthrough.progress;
import static th.or.codi.programme.demo.Walkthrough.spending;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.UnusedWave;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.pipeline.PipelineStages.Stage;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * The programme's timeline ({@code GET /engine-rest/programme/timeline}) against the engine's own
 * history: pipelines driven with the engine's clock set back so that their stages start at known,
 * different moments, and every bar, overrun, month and series of the answer checked against history
 * queries made here, not against the timeline's code. The database is shared with the other test
 * classes of the context, so business keys come from {@link UnusedWave}, the pipelines are found in
 * the answer by business key, and every aggregate is recomputed from history for whatever the
 * province holds. Samut Songkhram (TH-75) carries the stages, Phetchaburi (TH-76) the monthly
 * reports: provinces no other test class drives.
 */
@DemoApplicationTest
class ProgrammeTimelineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/engine-rest/programme/timeline";
  private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
  private static final String STAGES = "TH-75";
  private static final String MONTHS = "TH-76";

  /** The Thai abbreviations of the months, January first, as the Thai calendar writes them. */
  private static final List<String> THAI_MONTHS =
      List.of(
          "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.",
          "ธ.ค.");

  private static final List<String> ENGLISH_MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired ProvinceReferenceData provinces;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------------------------ helpers

  private HistoryService history() {
    return engine.getHistoryService();
  }

  private ResponseEntity<String> get(String user, String province) {
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
    return client.getForEntity(
        province == null ? PATH : PATH + "?province=" + province, String.class);
  }

  private JsonNode timeline(String province) throws Exception {
    ResponseEntity<String> response = get("manager", province);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody());
  }

  private static JsonNode lane(JsonNode view, String businessKey) {
    for (JsonNode lane : view.get("pipelines")) {
      if (businessKey.equals(lane.get("businessKey").asText())) {
        return lane;
      }
    }
    throw new AssertionError("no lane for " + businessKey);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> nodes = new ArrayList<>();
    array.forEach(nodes::add);
    return nodes;
  }

  /** An instant as Jackson writes it: ISO 8601 text, or JSON null. */
  private static Instant instant(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    assertThat(node.isTextual()).as("an ISO 8601 instant, not " + node).isTrue();
    return OffsetDateTime.parse(node.asText()).toInstant();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static void clockAt(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  /** A user of the province's community movement and its tri-party team (created once). */
  private String member(String code) {
    Province province = provinces.requireByCode(code);
    String id = "timeline" + code.substring(3);
    if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      var user = engine.getIdentityService().newUser(id);
      user.setPassword(id);
      engine.getIdentityService().saveUser(user);
      engine.getIdentityService().createMembership(id, province.communityGroupId());
      engine.getIdentityService().createMembership(id, province.jointGroupId());
    }
    return id;
  }

  private Walkthrough walk(String code) {
    String member = member(code);
    return new Walkthrough(act, c -> member, t -> {});
  }

  private HistoricProcessInstance pipeline(String businessKey) {
    return history()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("provincialPipeline")
        .processInstanceBusinessKey(businessKey)
        .singleResult();
  }

  /**
   * Every write of the pipeline's own {@code stageKey} (not a task's copy, not an inner scope's),
   * in order: read by the process instance's variable updates, filtered to that variable instance.
   */
  private List<HistoricVariableUpdate> stageWrites(String pipelineId) {
    Set<String> own = new HashSet<>();
    for (HistoricVariableInstance v :
        history()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pipelineId)
            .variableName("stageKey")
            .list()) {
      if (v.getTaskId() == null && pipelineId.equals(v.getActivityInstanceId())) {
        own.add(v.getId());
      }
    }
    List<HistoricVariableUpdate> writes = new ArrayList<>();
    for (HistoricDetail detail :
        history()
            .createHistoricDetailQuery()
            .processInstanceId(pipelineId)
            .variableUpdates()
            .list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      if (own.contains(update.getVariableInstanceId())) {
        writes.add(update);
      }
    }
    writes.sort(
        Comparator.comparing(HistoricVariableUpdate::getTime)
            .thenComparingInt(HistoricVariableUpdate::getRevision));
    return writes;
  }

  /** A pipeline driven through three stages at known past moments. */
  record Driven(
      String key,
      String id,
      long wave,
      Instant started,
      Instant forumDone,
      Instant overran,
      Instant visitDone) {}

  /**
   * Started 120 days ago, the forum stage finished 100 days ago, the study visit's overrun timer
   * fired 80 days ago, the study visit finished 60 days ago: in joint design since.
   */
  private Driven throughThreeStages(String code) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant started = now.minus(120, ChronoUnit.DAYS);
    Instant forumDone = now.minus(100, ChronoUnit.DAYS);
    Instant overran = now.minus(80, ChronoUnit.DAYS);
    Instant visitDone = now.minus(60, ChronoUnit.DAYS);
    Walkthrough walk = walk(code);
    UnusedWave wave = UnusedWave.of(engine, code);
    clockAt(started);
    String key = walk.start(code, wave.fiscalYear(), wave.wave());
    clockAt(forumDone);
    walk.forumStage(key, code);
    clockAt(overran);
    act.fireTimer(key, "Event_VisitStageOverrun");
    clockAt(visitDone);
    walk.visitStage(key, code);
    ClockUtil.reset();
    return new Driven(
        key, pipeline(key).getId(), wave.wave(), started, forumDone, overran, visitDone);
  }

  // -------------------------------------------------------------------------------------- tests

  @Test
  void barsAreTheStagesAsHistoryRecordsThemWithTheOverrunInItsStay() throws Exception {
    Driven driven = throughThreeStages(STAGES);

    JsonNode view = timeline(STAGES);
    JsonNode lane = lane(view, driven.key());
    Province province = provinces.requireByCode(STAGES);
    assertThat(lane.get("provinceCode").asText()).isEqualTo(STAGES);
    assertThat(lane.get("provinceName").asText()).isEqualTo(province.nameTh());
    assertThat(lane.get("provinceNameEn").asText()).isEqualTo(province.nameEn());
    assertThat(lane.get("wave").asLong()).isEqualTo(driven.wave());
    assertThat(lane.get("processInstanceId").asText()).isEqualTo(driven.id());
    assertThat(lane.get("state").asText()).isEqualTo("running");
    assertThat(instant(lane.get("started"))).isEqualTo(driven.started());
    assertThat(instant(lane.get("ended"))).isNull();
    assertThat(lane.get("months")).isEmpty();

    // the pipeline's own stageKey, written once per stage at the moments the clock was set to
    List<HistoricVariableUpdate> writes = stageWrites(driven.id());
    assertThat(writes)
        .extracting(HistoricVariableUpdate::getValue)
        .containsExactly("understanding-forum", "study-visit", "joint-design");
    assertThat(writes)
        .extracting(w -> w.getTime().toInstant())
        .containsExactly(driven.started(), driven.forumDone(), driven.visitDone());

    List<JsonNode> bars = list(lane.get("bars"));
    assertThat(bars)
        .extracting(b -> b.get("stageKey").asText())
        .containsExactly("understanding-forum", "study-visit", "joint-design");
    for (int i = 0; i < bars.size(); i++) {
      JsonNode bar = bars.get(i);
      Stage stage = Stage.of(bar.get("stageKey").asText());
      assertThat(bar.get("stage").asText()).isEqualTo(stage.th());
      assertThat(bar.get("stageEn").asText()).isEqualTo(stage.en());
      assertThat(instant(bar.get("start")))
          .as("start of " + stage.key())
          .isEqualTo(instant(writes.get(i).getTime()));
      assertThat(instant(bar.get("end")))
          .as("end of " + stage.key())
          .isEqualTo(i + 1 < writes.size() ? instant(writes.get(i + 1).getTime()) : null);
    }

    // the study visit's overrun: the boundary timer's activity instance, inside the bar
    HistoricActivityInstance fired =
        history()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(driven.id())
            .activityId("Event_VisitStageOverrun")
            .singleResult();
    assertThat(fired).as("the overrun timer fired").isNotNull();
    JsonNode visit = bars.get(1);
    assertThat(instant(visit.get("overranAt")))
        .isEqualTo(instant(fired.getStartTime()))
        .isEqualTo(driven.overran())
        .isAfter(instant(visit.get("start")))
        .isBefore(instant(visit.get("end")));
    assertThat(bars.get(0).get("overranAt").isNull()).as("forum overranAt").isTrue();
    assertThat(bars.get(2).get("overranAt").isNull()).as("joint design overranAt").isTrue();

    // the same lane in the whole programme's timeline (the newest pipelines, if ever truncated)
    JsonNode all = timeline(null);
    assertThat(all.get("province").isNull()).isTrue();
    if (!all.get("truncated").asBoolean()) {
      assertThat(lane(all, driven.key())).isEqualTo(lane);
    }
  }

  @Test
  void wavesAreOrderedAndAnEndedPipelineShowsItsEnd() throws Exception {
    Walkthrough walk = walk(STAGES);
    UnusedWave firstWave = UnusedWave.of(engine, STAGES);
    String running = walk.start(STAGES, firstWave.fiscalYear(), firstWave.wave());
    UnusedWave secondWave = UnusedWave.of(engine, STAGES);
    // the other wave started earlier (so start order is not wave order) and was cancelled
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clockAt(now.minus(10, ChronoUnit.DAYS));
    String cancelled = walk.start(STAGES, secondWave.fiscalYear(), secondWave.wave());
    clockAt(now.minus(5, ChronoUnit.DAYS));
    engine
        .getRuntimeService()
        .deleteProcessInstance(pipeline(cancelled).getId(), "withdrawn by the test");
    ClockUtil.reset();
    HistoricProcessInstance runningHistory = pipeline(running);
    HistoricProcessInstance cancelledHistory = pipeline(cancelled);
    assertThat(cancelledHistory.getEndTime()).isNotNull();

    JsonNode view = timeline(STAGES);
    JsonNode runningLane = lane(view, running);
    JsonNode cancelledLane = lane(view, cancelled);
    assertThat(runningLane.get("wave").asLong()).isEqualTo(firstWave.wave());
    assertThat(cancelledLane.get("wave").asLong()).isEqualTo(secondWave.wave());
    assertThat(runningLane.get("state").asText()).isEqualTo("running");
    assertThat(instant(runningLane.get("ended"))).isNull();
    assertThat(cancelledLane.get("state").asText()).isEqualTo("cancelled");
    assertThat(instant(cancelledLane.get("ended")))
        .isEqualTo(instant(cancelledHistory.getEndTime()))
        .isEqualTo(now.minus(5, ChronoUnit.DAYS));
    assertThat(instant(cancelledLane.get("started")))
        .isEqualTo(instant(cancelledHistory.getStartTime()))
        .isEqualTo(now.minus(10, ChronoUnit.DAYS));
    // each in its first stage; the cancelled one's bar ends when the pipeline ended
    List<JsonNode> cancelledBars = list(cancelledLane.get("bars"));
    assertThat(cancelledBars)
        .extracting(b -> b.get("stageKey").asText())
        .containsExactly("understanding-forum");
    assertThat(instant(cancelledBars.get(0).get("start")))
        .isEqualTo(instant(stageWrites(cancelledHistory.getId()).get(0).getTime()));
    assertThat(instant(cancelledBars.get(0).get("end")))
        .isEqualTo(instant(cancelledHistory.getEndTime()));
    List<JsonNode> runningBars = list(runningLane.get("bars"));
    assertThat(runningBars)
        .extracting(b -> b.get("stageKey").asText())
        .containsExactly("understanding-forum");
    // the bar starts at the stageKey write, a few milliseconds after the instance's start
    assertThat(instant(runningBars.get(0).get("start")))
        .isEqualTo(instant(stageWrites(runningHistory.getId()).get(0).getTime()));
    assertThat(instant(runningLane.get("started")))
        .isEqualTo(instant(runningHistory.getStartTime()));
    assertThat(runningBars.get(0).get("end").isNull()).isTrue();

    // one province's lanes: by wave, then by start
    List<JsonNode> lanes = list(view.get("pipelines"));
    for (int i = 1; i < lanes.size(); i++) {
      JsonNode before = lanes.get(i - 1);
      JsonNode after = lanes.get(i);
      assertThat(wave(before))
          .as(before.get("businessKey") + " before " + after.get("businessKey"))
          .isLessThanOrEqualTo(wave(after));
      if (wave(before) == wave(after)) {
        assertThat(instant(before.get("started"))).isBeforeOrEqualTo(instant(after.get("started")));
      }
    }
    int runningAt = lanes.indexOf(runningLane);
    int cancelledAt = lanes.indexOf(cancelledLane);
    if (firstWave.wave() != secondWave.wave()) {
      assertThat(runningAt < cancelledAt)
          .as("the lower wave first")
          .isEqualTo(firstWave.wave() < secondWave.wave());
    }
    // the whole programme's lanes: by wave too
    List<JsonNode> allLanes = list(timeline(null).get("pipelines"));
    for (int i = 1; i < allLanes.size(); i++) {
      assertThat(wave(allLanes.get(i - 1)))
          .as(
              allLanes.get(i - 1).get("businessKey")
                  + " before "
                  + allLanes.get(i).get("businessKey"))
          .isLessThanOrEqualTo(wave(allLanes.get(i)));
    }
  }

  private static long wave(JsonNode lane) {
    return lane.get("wave").isNull() ? Long.MAX_VALUE : lane.get("wave").asLong();
  }

  @Test
  void pipelinesPerStageAreTheHistorysStagesAtEachMonthsEnd() throws Exception {
    throughThreeStages(STAGES);
    // another pipeline of the province: started 95 days ago, cancelled 40 days ago in its forum
    Walkthrough walk = walk(STAGES);
    UnusedWave wave = UnusedWave.of(engine, STAGES);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clockAt(now.minus(95, ChronoUnit.DAYS));
    String cancelled = walk.start(STAGES, wave.fiscalYear(), wave.wave());
    clockAt(now.minus(40, ChronoUnit.DAYS));
    engine
        .getRuntimeService()
        .deleteProcessInstance(pipeline(cancelled).getId(), "withdrawn by the test");
    ClockUtil.reset();

    JsonNode view = timeline(STAGES);
    Instant asOf = instant(view.get("asOf"));
    assertThat(asOf).isBetween(now, Instant.now());
    assertThat(view.get("province").asText()).isEqualTo(STAGES);
    assertThat(view.get("truncated").asBoolean()).isFalse();

    // the province's pipelines: every provincialPipeline whose own provinceCode is the province's
    List<HistoricProcessInstance> pipelines = new ArrayList<>();
    for (HistoricVariableInstance code :
        history()
            .createHistoricVariableInstanceQuery()
            .variableName("provinceCode")
            .variableValueEquals("provinceCode", STAGES)
            .list()) {
      if (code.getTaskId() != null
          || !code.getProcessInstanceId().equals(code.getActivityInstanceId())) {
        continue;
      }
      HistoricProcessInstance instance =
          history()
              .createHistoricProcessInstanceQuery()
              .processInstanceId(code.getProcessInstanceId())
              .singleResult();
      if ("provincialPipeline".equals(instance.getProcessDefinitionKey())) {
        pipelines.add(instance);
      }
    }
    assertThat(list(view.get("pipelines")))
        .extracting(l -> l.get("processInstanceId").asText())
        .containsExactlyInAnyOrderElementsOf(
            pipelines.stream().map(HistoricProcessInstance::getId).toList());

    // the axis: every month from the earliest start's to today's, in Bangkok
    YearMonth first =
        pipelines.stream()
            .map(p -> YearMonth.from(p.getStartTime().toInstant().atZone(BANGKOK)))
            .min(Comparator.naturalOrder())
            .orElseThrow();
    YearMonth last = YearMonth.from(asOf.atZone(BANGKOK));
    List<JsonNode> axis = list(view.get("months"));
    assertThat(axis).hasSize((int) ChronoUnit.MONTHS.between(first, last) + 1);
    assertThat(axis.size()).as("months since 120 days ago").isGreaterThanOrEqualTo(4);
    for (int i = 0; i < axis.size(); i++) {
      YearMonth m = first.plusMonths(i);
      JsonNode month = axis.get(i);
      assertThat(month.get("key").asText())
          .isEqualTo(String.format("%04d-%02d", m.getYear(), m.getMonthValue()));
      assertThat(month.get("th").asText())
          .isEqualTo(THAI_MONTHS.get(m.getMonthValue() - 1) + " " + (m.getYear() + 543));
      assertThat(month.get("en").asText())
          .isEqualTo(ENGLISH_MONTHS.get(m.getMonthValue() - 1) + " " + m.getYear());
      assertThat(instant(month.get("start")))
          .isEqualTo(m.atDay(1).atStartOfDay(BANGKOK).toInstant());
      assertThat(instant(month.get("end")))
          .isEqualTo(m.plusMonths(1).atDay(1).atStartOfDay(BANGKOK).toInstant());
    }

    // each month's end (today for this month): each pipeline's stage by its own stageKey writes
    Map<String, List<HistoricVariableUpdate>> writes = new LinkedHashMap<>();
    for (HistoricProcessInstance p : pipelines) {
      writes.put(p.getId(), stageWrites(p.getId()));
    }
    Map<String, List<Long>> expected = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      expected.put(stage.key(), new ArrayList<>());
    }
    for (int i = 0; i < axis.size(); i++) {
      Instant monthEnd = first.plusMonths(i + 1).atDay(1).atStartOfDay(BANGKOK).toInstant();
      Instant at = monthEnd.isBefore(asOf) ? monthEnd : asOf;
      for (List<Long> series : expected.values()) {
        series.add(0L);
      }
      for (HistoricProcessInstance p : pipelines) {
        String stage = stageAt(p, writes.get(p.getId()), at);
        if (stage != null) {
          expected.get(stage).set(i, expected.get(stage).get(i) + 1);
        }
      }
    }
    Map<String, List<Long>> actual = new LinkedHashMap<>();
    view.get("pipelinesPerStage")
        .fields()
        .forEachRemaining(
            e ->
                actual.put(e.getKey(), list(e.getValue()).stream().map(JsonNode::asLong).toList()));
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    assertThat(actual).isEqualTo(expected);
    // something to compare: this month has the joint design and a closed pipeline at least
    int today = axis.size() - 1;
    assertThat(expected.get("joint-design").get(today)).isPositive();
    assertThat(expected.get("closed").get(today)).isPositive();
  }

  /**
   * The pipeline's stage at that moment from history: none before it started, {@code closed} once
   * it had ended, else the last write of its own stageKey at or before it.
   */
  private static String stageAt(
      HistoricProcessInstance pipeline, List<HistoricVariableUpdate> writes, Instant at) {
    if (pipeline.getStartTime().toInstant().isAfter(at)) {
      return null;
    }
    if (pipeline.getEndTime() != null && !pipeline.getEndTime().toInstant().isAfter(at)) {
      return "closed";
    }
    String stage = null;
    for (HistoricVariableUpdate write : writes) {
      if (!write.getTime().toInstant().isAfter(at)) {
        stage = (String) write.getValue();
      }
    }
    return stage;
  }

  @Test
  void monthlyReportsShowTheConfirmedStatusElseTheReportedOne() throws Exception {
    Walkthrough walk = walk(MONTHS);
    UnusedWave wave = UnusedWave.of(engine, MONTHS);
    String key = walk.start(MONTHS, wave.fiscalYear(), wave.wave());
    walk.forumStage(key, MONTHS);
    walk.visitStage(key, MONTHS);
    walk.designStage(key, MONTHS);
    YearMonth thisMonth = YearMonth.now(BANGKOK);
    String reviewed = thisMonth.minusMonths(1).toString();
    String open = thisMonth.toString();
    // last month: reported on track, the working group confirms it at risk
    act.fireTimer(key, "Event_MonthlyReportDue");
    walk.submitMonth(
        key,
        MONTHS,
        reviewed,
        "on-track",
        spending(line(1, "thaihealth", 5000), line(2, "codi", 0)),
        progress(130, 4, 860),
        "");
    walk.reviewMonth(key, "at-risk");
    // this month: reported off track, not reviewed yet
    act.fireTimer(key, "Event_MonthlyReportDue");
    walk.submitMonth(
        key,
        MONTHS,
        open,
        "off-track",
        spending(line(1, "thaihealth", 0), line(2, "codi", 2000)),
        progress(135, 4, 870),
        "");

    // the two months as history holds them: local to each month's monitoring scope
    String implementation =
        history()
            .createHistoricProcessInstanceQuery()
            .superProcessInstanceId(pipeline(key).getId())
            .processDefinitionKey("implementation")
            .singleResult()
            .getId();
    assertThat(
            history()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(implementation)
                .variableName("reportMonth")
                .list())
        .filteredOn(v -> v.getTaskId() == null && v.getValue() != null)
        .extracting(HistoricVariableInstance::getValue)
        .containsExactlyInAnyOrder(reviewed, open);

    JsonNode view = timeline(MONTHS);
    JsonNode lane = lane(view, key);
    assertThat(list(lane.get("bars")))
        .extracting(b -> b.get("stageKey").asText())
        .containsExactly("understanding-forum", "study-visit", "joint-design", "implementation");
    assertThat(lane.get("bars").get(3).get("end").isNull()).isTrue();

    // per status and month: the lanes' months, for the province and for the whole programme
    JsonNode all = timeline(null);
    for (JsonNode v : List.of(view, all)) {
      assertThat(reportsPerStatus(v))
          .as("reports per status of " + v.get("province"))
          .isEqualTo(reportsOverLanes(v));
    }

    // the months: one per monthly monitoring's execution (the engine records their local variables
    // with the implementation's instance id as their activity instance; grouping by it lost them)
    assertThat(list(lane.get("months")))
        .extracting(
            m -> m.get("month").asText(),
            m -> m.get("status").asText(),
            m -> m.get("confirmed").asBoolean())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(reviewed, "at-risk", true),
            org.assertj.core.groups.Tuple.tuple(open, "off-track", false));
    List<String> axis = list(view.get("months")).stream().map(m -> m.get("key").asText()).toList();
    assertThat(axis).as("a month reported before the pipeline's start").contains(reviewed, open);
    Map<String, List<Long>> perStatus = reportsPerStatus(view);
    assertThat(perStatus.get("at-risk").get(axis.indexOf(reviewed)))
        .as("the confirmed month counts as confirmed")
        .isPositive();
    assertThat(perStatus.get("off-track").get(axis.indexOf(open)))
        .as("the month not reviewed counts as reported")
        .isPositive();
  }

  private static Map<String, List<Long>> reportsPerStatus(JsonNode view) {
    Map<String, List<Long>> series = new LinkedHashMap<>();
    view.get("reportsPerStatus")
        .fields()
        .forEachRemaining(
            e ->
                series.put(e.getKey(), list(e.getValue()).stream().map(JsonNode::asLong).toList()));
    return series;
  }

  /**
   * For each monthly status, in each axis month, how many of the answer's lanes' months have it.
   */
  private static Map<String, List<Long>> reportsOverLanes(JsonNode view) {
    List<String> axis = list(view.get("months")).stream().map(m -> m.get("key").asText()).toList();
    Map<String, List<Long>> expected = new LinkedHashMap<>();
    for (MonthlyStatus status : MonthlyStatus.values()) {
      List<Long> series = new ArrayList<>();
      for (String month : axis) {
        long count = 0;
        for (JsonNode lane : view.get("pipelines")) {
          for (JsonNode m : lane.get("months")) {
            if (m.get("month").asText().equals(month)
                && m.get("status").asText().equals(status.key())) {
              count++;
            }
          }
        }
        series.add(count);
      }
      expected.put(status.key(), series);
    }
    return expected;
  }

  @Test
  void badProvincesAreRefusedAndOnlyTheDashboardsReadersMayLook() throws Exception {
    ResponseEntity<String> notACode = get("manager", "60");
    assertThat(notACode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = JSON.readTree(notACode.getBody());
    assertThat(body.get("type").asText()).isEqualTo("InvalidQuery");
    assertThat(body.get("message").asText())
        .containsPattern("[\\u0E00-\\u0E7F]")
        .contains("รหัสจังหวัด")
        .contains("province code")
        .contains("60");

    ResponseEntity<String> unknown = get("manager", "TH-99");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    body = JSON.readTree(unknown.getBody());
    assertThat(body.get("type").asText()).isEqualTo("InvalidQuery");
    assertThat(body.get("message").asText())
        .contains("TH-99")
        .contains("ไม่มีจังหวัดนี้")
        .contains("no such province");

    assertThat(get(null, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get(null, STAGES).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String user : List.of("nakhonsawan", "codi", "thaihealth")) {
      ResponseEntity<String> refused = get(user, null);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).contains("ไม่มีสิทธิ์");
    }
    for (String user : List.of("manager", "auditor", "admin")) {
      assertThat(get(user, STAGES).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    }
  }
}
