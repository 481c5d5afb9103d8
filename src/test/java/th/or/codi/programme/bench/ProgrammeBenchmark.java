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
    Path dir = Path.of(System.getProperty("bench.results", "bench/results"));
    Path json = dir.resolve(database() + ".json");
    // a rerun of some phases keeps the other phases' figures of the file, each with its date
    Map<String, Object> phases = new LinkedHashMap<>();
    if (!System.getProperty("bench.phases", "").isBlank() && Files.isRegularFile(json)) {
      Object earlier = JSON.readValue(json.toFile(), Map.class).get("phases");
      if (earlier instanceof Map<?, ?> map) {
        map.forEach((k, v) -> phases.put(k.toString(), v));
      }
    }
    phase("engine overhead", this::overhead, phases);
    phase("REST under load", this::restUnderLoad, phases);
    phase("audit trail and dashboard", this::auditAndDashboard, phases);
    phase("start-up", this::startup, phases);

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("database", database());
    out.put("machine", Machine.describe(engine));
    out.put("phases", phases);
    List<String> md = new ArrayList<>();
    md.add("# Benchmark on " + database() + "\n");
    md.add(Machine.markdown(engine));
    for (String name : PHASES) {
      if (phases.get(name) instanceof Map<?, ?> phase) {
        List<?> lines = (List<?>) phase.get("markdown");
        md.add(lines.get(0).toString());
        md.add("_Run " + phase.get("started") + " – " + phase.get("finished") + "._\n");
        lines.stream().skip(1).forEach(line -> md.add(line.toString()));
      }
    }
    Files.createDirectories(dir);
    Files.writeString(json, JSON.writeValueAsString(out));
    Files.writeString(dir.resolve(database() + ".md"), String.join("\n", md) + "\n");
  }

  static final List<String> PHASES =
      List.of("engine overhead", "REST under load", "audit trail and dashboard", "start-up");

  interface Phase {
    void run() throws Exception;
  }

  /**
   * Runs one part of the benchmark (unless {@code bench.phases} names others: {@code engine},
   * {@code REST}, {@code audit}, {@code start-up}), says on the console how long it took, and keeps
   * its figures and its section of the report under its name.
   */
  void phase(String name, Phase phase, Map<String, Object> phases) throws Exception {
    String only = System.getProperty("bench.phases", "");
    if (!only.isBlank() && !List.of(only.split(",")).contains(name.split(" ")[0])) {
      progress(name + ": skipped (bench.phases=" + only + ")");
      return;
    }
    long t0 = System.nanoTime();
    String started = Instant.now().toString();
    progress(name + ": started");
    results.clear();
    markdown.clear();
    phase.run();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("started", started);
    figures.put("finished", Instant.now().toString());
    figures.put("results", new LinkedHashMap<>(results));
    figures.put("markdown", new ArrayList<>(markdown));
    phases.put(name, figures);
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
        var bytesBefore =
            TestDatabase.postgres() ? TableWrites.keptBytes(dataSource(engine)) : null;
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
        var programmeBytes =
            TestDatabase.postgres()
                ? TableWrites.bytesPerInstance(
                    bytesBefore, TableWrites.keptBytes(dataSource(engine)), n)
                : 0;
        var baseBefore = TestDatabase.postgres() ? TableWrites.snapshot(baselineData) : null;
        var baseBytesBefore = TestDatabase.postgres() ? TableWrites.keptBytes(baselineData) : null;
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
          double baselineBytes =
              TableWrites.bytesPerInstance(baseBytesBefore, TableWrites.keptBytes(baselineData), n);
          writeTables.add(
              ("\nWhat stays in the database per instance (history tables and byte arrays, with"
                      + " their indexes, after VACUUM): programme %.1f KiB per pipeline, baseline"
                      + " %.1f KiB per instance.\n")
                  .formatted(programmeBytes / 1024, baselineBytes / 1024));
          results.put(
              "keptBytesPerInstance" + n,
              Map.of("programme", round(programmeBytes), "baseline", round(baselineBytes)));
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
      markdown.add("\nTarget: ratio ≤ 1.3 at N = 1,000.");
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

  /**
   * Where a REST round goes: the application's port, the engine whose load tasks are topped up
   * before each round (the application's own, or the plain engine on the bare starter's database),
   * the candidate groups and each group's member's HTTP Basic credentials.
   */
  record Server(
      String name, int port, ProcessEngine engine, List<String> groups, Map<String, String> auth) {}

  private void restUnderLoad() throws Exception {
    List<Integer> userCounts = sizes("bench.users", "1,8");
    int rounds = sizes("bench.rounds", "25").get(0);
    List<Integer> targets = sizes("bench.openTasks", "1000,10000");
    List<String> groups =
        provinces.provinces().stream()
            .filter(Province::inProgramme)
            .map(Province::communityGroupId)
            .toList();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance("benchLoad.bpmn", loadProcess())
        .deploy();
    Map<String, String> auth = new LinkedHashMap<>();
    groups.forEach(group -> auth.put(group, memberOf(group)));
    Server programme = new Server("programme", port, engine, groups, auth);
    markdown.add("## REST under load, authorization on\n");
    markdown.add(
        "K concurrent users (each a member of one province's movement, "
            + "which sees only its own tasks), each "
            + rounds
            + " times: list its group's tasks "
            + "(`GET /engine-rest/task?candidateGroup=…&maxResults=15`) and complete one of them "
            + "(`POST /engine-rest/task/{id}/complete`). Open tasks spread over "
            + groups.size()
            + " groups, instances of a one-task process; before each round every group is topped "
            + "up to its share.\n");
    List<Map<String, Object>> rows = measureRest(programme, targets, userCounts, rounds);
    results.put("rest", rows);
    if (profileLines.containsKey("programme")) {
      markdown.add("");
      markdown.addAll(profileLines.get("programme"));
    }
    markdown.add(
        "\nTargets at 100,000 open tasks on PostgreSQL: task-list p95 ≤ 100 ms with 8 users, "
            + "completion p95 ≤ 30 ms with 1 user.\n");

    if (!Boolean.parseBoolean(System.getProperty("bench.bare", "true"))) {
      return;
    }
    List<Map<String, Object>> bare = new ArrayList<>();
    try (BareStarter server = BareStarter.launch(database(), groups)) {
      markdown.add("### The same load on the bare starter\n");
      markdown.add(
          "`bench/bare`: Spring Boot "
              + org.springframework.boot.SpringBootVersion.getVersion()
              + " with Camunda's webapp and REST starters, nothing of the programme, on a database of "
              + "its own on the same "
              + database()
              + " server, authorization on, HTTP Basic on `/engine-rest` "
              + "(the engine's own `ProcessEngineAuthenticationFilter`); the same one-task process, "
              + "groups of the same size, one member each. Run right after the programme's rounds, "
              + "on the same machine.\n");
      bare.addAll(measureRest(server.server(), targets, userCounts, rounds));
    }
    results.put("restBare", bare);
    if (profileLines.containsKey("bare")) {
      markdown.add(
          "\nThe bare starter's server is a JVM of its own; its profile is not taken here.\n");
    }
    results.put("cpuProfile", profiles);
    markdown.add("### Side by side\n");
    markdown.add(
        "| open tasks | K users | programme req/s | bare req/s | **programme ÷ bare** | list p95 programme / bare (ms) | complete p95 programme / bare (ms) |");
    markdown.add("|---|---|---|---|---|---|---|");
    List<Map<String, Object>> ratios = new ArrayList<>();
    for (int i = 0; i < rows.size() && i < bare.size(); i++) {
      Map<String, Object> a = rows.get(i);
      Map<String, Object> b = bare.get(i);
      double ratio = (double) a.get("throughputPerSecond") / (double) b.get("throughputPerSecond");
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("openTasks", a.get("openTasks"));
      r.put("users", a.get("users"));
      r.put("throughputRatio", round(ratio));
      ratios.add(r);
      markdown.add(
          "| %s | %s | %.0f | %.0f | **%.2f** | %.1f / %.1f | %.1f / %.1f |"
              .formatted(
                  a.get("openTasks"),
                  a.get("users"),
                  a.get("throughputPerSecond"),
                  b.get("throughputPerSecond"),
                  ratio,
                  p95(a, "listMillis"),
                  p95(b, "listMillis"),
                  p95(a, "completeMillis"),
                  p95(b, "completeMillis")));
    }
    results.put("restRatio", ratios);
    markdown.add(
        "\nTarget: programme ÷ bare ≥ 0.8 in requests per second, 8 users, 100,000 open tasks.\n");
  }

  private final Map<String, Object> profiles = new LinkedHashMap<>();
  private final Map<String, List<String>> profileLines = new LinkedHashMap<>();

  @SuppressWarnings("unchecked")
  private static double p95(Map<String, Object> row, String key) {
    return ((Map<String, Double>) row.get(key)).get("p95");
  }

  /** The load: one user task for the candidate group in the variable {@code group}. */
  static org.camunda.bpm.model.bpmn.BpmnModelInstance loadProcess() {
    return Bpmn.createExecutableProcess("benchLoad")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Activity_Load")
        .name("งานทดสอบ / load")
        .camundaCandidateGroups("${group}")
        .endEvent()
        .done();
  }

  /** Every size and number of users against one server: the rows of its table. */
  private List<Map<String, Object>> measureRest(
      Server server, List<Integer> targets, List<Integer> userCounts, int rounds) throws Exception {
    markdown.add(
        "| server | open tasks | K users | requests | errors | throughput (req/s) | list p50 / p95 / p99 (ms) | complete p50 / p95 / p99 (ms) |");
    markdown.add("|---|---|---|---|---|---|---|---|");
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean warm = false;
    for (int target : targets) {
      openLoadTasks(server, target);
      // fresh planner statistics, as autovacuum gives a production database soon after such a load
      HistoryCopies.analyze(dataSource(server.engine()));
      progress(server.name() + ": " + target + " open tasks ready");
      if (!warm) {
        warmUp(server);
        warm = true;
      }
      for (int users : userCounts) {
        openLoadTasks(server, target); // again what the warm-up or the round before completed
        boolean profiled =
            server.name().equals("programme")
                && target == targets.get(targets.size() - 1)
                && users == userCounts.get(userCounts.size() - 1)
                && !System.getProperty("bench.profile", "true").equals("false");
        Path recording =
            Path.of("target/bench-" + database() + "-" + server.name() + ".jfr").toAbsolutePath();
        long p0 = System.nanoTime();
        Map<String, Object> row =
            profiled
                ? CpuProfile.record(recording, () -> round(server, users, rounds))
                : round(server, users, rounds);
        row.put("openTasks", target);
        rows.add(row);
        if (profiled) {
          Map<String, Object> profile = CpuProfile.summary(recording);
          profiles.put(server.name(), profile);
          profileLines.put(
              server.name(),
              CpuProfile.markdown(profile, Duration.ofNanos(System.nanoTime() - p0)));
        }
        markdown.add(
            "| %s | %d | %d | %s | %s | %.0f | %s | %s |"
                .formatted(
                    server.name(),
                    target,
                    users,
                    row.get("requests"),
                    row.get("errors"),
                    row.get("throughputPerSecond"),
                    format(percentiles0(row, "listMillis")),
                    format(percentiles0(row, "completeMillis"))));
        progress(
            "%s: %d open tasks, %d users: %.0f requests/s"
                .formatted(server.name(), target, users, row.get("throughputPerSecond")));
      }
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Double> percentiles0(Map<String, Object> row, String key) {
    return (Map<String, Double>) row.get(key);
  }

  /** K users, each {@code rounds} times: list its group's tasks and complete one of them. */
  private Map<String, Object> round(Server server, int users, int rounds) throws Exception {
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
      String group = server.groups().get(u % server.groups().size());
      String auth = server.auth().get(group);
      new Thread(
              () -> {
                try {
                  for (int r = 0; r < rounds; r++) {
                    long a = System.nanoTime();
                    HttpResponse<String> list = listTasks(http, server.port(), group, auth);
                    lists.add(System.nanoTime() - a);
                    List<String> ids = taskIds(list);
                    if (list.statusCode() != 200 || ids.isEmpty()) {
                      errors.incrementAndGet();
                      continue;
                    }
                    String id = ids.get((int) (Math.random() * ids.size()));
                    long b = System.nanoTime();
                    HttpResponse<String> complete = completeTask(http, server.port(), id, auth);
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
    row.put("users", users);
    row.put("requests", requests);
    row.put("errors", errors.get());
    row.put("throughputPerSecond", round(requests / seconds));
    row.put("listMillis", percentiles(lists));
    row.put("completeMillis", percentiles(completes));
    return row;
  }

  /**
   * Before the first measurement on a server: 300 task lists and 30 completions, not measured, so
   * the figures are of a server whose REST, security and query code the JIT has compiled (the first
   * requests of a fresh JVM take several times as long).
   */
  private void warmUp(Server server) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String group = server.groups().get(0);
    String auth = server.auth().get(group);
    for (int i = 0; i < 300; i++) {
      List<String> ids = taskIds(listTasks(http, server.port(), group, auth));
      if (i % 10 == 0 && !ids.isEmpty()) {
        completeTask(http, server.port(), ids.get(0), auth);
      }
    }
    progress(server.name() + ": REST warmed up");
  }

  /**
   * Starts instances of the one-task load process until {@code target} tasks are open, from 4
   * threads (one transaction each, as one start from Tasklist), each group its equal share.
   */
  private void openLoadTasks(Server server, int target) throws InterruptedException {
    ProcessEngine on = server.engine();
    List<String> groups = server.groups();
    var starters = java.util.concurrent.Executors.newFixedThreadPool(4);
    AtomicInteger started = new AtomicInteger();
    for (int g = 0; g < groups.size(); g++) {
      String group = groups.get(g);
      // each group its share of the target, however many of its tasks earlier rounds completed
      int share = target / groups.size() + (g < target % groups.size() ? 1 : 0);
      long open =
          on.getTaskService()
              .createTaskQuery()
              .processDefinitionKey("benchLoad")
              .taskCandidateGroup(group)
              .count();
      for (long i = open; i < share; i++) {
        starters.submit(
            () -> {
              on.getRuntimeService().startProcessInstanceByKey("benchLoad", Map.of("group", group));
              if (started.incrementAndGet() % 10000 == 0) {
                progress(server.name() + ": " + started.get() + " tasks opened");
              }
            });
      }
    }
    starters.shutdown();
    assertThat(starters.awaitTermination(2, java.util.concurrent.TimeUnit.HOURS)).isTrue();
    assertThat(on.getTaskService().createTaskQuery().processDefinitionKey("benchLoad").count())
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
    return basic(user, user);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> listTasks(
      HttpClient http, int port, String group, String auth) throws Exception {
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

  private static HttpResponse<String> completeTask(
      HttpClient http, int port, String id, String auth) throws Exception {
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
    markdown.add(
        "\nTargets at 100,000 historic pipelines: audit trail of one pipeline p99 ≤ 100 ms, dashboard p95 ≤ 100 ms.\n");
  }

  // ------------------------------------------------------------------ start-up

  /** How one side is started: on which new database, as which jar. */
  interface Starter {
    ClusterNode start(String name, String database, Map<String, String> environment)
        throws Exception;

    /** A new, empty database for it (a JDBC URL, or an H2 folder for the programme). */
    String newDatabase() throws IOException;
  }

  private void startup() throws Exception {
    int repeats = sizes("bench.startupRepeats", "3").get(0);
    boolean postgres = TestDatabase.postgres();
    Starter programme =
        new Starter() {
          @Override
          public ClusterNode start(String name, String database, Map<String, String> environment)
              throws Exception {
            Map<String, String> env = new LinkedHashMap<>(environment);
            if (postgres) {
              env.put("PROGRAMME_DB_URL", database);
              env.put("PROGRAMME_DB_USER", "postgres");
              env.put("PROGRAMME_DB_PASSWORD", "postgres");
            } else {
              env.put("PROGRAMME_DATA_DIR", database);
            }
            return ClusterNode.launch(name, postgres ? "demo,postgres" : "demo", env, Map.of());
          }

          @Override
          public String newDatabase() throws IOException {
            if (postgres) {
              return TestDatabase.newDatabase("startup");
            }
            Files.createDirectories(Path.of("target/bench-h2"));
            return Files.createTempDirectory(Path.of("target/bench-h2"), "startup-")
                .toAbsolutePath()
                .toString();
          }
        };
    Starter bare =
        new Starter() {
          @Override
          public ClusterNode start(String name, String database, Map<String, String> environment)
              throws Exception {
            return BareStarter.start(name, database);
          }

          @Override
          public String newDatabase() {
            // for the start-up alone, the file without H2's server mode, as the programme's
            return BareStarter.newDatabase(database()).replace(";AUTO_SERVER=TRUE", "");
          }
        };
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    for (String key :
        List.of("programme empty", "bare empty", "programme restart", "bare restart")) {
      seconds.put(key, new ArrayList<>());
    }
    List<Double> heap = new ArrayList<>();
    // the sides alternate, so a slower moment of the machine falls on both
    for (int r = 1; r <= repeats; r++) {
      for (String side : List.of("programme", "bare")) {
        Starter starter = side.equals("programme") ? programme : bare;
        String db = starter.newDatabase();
        for (String start : List.of("empty", "restart")) {
          try (ClusterNode node = starter.start("bench-" + side + "-" + database(), db, Map.of())) {
            seconds.get(side + " " + start).add(node.startupMillis() / 1000.0);
            if (side.equals("programme")) {
              heap.add(heapMiB(node));
            }
          }
        }
        progress(
            "start-up %d/%d %s: %.1f s empty, %.1f s restart"
                .formatted(
                    r,
                    repeats,
                    side,
                    last(seconds.get(side + " empty")),
                    last(seconds.get(side + " restart"))));
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    seconds.forEach((key, values) -> medians.put(key, median(values)));
    out.put("repeats", repeats);
    out.put("seconds", seconds);
    out.put("medianSeconds", medians);
    out.put("ratioEmpty", round(medians.get("programme empty") / medians.get("bare empty")));
    out.put("ratioRestart", round(medians.get("programme restart") / medians.get("bare restart")));
    out.put("programmeHeapMiB", heap);

    markdown.add("## Start-up\n");
    markdown.add(
        "Each jar (`java -Xmx512m -jar`) until `/actuator/health` answers 200 (polled every 100 ms), "
            + "on an empty database and again on the same database (restart); the programme with "
            + "the demo profile (demo users, no demo data), the bare starter (`bench/bare`) with its "
            + "admin user and the load process. "
            + repeats
            + " rounds, the two sides alternating; the median, every value in brackets.\n");
    markdown.add("| start | programme (s) | bare starter (s) | **programme ÷ bare** |");
    markdown.add("|---|---|---|---|");
    for (String start : List.of("empty", "restart")) {
      markdown.add(
          "| %s | %.1f (%s) | %.1f (%s) | **%.2f** |"
              .formatted(
                  start.equals("empty") ? "empty database" : "restart on the same database",
                  medians.get("programme " + start),
                  list(seconds.get("programme " + start)),
                  medians.get("bare " + start),
                  list(seconds.get("bare " + start)),
                  medians.get("programme " + start) / medians.get("bare " + start)));
    }
    markdown.add(
        "\nTarget: ≤ 10 s, and ≤ 1.5 × the bare starter. Heap in use after the start (programme): "
            + list(heap)
            + " MiB.\n");
    startupTimeline(programme, bare, out);
    results.put("startup", out);
  }

  /**
   * One more start of each side, not timed: the programme with its start-up timeline ({@code
   * PROGRAMME_STARTUP_TIMELINE}), and on PostgreSQL the rows each side's restart wrote, by table.
   */
  private void startupTimeline(Starter programme, Starter bare, Map<String, Object> out)
      throws Exception {
    Path timeline = Path.of("target/bench-startup-" + database() + ".json").toAbsolutePath();
    Map<String, Object> writes = new LinkedHashMap<>();
    for (String side : List.of("programme", "bare")) {
      Starter starter = side.equals("programme") ? programme : bare;
      String db = starter.newDatabase();
      Map<String, String> env =
          side.equals("programme")
              ? Map.of("PROGRAMME_STARTUP_TIMELINE", timeline.toString())
              : Map.of();
      try (ClusterNode node = starter.start("bench-" + side + "-" + database(), db, env)) {
        if (side.equals("programme")) {
          out.put("timeline", timelineSummary(timeline));
        }
      }
      if (TestDatabase.postgres()) {
        Map<String, Long> before = TestDatabase.rowsWritten(db);
        Map<String, Long> written;
        try (ClusterNode node = starter.start("bench-" + side + "-" + database(), db, Map.of())) {
          Thread.sleep(11_000); // until every backend has reported its counts
          written = TestDatabase.writtenBetween(before, TestDatabase.rowsWritten(db));
        }
        writes.put(side, written);
      }
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps = (List<Map<String, Object>>) out.get("timeline");
    markdown.add(
        "Where the programme's start goes (an extra empty-database start with "
            + "`PROGRAMME_STARTUP_TIMELINE`, Spring's `BufferingApplicationStartup`; steps nest, "
            + "so a bean's time includes the beans it needs; the whole file: "
            + "`target/bench-startup-"
            + database()
            + ".json`):\n");
    markdown.add("| step | ms |");
    markdown.add("|---|---|");
    for (Map<String, Object> step : steps) {
      markdown.add("| %s | %s |".formatted(step.get("step"), step.get("millis")));
    }
    if (!writes.isEmpty()) {
      out.put("restartWrites", writes);
      markdown.add(
          "\nRows the restart wrote (inserted + updated + deleted, PostgreSQL's `pg_stat_user_tables`, "
              + "from the first request of the restart until 11 s after it was healthy): programme "
              + writes.get("programme")
              + ", bare starter "
              + writes.get("bare")
              + ".\n");
    } else {
      markdown.add("");
    }
  }

  /** The programme's own steps and the slowest of the rest, from a start-up timeline file. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> timelineSummary(Path file) throws IOException {
    Map<String, Object> json = JSON.readValue(file.toFile(), Map.class);
    List<Map<String, Object>> steps = (List<Map<String, Object>>) json.get("steps");
    List<Map<String, Object>> out = new ArrayList<>();
    int others = 0;
    for (Map<String, Object> step : steps) { // slowest first
      String name = (String) step.get("name");
      Map<String, String> tags = (Map<String, String>) step.get("tags");
      boolean ours = name.startsWith("programme.");
      if (ours || others < 15) {
        String label =
            name + (tags.containsKey("beanName") ? " `" + tags.get("beanName") + "`" : "");
        out.add(Map.of("step", label, "millis", step.get("millis")));
        if (!ours) {
          others++;
        }
      }
    }
    return out;
  }

  private static double heapMiB(ClusterNode node) throws Exception {
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(node.url("/actuator/prometheus")))
                    .header("Authorization", basic("monitor", "monitor"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    double heap = 0;
    Matcher m =
        Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$")
            .matcher(metrics.body());
    while (m.find()) {
      heap += Double.parseDouble(m.group(1));
    }
    return round(heap / 1048576);
  }

  private static double last(List<Double> values) {
    return values.get(values.size() - 1);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n == 0
        ? 0
        : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String list(List<Double> values) {
    return String.join(", ", values.stream().map(v -> "%.1f".formatted(v)).toList());
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
