package th.or.codi.programme.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import th.or.codi.programme.TestDatabase;
import th.or.codi.programme.cluster.ClusterNode;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.processes.ProgrammeProcesses;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * The benchmark of {@code bench/run.sh} (not part of the tests: its name matches no test pattern
 * and it only runs with {@code -Dbench=true}). Its Spring context is the application as it runs
 * (demo profile), without the process-test-coverage listener the tests add to theirs. Runs once on
 * a file-based H2 and once on PostgreSQL, writes {@code bench/results/<database>.json} and {@code
 * .md}. Sizes come from system properties (see bench/README.md).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1",
      "camunda.bpm.job-execution.enabled=false",
      "programme.demo.data=false"
    })
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false)
@ContextConfiguration(initializers = TestDatabase.class)
class ProgrammeBenchmark {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired ProvinceReferenceData provinces;
  @LocalServerPort int port;

  private final Map<String, Object> results = new LinkedHashMap<>();
  private final List<String> markdown = new ArrayList<>();
  private final AtomicInteger keys = new AtomicInteger();

  /**
   * A list of sizes: {@code bench.h2.openTasks} (or {@code .postgresql.}) before {@code
   * bench.openTasks}.
   */
  List<Integer> sizes(String property, String defaults) {
    String own = System.getProperty(property.replace("bench.", "bench." + database() + "."), "");
    List<Integer> out = new ArrayList<>();
    for (String s : (own.isBlank() ? System.getProperty(property, defaults) : own).split(",")) {
      if (!s.isBlank()) {
        out.add(Integer.parseInt(s.trim()));
      }
    }
    return out;
  }

  String database() {
    return TestDatabase.postgres() ? "postgresql" : "h2";
  }

  @Test
  void run() throws Exception {
    Assumptions.assumeTrue(
        Boolean.getBoolean("bench"), "the benchmark runs only from bench/run.sh (-Dbench=true)");
    results.put("database", database());
    results.put("started", Instant.now().toString());
    results.put("machine", Machine.describe(engine));
    markdown.add("# Benchmark on " + database() + "\n");
    markdown.add(Machine.markdown(engine));

    phase("engine overhead", this::overhead);
    phase("REST under load", this::restUnderLoad);
    phase("audit trail and dashboard", this::auditAndDashboard);
    phase("start-up", this::startup);

    results.put("finished", Instant.now().toString());
    Path dir = Path.of(System.getProperty("bench.results", "bench/results"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(database() + ".json"), JSON.writeValueAsString(results));
    Files.writeString(dir.resolve(database() + ".md"), String.join("\n", markdown) + "\n");
  }

  interface Phase {
    void run() throws Exception;
  }

  /** Runs one part of the benchmark and says on the console how long it took. */
  void phase(String name, Phase phase) throws Exception {
    String only = System.getProperty("bench.phases", "");
    if (!only.isBlank() && !List.of(only.split(",")).contains(name.split(" ")[0])) {
      progress(name + ": skipped (bench.phases=" + only + ")");
      return;
    }
    long t0 = System.nanoTime();
    progress(name + ": started");
    phase.run();
    progress(name + ": done in %.0f s".formatted((System.nanoTime() - t0) / 1e9));
  }

  void progress(String message) {
    System.out.println(
        "[bench " + database() + " " + java.time.LocalTime.now().withNano(0) + "] " + message);
  }

  // ------------------------------------------------------------------ engine overhead

  /** The keys of the pipelines this run starts: province, fiscal year and wave all vary. */
  String nextPipeline(Walkthrough walk) {
    int i = keys.getAndIncrement();
    List<Province> list = provinces.provinces().stream().filter(Province::inProgramme).toList();
    Province province = list.get(i % list.size());
    int year = 2560 + (i / list.size()) % 41;
    int wave = 1 + (i / (list.size() * 41)) % 20;
    return walk.start(province.code(), year, wave) + "|" + province.code();
  }

  private void overhead() throws Exception {
    AtomicInteger completions = new AtomicInteger();
    AtomicInteger timers = new AtomicInteger();
    List<Map<String, Object>> submitted = new ArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean recording =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    PersonActions counting =
        new PersonActions(engine) {
          @Override
          public void complete(String user, Task task, Map<String, Object> values) {
            super.complete(user, task, values);
            completions.incrementAndGet();
            if (recording.get()) {
              submitted.add(values);
            }
          }

          @Override
          public void fireTimer(String businessKey, String activityId) {
            super.fireTimer(businessKey, activityId);
            timers.incrementAndGet();
          }
        };
    Walkthrough walk = new Walkthrough(counting, code -> member(code), t -> {});
    // warm-up: the first pipelines load classes and caches
    for (int i = 0; i < 5; i++) {
      fullPipeline(walk);
    }
    recording.set(false);
    int tasksPerPipeline = completions.get() / 5;
    values = List.copyOf(submitted.subList(0, tasksPerPipeline));
    int timersPerPipeline = timers.get() / 5;
    ProcessEngine baseline = baselineEngine();
    try {
      deployBaseline(baseline, tasksPerPipeline, timersPerPipeline);
      for (int i = 0; i < 5; i++) {
        baselineInstance(baseline, tasksPerPipeline);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      markdown.add("## Engine overhead\n");
      markdown.add(
          "N provincial pipelines driven to completion through the Java API (all five stages, "
              + tasksPerPipeline
              + " user tasks and "
              + timersPerPipeline
              + " timers each, forms validated, listeners) "
              + "against a baseline process with the same user tasks and timers and none of the programme's listeners, "
              + "validation or forms, on a plain engine of the same Camunda version on the same kind of database "
              + "(history level full, authorization on). Both are driven alike: tasks and timers found by business "
              + "key, each task claimed and completed as a user, with the same values (the baseline's task i gets "
              + "what the pipeline's task i was submitted with). The difference is what the programme adds: its "
              + "listeners, form validation, deadlines, called processes, gateways and the decision table.\n");
      markdown.add(
          "| N | programme (s) | baseline (s) | ratio | programme ms/pipeline | baseline ms/instance |");
      markdown.add("|---|---|---|---|---|---|");
      javax.sql.DataSource baselineData = dataSource(baseline);
      List<String> writeTables = new ArrayList<>();
      for (int n : sizes("bench.overhead", "100")) {
        var before = TestDatabase.postgres() ? TableWrites.snapshot(dataSource(engine)) : null;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          fullPipeline(walk);
        }
        double programme = (System.nanoTime() - t0) / 1e9;
        var programmeWrites =
            TestDatabase.postgres()
                ? TableWrites.perInstance(before, TableWrites.snapshot(dataSource(engine)), n)
                : null;
        progress(n + " pipelines in %.0f s".formatted(programme));
        var baseBefore = TestDatabase.postgres() ? TableWrites.snapshot(baselineData) : null;
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          baselineInstance(baseline, tasksPerPipeline);
        }
        double base = (System.nanoTime() - t1) / 1e9;
        if (TestDatabase.postgres()) {
          var baselineWrites =
              TableWrites.perInstance(baseBefore, TableWrites.snapshot(baselineData), n);
          writeTables.add(
              "\nRows written per instance at N = " + n + " (PostgreSQL's table statistics):\n");
          writeTables.addAll(TableWrites.markdown(programmeWrites, baselineWrites));
          results.put(
              "writesPerInstance" + n,
              Map.of(
                  "programme",
                  programmeWrites,
                  "baseline",
                  baselineWrites,
                  "programmeTotal",
                  round(TableWrites.engineTotal(programmeWrites)),
                  "baselineTotal",
                  round(TableWrites.engineTotal(baselineWrites))));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("n", n);
        row.put("programmeSeconds", round(programme));
        row.put("baselineSeconds", round(base));
        row.put("ratio", round(programme / base));
        row.put("tasksPerInstance", tasksPerPipeline);
        row.put("timersPerInstance", timersPerPipeline);
        rows.add(row);
        markdown.add(
            "| %d | %.2f | %.2f | **%.2f** | %.1f | %.1f |"
                .formatted(
                    n, programme, base, programme / base, programme * 1000 / n, base * 1000 / n));
      }
      results.put("overhead", rows);
      markdown.add("\nTarget: ratio ≤ 1.15.");
      markdown.addAll(writeTables);
      markdown.add("");
    } finally {
      baseline.close();
    }
  }

  private void fullPipeline(Walkthrough walk) {
    String[] started = nextPipeline(walk).split("\\|");
    String key = started[0];
    String province = started[1];
    walk.forumStage(key, province);
    walk.visitStage(key, province);
    walk.designStage(key, province);
    walk.monthlyReport(key, province, "on-track");
    walk.completePlan(key, province);
    walk.evaluate(key, "expand");
  }

  private final Map<String, String> members = new java.util.concurrent.ConcurrentHashMap<>();

  private String member(String provinceCode) {
    return members.computeIfAbsent(
        provinceCode,
        code -> {
          String group = provinces.requireByCode(code).communityGroupId();
          String joint = provinces.requireByCode(code).jointGroupId();
          String id = "bench" + group.replace("-", "");
          if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
            var user = engine.getIdentityService().newUser(id);
            user.setPassword(id);
            engine.getIdentityService().saveUser(user);
            engine.getIdentityService().createMembership(id, group);
            engine.getIdentityService().createMembership(id, joint);
          }
          return id;
        });
  }

  /**
   * The values the first pipeline's tasks were submitted with, task by task; the baseline's tasks
   * get the same.
   */
  private List<Map<String, Object>> values = List.of();

  private ProcessEngine baselineEngine() {
    StandaloneProcessEngineConfiguration c = new StandaloneProcessEngineConfiguration();
    c.setProcessEngineName("baseline");
    if (TestDatabase.postgres()) {
      c.setJdbcUrl(TestDatabase.newDatabase("baseline"));
      c.setJdbcUsername("postgres");
      c.setJdbcPassword("postgres");
      c.setJdbcDriver("org.postgresql.Driver");
    } else {
      c.setJdbcUrl(TestDatabase.h2FileUrl("baseline"));
      c.setJdbcUsername("sa");
      c.setJdbcPassword("");
      c.setJdbcDriver("org.h2.Driver");
    }
    c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    c.setJobExecutorActivate(false);
    c.setAuthorizationEnabled(true);
    c.setDefaultUserPermissionNameForTask("TASK_WORK");
    c.setMetricsEnabled(false);
    // the same variable formats as the application (Json values from checklists and tag lists)
    c.getProcessEnginePlugins().add(new org.camunda.spin.plugin.impl.SpinProcessEnginePlugin());
    return c.buildProcessEngine();
  }

  private void deployBaseline(ProcessEngine baseline, int tasks, int timers) {
    AbstractFlowNodeBuilder<?, ?> flow =
        Bpmn.createExecutableProcess("baseline").camundaHistoryTimeToLive(1).startEvent();
    int timersLeft = timers;
    for (int i = 0; i < tasks; i++) {
      flow = flow.userTask("Task" + i).camundaCandidateGroups("group" + (i % 3));
      if (timersLeft > 0 && i % Math.max(1, tasks / Math.max(1, timers)) == 0) {
        flow = flow.intermediateCatchEvent("Timer" + i).timerWithDuration("P1D");
        timersLeft--;
      }
    }
    baseline
        .getRepositoryService()
        .createDeployment()
        .addModelInstance("baseline.bpmn", flow.endEvent().done())
        .deploy();
  }

  /**
   * One baseline instance, driven the way the walkthrough drives a pipeline: tasks and timers
   * looked up by business key, each task claimed and completed as a user with the values the
   * pipeline's task of the same position was submitted with (so both write the same variables).
   */
  private void baselineInstance(ProcessEngine baseline, int tasks) {
    String key = "BASE-" + keys.getAndIncrement();
    baseline
        .getRuntimeService()
        .startProcessInstanceByKey(
            "baseline",
            key,
            Map.of(
                "provinceCode",
                "TH-60",
                "fiscalYear",
                2560L,
                "wave",
                1L,
                "programmeName",
                "โครงการทดสอบ"));
    for (int done = 0; done < tasks; done++) {
      String id =
          baseline
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(key)
              .singleResult()
              .getId();
      for (Job timer :
          baseline.getManagementService().createJobQuery().processInstanceId(id).timers().list()) {
        baseline.getManagementService().executeJob(timer.getId());
      }
      Task task =
          baseline
              .getTaskService()
              .createTaskQuery()
              .processInstanceBusinessKey(key)
              .singleResult();
      baseline
          .getIdentityService()
          .setAuthentication("user", List.of("group0", "group1", "group2"));
      try {
        baseline.getTaskService().claim(task.getId(), "user");
        baseline
            .getTaskService()
            .complete(task.getId(), values.isEmpty() ? Map.of() : values.get(done % values.size()));
      } finally {
        baseline.getIdentityService().clearAuthentication();
      }
    }
  }

  // ------------------------------------------------------------------ REST under load

  private void restUnderLoad() throws Exception {
    List<Integer> userCounts = sizes("bench.users", "1,8");
    int rounds = sizes("bench.rounds", "25").get(0);
    List<String> groups =
        provinces.provinces().stream()
            .filter(Province::inProgramme)
            .map(Province::communityGroupId)
            .toList();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "benchLoad.bpmn",
            Bpmn.createExecutableProcess("benchLoad")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Activity_Load")
                .name("งานทดสอบ / load")
                .camundaCandidateGroups("${group}")
                .endEvent()
                .done())
        .deploy();
    markdown.add("## REST under load, authorization on\n");
    markdown.add(
        "K concurrent users (each a member of one province's movement, "
            + "which sees only its own tasks), each "
            + rounds
            + " times: list its group's tasks "
            + "(`GET /engine-rest/task?candidateGroup=…&maxResults=15`) and complete the first "
            + "(`POST /engine-rest/task/{id}/complete`). Open tasks spread over "
            + groups.size()
            + " groups.\n");
    markdown.add(
        "| open tasks | K users | requests | errors | throughput (req/s) | list p50 / p95 / p99 (ms) | complete p50 / p95 / p99 (ms) |");
    markdown.add("|---|---|---|---|---|---|---|");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int target : sizes("bench.openTasks", "1000,10000")) {
      openLoadTasks(target, groups);
      // fresh planner statistics, as autovacuum gives a production database soon after such a load
      HistoryCopies.analyze(dataSource(engine));
      progress(target + " open tasks ready");
      if (!warm) {
        warmUp(groups);
        warm = true;
      }
      for (int users : userCounts) {
        openLoadTasks(target, groups); // again what the warm-up or the round before completed
        ConcurrentLinkedQueue<Long> lists = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> completes = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        CountDownLatch done = new CountDownLatch(users);
        long t0 = System.nanoTime();
        for (int u = 0; u < users; u++) {
          String group = groups.get(u % groups.size());
          String auth = memberOf(group);
          new Thread(
                  () -> {
                    try {
                      for (int r = 0; r < rounds; r++) {
                        long a = System.nanoTime();
                        HttpResponse<String> list = listTasks(http, group, auth);
                        lists.add(System.nanoTime() - a);
                        List<String> ids = taskIds(list);
                        if (list.statusCode() != 200 || ids.isEmpty()) {
                          errors.incrementAndGet();
                          continue;
                        }
                        String id = ids.get((int) (Math.random() * ids.size()));
                        long b = System.nanoTime();
                        HttpResponse<String> complete = completeTask(http, id, auth);
                        completes.add(System.nanoTime() - b);
                        if (complete.statusCode() / 100 != 2 && complete.statusCode() != 409) {
                          errors.incrementAndGet();
                        }
                      }
                    } catch (Exception e) {
                      errors.incrementAndGet();
                    } finally {
                      done.countDown();
                    }
                  })
              .start();
        }
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        int requests = lists.size() + completes.size();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("openTasks", target);
        row.put("users", users);
        row.put("requests", requests);
        row.put("errors", errors.get());
        row.put("throughputPerSecond", round(requests / seconds));
        row.put("listMillis", percentiles(lists));
        row.put("completeMillis", percentiles(completes));
        rows.add(row);
        markdown.add(
            "| %d | %d | %d | %d | %.0f | %s | %s |"
                .formatted(
                    target,
                    users,
                    requests,
                    errors.get(),
                    requests / seconds,
                    format(percentiles(lists)),
                    format(percentiles(completes))));
      }
    }
    results.put("rest", rows);
    markdown.add("\nTarget: task-list p95 ≤ 50 ms at 100,000 open tasks on PostgreSQL.\n");
  }

  private boolean warm;

  /**
   * Before the first measurement: 300 task lists and 30 completions, not measured, so the figures
   * are of a server whose REST, security and query code the JIT has compiled (the first requests of
   * a fresh JVM take several times as long).
   */
  private void warmUp(List<String> groups) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String group = groups.get(0);
    String auth = memberOf(group);
    for (int i = 0; i < 300; i++) {
      List<String> ids = taskIds(listTasks(http, group, auth));
      if (i % 10 == 0 && !ids.isEmpty()) {
        completeTask(http, ids.get(0), auth);
      }
    }
    progress("REST warmed up");
  }

  /**
   * Starts instances of the one-task load process until {@code target} tasks are open, from 4
   * threads (one transaction each, as one start from Tasklist), each group its equal share.
   */
  private void openLoadTasks(int target, List<String> groups) throws InterruptedException {
    var starters = java.util.concurrent.Executors.newFixedThreadPool(4);
    AtomicInteger started = new AtomicInteger();
    for (int g = 0; g < groups.size(); g++) {
      String group = groups.get(g);
      // each group its share of the target, however many of its tasks earlier rounds completed
      int share = target / groups.size() + (g < target % groups.size() ? 1 : 0);
      long open =
          engine
              .getTaskService()
              .createTaskQuery()
              .processDefinitionKey("benchLoad")
              .taskCandidateGroup(group)
              .count();
      for (long i = open; i < share; i++) {
        starters.submit(
            () -> {
              engine
                  .getRuntimeService()
                  .startProcessInstanceByKey("benchLoad", Map.of("group", group));
              if (started.incrementAndGet() % 10000 == 0) {
                progress(started.get() + " tasks opened");
              }
            });
      }
    }
    starters.shutdown();
    assertThat(starters.awaitTermination(2, java.util.concurrent.TimeUnit.HOURS)).isTrue();
    assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("benchLoad").count())
        .as("open tasks")
        .isEqualTo(target);
  }

  /** HTTP Basic credentials of the benchmark's member of the province movement with this group. */
  private String memberOf(String group) {
    String user =
        member(
            provinces.provinces().stream()
                .filter(p -> p.communityGroupId().equals(group))
                .findFirst()
                .orElseThrow()
                .code());
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> listTasks(HttpClient http, String group, String auth)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/engine-rest/task?candidateGroup="
                        + group
                        + "&processDefinitionKey=benchLoad&maxResults=15"
                        + "&sortBy=created&sortOrder=asc"))
            .header("Authorization", auth)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static final Pattern TASK_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private static List<String> taskIds(HttpResponse<String> list) {
    List<String> ids = new ArrayList<>();
    Matcher m = TASK_ID.matcher(list.body());
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private HttpResponse<String> completeTask(HttpClient http, String id, String auth)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + id + "/complete"))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The engine's database (the application's or the baseline's). */
  static javax.sql.DataSource dataSource(ProcessEngine engine) {
    return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration())
        .getDataSource();
  }

  // ------------------------------------------------------------------ audit trail and dashboard

  private void auditAndDashboard() throws Exception {
    Walkthrough walk = new Walkthrough(act, this::member, t -> {});
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String auditor =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8));
    int seeds = sizes("bench.seedPipelines", "200").get(0);
    markdown.add("## Audit trail and dashboard\n");
    markdown.add(
        "Historic pipelines that ended at the understanding forum (the province withdrew: 4 tasks, "
            + "a timer). "
            + seeds
            + " of them are driven through the engine; the rest are copies of their history "
            + "made in SQL with new ids and business keys (`bench/HistoryCopies`), so the history tables and their "
            + "indexes hold the rows of the number of pipelines shown. The audit trail of one pipeline "
            + "(a different, randomly chosen one each call) and the dashboard over all, as the auditor, 30 calls each; "
            + "the database's statistics refreshed (`ANALYZE`) after the load.\n");
    markdown.add(
        "| historic pipelines | audit trail p50 / p95 / p99 (ms) | dashboard p50 / p95 / p99 (ms) |");
    markdown.add("|---|---|---|");
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> roots = new ArrayList<>();
    int copies = 0;
    for (int target : sizes("bench.historic", "1000")) {
      while (roots.size() < Math.min(target, seeds)) {
        String[] started = nextPipeline(walk).split("\\|");
        walk.planForum(started[0], started[1]);
        walk.reviewForum(started[0], "approve", "approve");
        act.fireTimer(started[0], "Event_ForumDay");
        walk.reportForum(started[0], started[1], "withdraw");
        roots.add(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(started[0])
                .processDefinitionKey(ProgrammeProcesses.PIPELINE)
                .singleResult()
                .getId());
        if (roots.size() % 50 == 0) {
          progress(roots.size() + " historic pipelines driven through the engine");
        }
      }
      int needed = (target - roots.size() + roots.size() - 1) / roots.size();
      if (copies < needed) {
        int first = copies + 1;
        long written =
            HistoryCopies.copy(
                dataSource(engine),
                TestDatabase.postgres(),
                roots,
                first,
                needed,
                Math.max(1, 5000 / roots.size()),
                pipelines -> progress(pipelines + " historic pipelines"));
        copies = needed;
        progress(written + " history rows copied, indexes rebuilt");
      }
      HistoryCopies.analyze(dataSource(engine));
      long historic =
          engine
              .getHistoryService()
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(ProgrammeProcesses.PIPELINE)
              .count();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String root = roots.get((int) (Math.random() * roots.size()));
        int k = (int) (Math.random() * (copies + 1));
        ids.add(k == 0 ? root : HistoryCopies.id(k, root));
      }
      ConcurrentLinkedQueue<Long> trails = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Long> dashboards = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < 30; i++) {
        String id = ids.get(i);
        long a = System.nanoTime();
        HttpResponse<String> trail =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + port
                                + "/engine-rest/programme/audit-trail/"
                                + id))
                    .header("Authorization", auditor)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        trails.add(System.nanoTime() - a);
        assertThat(trail.statusCode()).isEqualTo(200);
        long b = System.nanoTime();
        HttpResponse<String> dashboard =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/engine-rest/programme/dashboard"))
                    .header("Authorization", auditor)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        dashboards.add(System.nanoTime() - b);
        assertThat(dashboard.statusCode()).isEqualTo(200);
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("historicPipelines", historic);
      row.put("drivenThroughEngine", roots.size());
      row.put("auditTrailMillis", percentiles(trails));
      row.put("dashboardMillis", percentiles(dashboards));
      rows.add(row);
      markdown.add(
          "| %d | %s | %s |"
              .formatted(historic, format(percentiles(trails)), format(percentiles(dashboards))));
    }
    results.put("auditAndDashboard", rows);
    markdown.add("\nTarget: audit trail of one pipeline ≤ 100 ms at 100,000 historic pipelines.\n");
  }

  // ------------------------------------------------------------------ start-up

  private void startup() throws Exception {
    Map<String, String> env =
        TestDatabase.postgres()
            ? Map.of(
                "PROGRAMME_DB_URL",
                TestDatabase.newDatabase("startup"),
                "PROGRAMME_DB_USER",
                "postgres",
                "PROGRAMME_DB_PASSWORD",
                "postgres")
            : Map.of();
    String profiles = TestDatabase.postgres() ? "demo,postgres" : "demo";
    Map<String, Object> row = new LinkedHashMap<>();
    markdown.add("## Start-up\n");
    markdown.add(
        "The packaged jar (`java -Xmx512m -jar`, demo profile, demo users, no demo data), until "
            + "`/actuator/health` answers; heap in use read from `/actuator/prometheus` right after.\n");
    markdown.add("| start | seconds to healthy | heap in use (MiB) |");
    markdown.add("|---|---|---|");
    for (String start : List.of("empty database", "restart on the same database")) {
      try (ClusterNode node = ClusterNode.launch("bench-" + database(), profiles, env, Map.of())) {
        HttpResponse<String> metrics =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(node.url("/actuator/prometheus")))
                        .header(
                            "Authorization",
                            "Basic "
                                + Base64.getEncoder()
                                    .encodeToString(
                                        "monitor:monitor".getBytes(StandardCharsets.UTF_8)))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        double heap = 0;
        Matcher m =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$")
                .matcher(metrics.body());
        while (m.find()) {
          heap += Double.parseDouble(m.group(1));
        }
        row.put(
            start,
            Map.of(
                "seconds", round(node.startupMillis() / 1000.0), "heapMiB", round(heap / 1048576)));
        markdown.add(
            "| %s | %.1f | %.0f |".formatted(start, node.startupMillis() / 1000.0, heap / 1048576));
      }
    }
    results.put("startup", row);
  }

  // ------------------------------------------------------------------ helpers

  static Map<String, Double> percentiles(java.util.Collection<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    Map<String, Double> out = new LinkedHashMap<>();
    for (int p : new int[] {50, 95, 99}) {
      out.put(
          "p" + p,
          sorted.isEmpty()
              ? 0
              : round(
                  sorted.get(
                          Math.min(
                              sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1))
                      / 1e6));
    }
    return out;
  }

  static String format(Map<String, Double> p) {
    return "%.1f / %.1f / %.1f".formatted(p.get("p50"), p.get("p95"), p.get("p99"));
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** What machine and software the figures come from. */
  static final class Machine {
    static Map<String, Object> describe(ProcessEngine engine) throws IOException {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cpus", Runtime.getRuntime().availableProcessors());
      m.put(
          "cpuModel",
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse("?"));
      m.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
      m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
      m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
      m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / 1048576);
      m.put(
          "camunda",
          org.camunda.bpm.engine.ProcessEngine.class.getPackage().getImplementationVersion());
      try (var c = dataSource(engine).getConnection()) {
        m.put(
            "database",
            c.getMetaData().getDatabaseProductName()
                + " "
                + c.getMetaData().getDatabaseProductVersion());
      } catch (java.sql.SQLException e) {
        m.put("database", "?");
      }
      m.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
      return m;
    }

    static String markdown(ProcessEngine engine) throws IOException {
      Map<String, Object> m = describe(engine);
      StringBuilder out = new StringBuilder("Machine: ");
      out.append(m.get("cpus"))
          .append(" CPUs (")
          .append(m.get("cpuModel"))
          .append("), ")
          .append(m.get("memory"))
          .append(", ")
          .append(m.get("os"))
          .append("; ")
          .append(m.get("java"))
          .append(" (max heap ")
          .append(m.get("maxHeapMiB"))
          .append(" MiB); Camunda ")
          .append(m.get("camunda"))
          .append("; ")
          .append(m.get("database"))
          .append(". The application, the database and the load generator share the machine.\n");
      return out.toString();
    }
  }
}
