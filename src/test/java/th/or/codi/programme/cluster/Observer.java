package th.or.codi.programme.cluster;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * The test's own view of the shared database: a plain process engine without job executor or any of
 * the application's plugins, used to deploy probe processes and to read what the nodes did. It
 * never executes jobs.
 */
final class Observer {

  private Observer() {}

  static ProcessEngine on(String jdbcUrl) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("observer-" + System.nanoTime());
    configuration.setJdbcUrl(jdbcUrl);
    configuration.setJdbcUsername("postgres");
    configuration.setJdbcPassword("postgres");
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    // on, like the nodes: a task it creates grants its candidates TASK_WORK; it never logs in,
    // so its own reads are not restricted
    configuration.setAuthorizationEnabled(true);
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    configuration.setMetricsEnabled(false);
    return configuration.buildProcessEngine();
  }
}
