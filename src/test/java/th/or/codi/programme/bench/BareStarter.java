package th.or.codi.programme.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import th.or.codi.programme.TestDatabase;
import th.or.codi.programme.cluster.ClusterNode;

/**
 * The bare starter of {@code bench/bare} (Spring Boot with Camunda's webapp and REST starters,
 * nothing of the programme), as the benchmark runs it: its jar on a database of its own on the same
 * kind of database, and for the REST load a plain engine in the benchmark's JVM on that database,
 * which makes its groups and users and opens its load tasks (as the programme's load tasks are
 * opened through the Java API).
 */
final class BareStarter implements AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final ClusterNode node;
  private final ProcessEngine engine;
  private final ProgrammeBenchmark.Server server;

  private BareStarter(ClusterNode node, ProcessEngine engine, ProgrammeBenchmark.Server server) {
    this.node = node;
    this.engine = engine;
    this.server = server;
  }

  static Path jar() {
    Path jar = Path.of("bench/bare/target/bare-starter.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no " + jar + ": bench/run.sh builds it (./mvnw -f bench/bare/pom.xml package)");
    }
    return jar;
  }

  /** A new, empty database for the bare starter: on the PostgreSQL server, or an H2 file. */
  static String newDatabase(String database) {
    if (database.equals("postgresql")) {
      return TestDatabase.newDatabase("bare");
    }
    // AUTO_SERVER: the jar opens the file, the benchmark's engine reaches it through the jar's
    // H2 server (an H2 file has one owner)
    return "jdbc:h2:file:"
        + Path.of(
                "target/bench-h2",
                "bare-" + ProcessHandle.current().pid() + "-" + DATABASES.incrementAndGet())
            .toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=TRUE";
  }

  /** The bare starter's jar on this database, healthy. */
  static ClusterNode start(String name, String url) throws Exception {
    boolean postgres = url.startsWith("jdbc:postgresql:");
    return ClusterNode.launchJar(
        name,
        jar(),
        List.of(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + (postgres ? "postgres" : "sa"),
            "--spring.datasource.password=" + (postgres ? "postgres" : "")),
        Map.of());
  }

  /**
   * The bare starter on a new database, with one group per programme group (the starter's default
   * pattern allows letters and digits only: {@code communitynakhonsawan}) and one member each.
   */
  static BareStarter launch(String database, List<String> programmeGroups) throws Exception {
    String url = newDatabase(database);
    ClusterNode node = start("bench-bare-" + database, url);
    ProcessEngine engine = null;
    try {
      engine = engine(url);
      List<String> groups = new ArrayList<>();
      Map<String, String> auth = new LinkedHashMap<>();
      var identity = engine.getIdentityService();
      for (String programmeGroup : programmeGroups) {
        String group = programmeGroup.replace("-", "");
        String user = "bare" + group;
        identity.saveGroup(identity.newGroup(group));
        var member = identity.newUser(user);
        member.setPassword(user);
        identity.saveUser(member);
        identity.createMembership(user, group);
        groups.add(group);
        auth.put(group, ProgrammeBenchmark.basic(user, user));
      }
      return new BareStarter(
          node, engine, new ProgrammeBenchmark.Server("bare", node.port(), engine, groups, auth));
    } catch (Exception | Error e) {
      if (engine != null) {
        engine.close();
      }
      node.close();
      throw e;
    }
  }

  /** A plain engine of the same Camunda version on the bare starter's database, no job executor. */
  private static ProcessEngine engine(String url) {
    boolean postgres = url.startsWith("jdbc:postgresql:");
    StandaloneProcessEngineConfiguration c = new StandaloneProcessEngineConfiguration();
    c.setProcessEngineName("bareLoad");
    c.setJdbcUrl(url);
    c.setJdbcUsername(postgres ? "postgres" : "sa");
    c.setJdbcPassword(postgres ? "postgres" : "");
    c.setJdbcDriver(postgres ? "org.postgresql.Driver" : "org.h2.Driver");
    c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    c.setJobExecutorActivate(false);
    c.setAuthorizationEnabled(true);
    c.setMetricsEnabled(false);
    return c.buildProcessEngine();
  }

  ProgrammeBenchmark.Server server() {
    return server;
  }

  @Override
  public void close() {
    engine.close();
    node.close();
  }
}
