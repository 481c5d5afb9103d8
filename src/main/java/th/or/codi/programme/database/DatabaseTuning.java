package th.or.codi.programme.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.or.codi.programme.engine.StartupPlugin;
import th.or.codi.programme.messages.Messages;

/**
 * What the engine's schema lacks for the programme's load, added on start (idempotent; every node
 * of a cluster may run it):
 *
 * <ul>
 *   <li>An index on {@code ACT_RU_TASK.PARENT_TASK_ID_}: completing or deleting any task looks for
 *       its sub-tasks by that column, which has no index: a scan of all open tasks per completion
 *       (130 ms at 100,000 open tasks on PostgreSQL).
 *   <li>PostgreSQL only: statistics on the permission bits the task list checks ({@code PERMS_ &
 *       2}, READ on a task; {@code PERMS_ & 64}, READ_TASK on a definition). Without them
 *       PostgreSQL guesses that a user's groups hold a few dozen task authorizations where they
 *       hold one per open task of the group, and joins every one of them to every task listed (140
 *       ms per task list at 100,000 open tasks instead of 8).
 * </ul>
 *
 * The postgres profile's {@code spring.datasource.hikari.connection-init-sql} ({@code
 * application-postgres.yaml}) sets every pooled connection's planner cost of a random read to that
 * of storage without seek time ({@code random_page_cost = 1.1}), which the second point also needs.
 */
@Component
public class DatabaseTuning extends StartupPlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseTuning.class);

  static final String TASK_PARENT_INDEX = "PROGRAMME_IDX_TASK_PARENT";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    step("database-tuning", () -> onStart(engine));
  }

  private void onStart(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String databaseType = configuration.getDatabaseType();
    DataSource dataSource = configuration.getDataSource();
    List<String> statements = new ArrayList<>(statements(databaseType));
    if ("postgres".equals(databaseType) && statisticsExist(dataSource)) {
      // analysed when they were made; autovacuum keeps them current from then on
      statements.remove(ANALYZE);
    }
    for (String sql : statements) {
      execute(dataSource, sql);
    }
    LOG.info("Database tuning applied on {}: {} statement(s)", databaseType, statements.size());
  }

  static final String ANALYZE = "ANALYZE ACT_RU_AUTHORIZATION";

  private static final List<String> STATISTICS =
      List.of("PROGRAMME_STAT_AUTH_READ", "PROGRAMME_STAT_AUTH_READ_TASK");

  /** Whether both statistics objects exist already, so a restart need not analyse again. */
  static boolean statisticsExist(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        var found =
            statement.executeQuery(
                "SELECT count(*) FROM pg_statistic_ext WHERE upper(stxname) IN ('"
                    + String.join("','", STATISTICS)
                    + "')")) {
      return found.next() && found.getInt(1) == STATISTICS.size();
    } catch (SQLException e) {
      return false; // then analyse, as before
    }
  }

  static List<String> statements(String databaseType) {
    List<String> statements = new ArrayList<>();
    if ("postgres".equals(databaseType) || "h2".equals(databaseType)) {
      statements.add(
          "CREATE INDEX IF NOT EXISTS " + TASK_PARENT_INDEX + " ON ACT_RU_TASK (PARENT_TASK_ID_)");
    }
    if ("postgres".equals(databaseType)) {
      statements.add(permissionStatistics(STATISTICS.get(0), Permissions.READ.getValue()));
      statements.add(
          permissionStatistics(
              STATISTICS.get(1), ProcessDefinitionPermissions.READ_TASK.getValue()));
      // new statistics objects are empty until the table is analysed (a sample of the table,
      // 30,000 rows at most); left out when they existed before this start
      statements.add(ANALYZE);
    }
    return statements;
  }

  private static String permissionStatistics(String name, int bit) {
    return "CREATE STATISTICS IF NOT EXISTS "
        + name
        + " ON (PERMS_ & "
        + bit
        + ") FROM ACT_RU_AUTHORIZATION";
  }

  /** Runs one statement; a second node doing the same at the same moment may lose a race once. */
  private static void execute(DataSource dataSource, String sql) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        connection.setAutoCommit(true);
        statement.execute(sql);
        return;
      } catch (SQLException e) {
        if (attempt == 3) {
          throw new IllegalStateException(Messages.both("database.tuning.failed") + ": " + sql, e);
        }
        LOG.info("Database tuning: retrying '{}' after {}", sql, e.getMessage());
        try {
          Thread.sleep(500L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(interrupted);
        }
      }
    }
  }
}
