package th.or.codi.programme.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.ProbeProcess;
import th.or.codi.programme.TestDatabase;
import th.or.codi.programme.engine.AuthorizedGroups;

/** The engine's schema and authorization checks as tuned for 100,000 open tasks. */
@DemoApplicationTest
class DatabaseTuningTest {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  @Test
  void authorizationChecksTakeTheUsersGroupsWithoutScanningTheAuthorizationTable() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    AuthorizationManager manager =
        configuration
            .getCommandExecutorTxRequired()
            .execute(context -> context.getAuthorizationManager());
    assertThat(manager).isInstanceOf(AuthorizedGroups.WithoutGroupScan.class);
    assertThat(manager.filterAuthenticatedGroupIds(List.of("a", "b", "a")))
        .containsExactly("a", "b");
    assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
    assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
  }

  @Test
  void aGroupWithoutAuthorizationsNeitherWidensNorNarrowsWhatAUserSees() {
    IdentityService identity = engine.getIdentityService();
    try (ProbeProcess probe = new ProbeProcess(engine, "${group}")) {
      String mine = probe.start(Map.of("group", "tuning-a")).getId();
      probe.start(Map.of("group", "tuning-b"));
      String myTask =
          engine.getTaskService().createTaskQuery().processInstanceId(mine).singleResult().getId();
      try {
        identity.setAuthentication(
            "tuning-user", List.of("tuning-a", "a-group-without-any-authorization"));
        assertThat(
                engine
                    .getTaskService()
                    .createTaskQuery()
                    .processDefinitionKey(ProbeProcess.KEY)
                    .list())
            .extracting(t -> t.getId())
            .containsExactly(myTask);
        identity.setAuthentication("tuning-user", List.of("a-group-without-any-authorization"));
        assertThat(
                engine
                    .getTaskService()
                    .createTaskQuery()
                    .processDefinitionKey(ProbeProcess.KEY)
                    .count())
            .isZero();
        identity.setAuthentication("tuning-user", List.of());
        assertThat(
                engine
                    .getTaskService()
                    .createTaskQuery()
                    .processDefinitionKey(ProbeProcess.KEY)
                    .count())
            .isZero();
      } finally {
        identity.clearAuthentication(); // before the probe is removed, as the test's own user
      }
    }
  }

  @Test
  void subTasksAreFoundByAnIndexAndTheTuningMayRunAgain() throws Exception {
    new DatabaseTuning().postProcessEngineBuild(engine);
    new DatabaseTuning().postProcessEngineBuild(engine);
    List<String> indexedColumns = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      String table = TestDatabase.postgres() ? "act_ru_task" : "ACT_RU_TASK";
      try (ResultSet indexes =
          connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
        while (indexes.next()) {
          if (DatabaseTuning.TASK_PARENT_INDEX.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
            indexedColumns.add(indexes.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
          }
        }
      }
    }
    assertThat(indexedColumns).containsExactly("PARENT_TASK_ID_");
  }

  @Test
  void onPostgresqlTheTaskListIsPlannedWithPermissionStatisticsAndSsdCosts() throws Exception {
    if (!TestDatabase.postgres()) {
      assertThat(DatabaseTuning.statements("h2")).noneMatch(s -> s.contains("STATISTICS"));
      return;
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      List<String> statistics = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass")) {
        while (rows.next()) {
          statistics.add(rows.getString(1));
        }
      }
      assertThat(statistics).contains("programme_stat_auth_read", "programme_stat_auth_read_task");
      try (ResultSet cost = statement.executeQuery("show random_page_cost")) {
        assertThat(cost.next()).isTrue();
        assertThat(cost.getString(1)).isEqualTo("1.1");
      }
    }
  }
}
