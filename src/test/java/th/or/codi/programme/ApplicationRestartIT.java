package th.or.codi.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping and restarting keeps all data and creates nothing twice: the application runs twice on
 * the same file database, as the README's run command does.
 */
class ApplicationRestartIT {

  @TempDir Path dataDir;

  @Test
  void secondStartOnTheSameDatabaseChangesNothing() {
    Snapshot first;
    try (ConfigurableApplicationContext app = start()) {
      first = Snapshot.of(app.getBean(ProcessEngine.class));
    }
    Snapshot second;
    try (ConfigurableApplicationContext app = start()) {
      second = Snapshot.of(app.getBean(ProcessEngine.class));
    }

    assertThat(first.deployments()).hasSize(1);
    assertThat(first.groups())
        .contains(
            "community-nakhon-sawan|ขบวนองค์กรชุมชนจังหวัดนครสวรรค์ / Nakhon Sawan community-organisation movement");
    assertThat(first.users()).hasSize(9);
    assertThat(first.filters()).hasSize(4);
    assertThat(first.authorizations()).hasSizeGreaterThan(50);
    assertThat(second).isEqualTo(first);
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(JointProgrammeApplication.class)
        .profiles("demo")
        .run(
            "--PROGRAMME_DATA_DIR=" + dataDir,
            "--server.port=0",
            "--camunda.bpm.process-engine-name=restartTest",
            "--camunda.bpm.job-execution.enabled=false");
  }

  /** Everything the bootstrap and the deployment write, in a comparable form. */
  record Snapshot(
      List<String> deployments,
      TreeSet<String> definitions,
      TreeSet<String> groups,
      TreeSet<String> users,
      TreeSet<String> authorizations,
      TreeSet<String> filters) {

    static Snapshot of(ProcessEngine engine) {
      var repository = engine.getRepositoryService();
      var identity = engine.getIdentityService();
      TreeSet<String> definitions = new TreeSet<>();
      repository
          .createDecisionDefinitionQuery()
          .list()
          .forEach(d -> definitions.add(d.getKey() + ":" + d.getVersion()));
      repository
          .createProcessDefinitionQuery()
          .list()
          .forEach(d -> definitions.add(d.getKey() + ":" + d.getVersion()));
      TreeSet<String> groups = new TreeSet<>();
      for (Group g : identity.createGroupQuery().list()) {
        groups.add(g.getId() + "|" + g.getName());
      }
      TreeSet<String> users = new TreeSet<>();
      for (User u : identity.createUserQuery().list()) {
        users.add(
            u.getId()
                + "|"
                + identity.createGroupQuery().groupMember(u.getId()).list().stream()
                    .map(Group::getId)
                    .sorted()
                    .toList());
      }
      TreeSet<String> authorizations = new TreeSet<>();
      for (Authorization a : engine.getAuthorizationService().createAuthorizationQuery().list()) {
        authorizations.add(
            a.getId()
                + "|"
                + a.getGroupId()
                + "|"
                + a.getUserId()
                + "|"
                + a.getResourceType()
                + "|"
                + a.getResourceId()
                + "|"
                + a.getPermissions(org.camunda.bpm.engine.authorization.Permissions.values())
                    .length);
      }
      TreeSet<String> filters = new TreeSet<>();
      for (Filter f : engine.getFilterService().createFilterQuery().list()) {
        filters.add(f.getId() + "|" + f.getName() + "|" + f.getProperties());
      }
      return new Snapshot(
          repository.createDeploymentQuery().list().stream().map(Deployment::getId).toList(),
          definitions,
          groups,
          users,
          authorizations,
          filters);
    }
  }
}
