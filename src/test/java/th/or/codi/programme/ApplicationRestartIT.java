package th.or.codi.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
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
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.notifications.Outbox;
import th.or.codi.programme.notifications.TestMail;

/**
 * Stopping and restarting keeps all data and creates nothing twice: the application runs twice on
 * the same file database, as the README's run command does; a message not yet sent when it stops is
 * sent after the restart, once.
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

  @Test
  void aMessagePendingAtTheStopIsDeliveredAfterTheRestartOnce() throws Exception {
    TestMail.down();
    String[] mail = {
      "--programme.demo.data=false",
      "--programme.notifications.mail.transport=smtp",
      "--programme.notifications.mail.from=programme@example.org",
      "--spring.mail.host=127.0.0.1",
      "--spring.mail.port=" + TestMail.port(),
      "--programme.notifications.delivery.poll-interval=PT0.5S",
      "--programme.notifications.delivery.first-retry=PT1S"
    };
    String task;
    try (ConfigurableApplicationContext app = start(mail)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      Walkthrough walk =
          new Walkthrough(app.getBean(PersonActions.class), code -> "nakhonsawan", t -> {});
      String key = walk.start("TH-60", 2576, 1);
      task = app.getBean(PersonActions.class).task(key, "Activity_PlanForum").getId();
      Outbox outbox = app.getBean(Outbox.class);
      // the mail server is down: the message waits, retried
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  outbox.list(Outbox.State.PENDING, "nakhonsawan", 10).stream()
                      .anyMatch(r -> task.equals(r.taskId()) && r.attempts() > 0));
      assertThat(engine).isNotNull();
    }
    TestMail.server();
    try (ConfigurableApplicationContext app = start(mail)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !TestMail.to("nakhonsawan@example.org").isEmpty());
      Thread.sleep(2000);
      assertThat(TestMail.to("nakhonsawan@example.org"))
          .singleElement()
          .satisfies(m -> assertThat(TestMail.part(m, "text/plain")).contains("?task=" + task));
      assertThat(app.getBean(Outbox.class).list(Outbox.State.PENDING, null, 100)).isEmpty();
    } finally {
      TestMail.down();
    }
  }

  private ConfigurableApplicationContext start(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--PROGRAMME_DATA_DIR=" + dataDir,
                "--server.port=0",
                "--camunda.bpm.process-engine-name=restartTest",
                "--camunda.bpm.job-execution.enabled=false"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(JointProgrammeApplication.class)
        .profiles("demo")
        .run(args.toArray(String[]::new));
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
