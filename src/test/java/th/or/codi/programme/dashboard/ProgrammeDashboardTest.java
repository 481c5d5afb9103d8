package th.or.codi.programme.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import th.or.codi.programme.ledger.Ledgers;
import th.or.codi.programme.ledger.PipelineLedger;
import th.or.codi.programme.pipeline.Outcome;
import th.or.codi.programme.pipeline.PipelineStages.Stage;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * The managers' dashboard against the engine's own counts: a known set of pipelines at known
 * stages, one of them with overdue tasks, and every row of the dashboard checked against task and
 * process-instance queries made here, independently of the dashboard's code.
 */
@DemoApplicationTest
class ProgrammeDashboardTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired ProvinceReferenceData provinces;
  @Autowired Ledgers ledgers;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private JsonNode dashboard(String user) throws Exception {
    ResponseEntity<String> response =
        http.withBasicAuth(user, user)
            .getForEntity("/engine-rest/programme/dashboard", String.class);
    assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody());
  }

  private JsonNode row(JsonNode view, String province) {
    for (JsonNode row : view.get("provinces")) {
      if (row.get("provinceCode").asText().equals(province)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + province);
  }

  private List<String> runningTree(String id) {
    List<String> ids = new ArrayList<>(List.of(id));
    for (int i = 0; i < ids.size(); i++) {
      engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .superProcessInstanceId(ids.get(i))
          .list()
          .forEach(p -> ids.add(p.getId()));
    }
    return ids;
  }

  private List<String> groups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId())
        .toList();
  }

  private static String party(String group) {
    return group.startsWith("community-")
        ? "community"
        : group.startsWith("joint-") ? "joint" : group;
  }

  @Test
  void figuresMatchTheEnginesOwnCountsForAKnownSetOfPipelines() throws Exception {
    // Uthai Thani planned its forum 30 days ago: the two reviews are overdue
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(30, ChronoUnit.DAYS)));
    Walkthrough uthai = new Walkthrough(act, code -> member("community-uthai-thani"), t -> {});
    String uthaiKey = uthai.start("TH-61", 2597, 1);
    uthai.planForum(uthaiKey, "TH-61");
    ClockUtil.reset();
    // Sing Buri is at the study visit, nothing overdue
    Walkthrough singBuri = new Walkthrough(act, code -> member("community-sing-buri"), t -> {});
    String singKey = singBuri.start("TH-17", 2597, 1);
    singBuri.forumStage(singKey, "TH-17");

    JsonNode view = dashboard("manager");
    JsonNode uthaiRow = row(view, "TH-61");
    assertThat(uthaiRow.get("businessKey").asText()).isEqualTo(uthaiKey);
    assertThat(uthaiRow.get("stageKey").asText()).isEqualTo("understanding-forum");
    assertThat(uthaiRow.get("wave").asLong()).isEqualTo(1);
    assertThat(uthaiRow.get("openTasks").get("codi").asLong()).isEqualTo(1);
    assertThat(uthaiRow.get("openTasks").get("thaihealth").asLong()).isEqualTo(1);
    assertThat(uthaiRow.get("overdueTasks").get("codi").asLong()).isEqualTo(1);
    assertThat(uthaiRow.get("overdueTotal").asLong()).isEqualTo(2);
    assertThat(uthaiRow.get("daysInStage").asLong()).isBetween(29L, 30L);
    JsonNode singRow = row(view, "TH-17");
    assertThat(singRow.get("businessKey").asText()).isEqualTo(singKey);
    assertThat(singRow.get("stageKey").asText()).isEqualTo("study-visit");
    assertThat(singRow.get("openTasks").get("codi").asLong()).isEqualTo(1);
    assertThat(singRow.get("overdueTotal").asLong()).isZero();
    assertThat(singRow.get("daysInStage").asLong()).isZero();

    // the map's provinces: every one of the reference data with the path that draws it
    JsonNode map = view.get("map");
    assertThat(map.get("provinces")).hasSize(provinces.provinces().size());
    assertThat(map.get("notOnMap")).isEmpty();
    map.get("provinces")
        .forEach(
            p ->
                assertThat(p.get("svgId").asText())
                    .as(p.get("code").asText())
                    .isEqualTo(ProvinceMap.shipped().svgId(p.get("code").asText()).orElseThrow()));
    assertThat(map.get("provinces").findValuesAsText("svgId")).contains("nsn", "cnt", "sri", "skw");

    // provinces not started: the programme's provinces without a row; the study-visit host
    // (Sa Kaeo) has no pipeline of its own and is not waiting to start one
    assertThat(view.get("provincesWithoutPipeline").asInt())
        .isEqualTo(provinces.programmeProvinces().size() - view.get("provinces").size());

    // every row against the engine's own queries
    Date now = new Date();
    for (JsonNode row : view.get("provinces")) {
      if (!row.get("state").asText().equals("running")) {
        continue;
      }
      String id = row.get("processInstanceId").asText();
      ProcessInstance latest =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processDefinitionKey("provincialPipeline")
              .variableValueEquals("provinceCode", row.get("provinceCode").asText())
              .list()
              .stream()
              .max(
                  (a, b) ->
                      engine
                          .getHistoryService()
                          .createHistoricProcessInstanceQuery()
                          .processInstanceId(a.getId())
                          .singleResult()
                          .getStartTime()
                          .compareTo(
                              engine
                                  .getHistoryService()
                                  .createHistoricProcessInstanceQuery()
                                  .processInstanceId(b.getId())
                                  .singleResult()
                                  .getStartTime()))
              .orElseThrow();
      assertThat(id)
          .as("the latest running pipeline of " + row.get("provinceCode"))
          .isEqualTo(latest.getId());
      assertThat(row.get("stageKey").asText())
          .isEqualTo(engine.getRuntimeService().getVariable(id, "stageKey"));
      List<Task> open =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceIdIn(runningTree(id).toArray(String[]::new))
              .list();
      for (String party :
          List.of("codi", "thaihealth", "community", "joint", "working-group", "managers")) {
        long expectedOpen =
            open.stream()
                .filter(
                    t ->
                        groups(t).stream()
                            .map(ProgrammeDashboardTest::party)
                            .anyMatch(party::equals))
                .count();
        long expectedOverdue =
            open.stream()
                .filter(t -> t.getDueDate() != null && t.getDueDate().before(now))
                .filter(
                    t ->
                        groups(t).stream()
                            .map(ProgrammeDashboardTest::party)
                            .anyMatch(party::equals))
                .count();
        assertThat(row.get("openTasks").get(party).asLong())
            .as(row.get("provinceCode") + " open " + party)
            .isEqualTo(expectedOpen);
        assertThat(row.get("overdueTasks").get(party).asLong())
            .as(row.get("provinceCode") + " overdue " + party)
            .isEqualTo(expectedOverdue);
      }
    }
    // totals per stage: running pipelines, counted by the engine
    for (Map.Entry<String, JsonNode> stage :
        (Iterable<Map.Entry<String, JsonNode>>) () -> view.get("pipelinesPerStage").fields()) {
      assertThat(stage.getValue().asLong())
          .as(stage.getKey())
          .isEqualTo(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processDefinitionKey("provincialPipeline")
                  .variableValueEquals("stageKey", stage.getKey())
                  .count());
    }
    assertThat(view.get("pipelinesPerStage").get("understanding-forum").asLong()).isPositive();
    assertThat(view.get("auditTrail").asBoolean())
        .as("a manager reads the audit trail too")
        .isTrue();
    assertThat(dashboard("auditor").get("auditTrail").asBoolean()).isTrue();
  }

  /**
   * The open and overdue tasks per party across the programme, which the database counts in one
   * statement, are the engine's own counts (candidate groups, assigned or not), as the parties'
   * readers would count them: a task of two groups of one party counts once for it, a task of two
   * parties once for each, an assigned task too.
   */
  @Test
  void totalsPerPartyAreTheEnginesCounts() throws Exception {
    var tasks = engine.getTaskService();
    Task shared = tasks.newTask();
    shared.setName("two movements and CODI, assigned, overdue");
    shared.setDueDate(Date.from(Instant.now().minus(Duration.ofDays(2))));
    shared.setAssignee("manager");
    tasks.saveTask(shared);
    tasks.addCandidateGroup(shared.getId(), "community-nakhon-sawan");
    tasks.addCandidateGroup(shared.getId(), "community-saraburi");
    tasks.addCandidateGroup(shared.getId(), "codi");
    try {
      JsonNode view = dashboard("manager");
      Date now = Date.from(Instant.parse(view.get("asOf").asText()));
      for (Party party : Party.values()) {
        List<String> groups = List.of(party.groups(provinces));
        long open =
            tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().count();
        long overdue =
            tasks
                .createTaskQuery()
                .taskCandidateGroupIn(groups)
                .includeAssignedTasks()
                .dueBefore(now)
                .count();
        assertThat(view.get("openTasksPerParty").get(party.key()).asLong())
            .as("open " + party.key())
            .isEqualTo(open);
        assertThat(view.get("overdueTasksPerParty").get(party.key()).asLong())
            .as("overdue " + party.key())
            .isEqualTo(overdue);
      }
      assertThat(view.get("overdueTasksPerParty").get("community").asLong()).isPositive();
      assertThat(view.get("openTasksPerParty").get("codi").asLong()).isPositive();
    } finally {
      tasks.deleteTask(shared.getId(), true);
    }
  }

  /**
   * The dashboard's own statements do not grow with its rows: the view over 3 provinces' pipelines
   * and over 12 (each set running ones, one at its second stage with the first's process ended, and
   * ended ones) prepares as many SQL statements, once the ledgers' statements for the same rows
   * (which {@link Ledgers} reads per pipeline, outside the dashboard) are taken off. Counted on the
   * engine's MyBatis statement handlers ({@link StatementCounter}).
   */
  @Test
  void theDashboardsStatementsDoNotGrowWithItsRows() {
    StatementCounter.installOn(engine);
    List<Province> twelve = provinces.programmeProvinces().subList(0, 12);
    for (int i = 0; i < twelve.size(); i++) {
      Province province = twelve.get(i);
      Walkthrough walk = new Walkthrough(act, code -> member(province.communityGroupId()), t -> {});
      UnusedWave wave = UnusedWave.of(engine, province.code());
      String key = walk.start(province.code(), wave.fiscalYear(), wave.wave());
      switch (i % 3) {
        case 0 -> walk.forumStage(key, province.code()); // the study visit runs
        case 1 -> // ended: no running pipeline left in the province
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("provincialPipeline")
                .variableValueEquals("provinceCode", province.code())
                .list()
                .forEach(
                    p ->
                        engine
                            .getRuntimeService()
                            .deleteProcessInstance(p.getId(), "withdrawn by the test"));
        default -> walk.planForum(key, province.code());
      }
    }
    int three = dashboardStatements(twelve.subList(0, 3));
    int all = dashboardStatements(twelve);
    assertThat(all).as("statements over 12 provinces' rows against 3").isEqualTo(three);
  }

  /**
   * The statements of the dashboard over these provinces as the manager sees it, less those of the
   * ledgers of its rows; the view is read once before, so the engine's caches are warm.
   */
  private int dashboardStatements(List<Province> some) {
    ProgrammeDashboard dashboard = new ProgrammeDashboard(engine, new ProvinceReferenceData(some));
    var identity = engine.getIdentityService();
    identity.setAuthentication(
        "manager",
        identity.createGroupQuery().groupMember("manager").list().stream()
            .map(g -> g.getId())
            .toList());
    try {
      dashboard.view(Instant.now());
      var view = StatementCounter.record(() -> dashboard.view(Instant.now()));
      assertThat(view.result().provinces()).hasSize(some.size());
      var ledgerReads =
          StatementCounter.record(
              () ->
                  new Ledgers(engine)
                      .ofPipelines(
                          view.result().provinces().stream()
                              .map(ProgrammeDashboard.Row::processInstanceId)
                              .toList()));
      System.out.printf(
          "dashboard over %d provinces: %d statements, %d of them the ledgers'%n",
          some.size(), view.statements().size(), ledgerReads.statements().size());
      return view.statements().size() - ledgerReads.statements().size();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void theDashboardIsForManagersAuditorsAndAdministrators() throws Exception {
    for (String user : List.of("manager", "auditor", "admin")) {
      dashboard(user);
    }
    for (String user : List.of("codi", "thaihealth", "nakhonsawan")) {
      ResponseEntity<String> refused =
          http.withBasicAuth(user, user)
              .getForEntity("/engine-rest/programme/dashboard", String.class);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody())
          .contains("ไม่มีสิทธิ์")
          .contains("may not open the programme dashboard");
    }
  }

  private String member(String group) {
    String id = "m" + group.replace("-", "");
    if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      var user = engine.getIdentityService().newUser(id);
      user.setPassword(id);
      engine.getIdentityService().saveUser(user);
      engine.getIdentityService().createMembership(id, group);
    }
    return id;
  }

  /**
   * Every row's money and indicators are its pipeline's ledger's, read here through {@link Ledgers}
   * on its own; the programme's totals are the rows' sums.
   */
  @Test
  void theMoneyAndIndicatorFiguresAreTheLedgers() throws Exception {
    Walkthrough saraburi = new Walkthrough(act, code -> "saraburi", t -> {});
    String key = saraburi.start("TH-19", 2583, 1);
    saraburi.forumStage(key, "TH-19");
    saraburi.planVisit(key);
    saraburi.decideBudget(key, "approve-reduced", 90000L);

    JsonNode view = dashboard("manager");
    Map<String, BigDecimal> approved = Ledgers.noMoney();
    Map<String, BigDecimal> spent = Ledgers.noMoney();
    int indicators = 0;
    int onTarget = 0;
    boolean someMoney = false;
    for (JsonNode row : view.get("provinces")) {
      PipelineLedger ledger = ledgers.ofPipeline(row.get("processInstanceId").asText());
      Map<String, BigDecimal> ledgerApproved = Ledgers.bySource(ledger.approved());
      Map<String, BigDecimal> ledgerSpent = Ledgers.bySource(ledger.spent());
      for (String source : Ledgers.sources()) {
        BigDecimal a = row.get("approvedBySource").get(source).decimalValue();
        BigDecimal s = row.get("spentBySource").get(source).decimalValue();
        assertThat(a)
            .as(row.get("provinceCode") + " approved " + source)
            .isEqualByComparingTo(ledgerApproved.get(source));
        assertThat(s)
            .as(row.get("provinceCode") + " spent " + source)
            .isEqualByComparingTo(ledgerSpent.get(source));
        approved.merge(source, a, BigDecimal::add);
        spent.merge(source, s, BigDecimal::add);
        someMoney |= a.signum() > 0;
      }
      assertThat(row.get("indicatorsTotal").asInt()).isEqualTo(ledger.indicators().size());
      assertThat(row.get("indicatorsOnTarget").asInt())
          .isEqualTo((int) ledger.indicators().stream().filter(i -> i.onTarget()).count());
      indicators += row.get("indicatorsTotal").asInt();
      onTarget += row.get("indicatorsOnTarget").asInt();
    }
    assertThat(someMoney).as("a row with approved money").isTrue();
    for (String source : Ledgers.sources()) {
      assertThat(view.get("approvedBySource").get(source).decimalValue())
          .isEqualByComparingTo(approved.get(source));
      assertThat(view.get("spentBySource").get(source).decimalValue())
          .isEqualByComparingTo(spent.get(source));
    }
    assertThat(view.get("indicatorsTotal").asInt()).isEqualTo(indicators);
    assertThat(view.get("indicatorsOnTarget").asInt()).isEqualTo(onTarget);
    // Saraburi's row, if this pipeline is the one it shows: 25,000 CODI and 90,000 ThaiHealth
    JsonNode saraburiRow = row(view, "TH-19");
    if (saraburiRow.get("businessKey").asText().equals(key)) {
      assertThat(saraburiRow.at("/approvedBySource/codi").decimalValue())
          .isEqualByComparingTo("25000");
      assertThat(saraburiRow.at("/approvedBySource/thaihealth").decimalValue())
          .isEqualByComparingTo("90000");
      assertThat(saraburiRow.at("/spentBySource/codi").decimalValue())
          .isEqualByComparingTo("23850.50");
    }
  }

  @Test
  void theWordsThePluginShowsAreTheJavaCodesOwn() throws Exception {
    ResponseEntity<String> response =
        http.withBasicAuth("manager", "manager")
            .getForEntity("/engine-rest/programme/labels", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode labels = JSON.readTree(response.getBody());
    List<String> parties = new ArrayList<>();
    labels
        .get("parties")
        .forEach(
            p ->
                parties.add(
                    p.get("key").asText()
                        + "="
                        + p.get("th").asText()
                        + "/"
                        + p.get("en").asText()));
    assertThat(parties)
        .containsExactly(
            java.util.Arrays.stream(Party.values())
                .map(p -> p.key() + "=" + p.th() + "/" + p.en())
                .toArray(String[]::new));
    List<String> stages = new ArrayList<>();
    labels
        .get("stages")
        .forEach(s -> stages.add(s.get("key").asText() + "=" + s.get("label").asText()));
    assertThat(stages)
        .containsExactly(
            java.util.Arrays.stream(Stage.values())
                .map(s -> s.key() + "=" + s.label())
                .toArray(String[]::new));
    for (MonthlyStatus status : MonthlyStatus.values()) {
      JsonNode entry = labels.get("monthlyStatuses").get(status.key());
      assertThat(entry.get("th").asText()).isEqualTo(status.th());
      assertThat(entry.get("en").asText()).isEqualTo(status.en());
      assertThat(entry.get("level").asText()).isEqualTo(status.level());
    }
    for (Outcome outcome : Outcome.values()) {
      assertThat(labels.get("outcomes").get(outcome.key()).get("th").asText())
          .isEqualTo(outcome.th());
    }
    assertThat(labels.get("states").fieldNames())
        .toIterable()
        .containsExactly("running", "completed", "cancelled");
    for (PipelineState state : PipelineState.values()) {
      assertThat(labels.get("states").get(state.key()).get("label").asText())
          .isEqualTo(state.label());
    }
    // one shape for every word: key, Thai, English, and the two as the pages show them
    List<JsonNode> entries = new ArrayList<>();
    labels.get("parties").forEach(entries::add);
    labels.get("stages").forEach(entries::add);
    for (String map : List.of("monthlyStatuses", "outcomes", "states")) {
      labels.get(map).forEach(entries::add);
    }
    assertThat(entries)
        .hasSize(
            Party.values().length
                + Stage.values().length
                + MonthlyStatus.values().length
                + Outcome.values().length
                + PipelineState.values().length);
    for (JsonNode entry : entries) {
      assertThat(entry.get("label").asText())
          .as(entry.toString())
          .isEqualTo(entry.get("th").asText() + " / " + entry.get("en").asText());
      assertThat(entry.get("key").asText()).isNotBlank();
    }
    assertThat(
            http.withBasicAuth("codi", "codi")
                .getForEntity("/engine-rest/programme/labels", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
