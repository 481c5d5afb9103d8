package th.or.codi.programme.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.JointProgrammeApplication;

/** The prod profile: no demo users, an administrator from the environment, password policy. */
class ProductionProfileIT {

  private static final String STRONG_PASSWORD = "Kh0n-Kaen!2568";

  @Test
  void refusesToStartWithoutAdministratorCredentials() {
    assertThatThrownBy(() -> refuse("--PROGRAMME_ADMIN_ID=", "--PROGRAMME_ADMIN_PASSWORD=").close())
        .satisfies(
            e ->
                assertThat(messages(e))
                    .contains("PROGRAMME_ADMIN_ID and PROGRAMME_ADMIN_PASSWORD")
                    .contains("ต้องกำหนดผู้ดูแลระบบคนแรก"));
  }

  @Test
  void refusesToStartWithoutAMailServerUnlessMailIsSwitchedOff() {
    assertThatThrownBy(
            () ->
                refuse(
                        "--PROGRAMME_ADMIN_ID=director",
                        "--PROGRAMME_ADMIN_PASSWORD=Kh0n-Kaen!2568",
                        "--PROGRAMME_MAIL_FROM=programme@example.org")
                    .close())
        .satisfies(
            e ->
                assertThat(messages(e))
                    .contains("SPRING_MAIL_HOST")
                    .contains("ยังไม่ได้ตั้งค่าเซิร์ฟเวอร์อีเมล")
                    .contains("PROGRAMME_MAIL_TRANSPORT=off"));
    // with a mail server named it starts (the server is only reached when a message goes)
    start(
            "--PROGRAMME_ADMIN_ID=director",
            "--PROGRAMME_ADMIN_PASSWORD=Kh0n-Kaen!2568",
            "--PROGRAMME_MAIL_FROM=programme@example.org",
            "--spring.mail.host=127.0.0.1")
        .close();
  }

  @Test
  void refusesToStartWithAPasswordOnlyNoPassword() {
    assertThatThrownBy(
            () -> refuse("--PROGRAMME_ADMIN_ID=director", "--PROGRAMME_ADMIN_PASSWORD=").close())
        .satisfies(e -> assertThat(messages(e)).contains("(PROGRAMME_ADMIN_PASSWORD is missing)"));
  }

  @Test
  void refusesAWeakAdministratorPassword() {
    assertThatThrownBy(
            () ->
                refuse("--PROGRAMME_ADMIN_ID=director", "--PROGRAMME_ADMIN_PASSWORD=director")
                    .close())
        .satisfies(e -> assertThat(messages(e)).contains("must follow the password policy"));
  }

  @Test
  void startsWithTheAdministratorAndNoDemoUsers() throws Exception {
    try (ConfigurableApplicationContext app =
        start("--PROGRAMME_ADMIN_ID=director", "--PROGRAMME_ADMIN_PASSWORD=" + STRONG_PASSWORD)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      IdentityService identity = engine.getIdentityService();

      assertThat(identity.createUserQuery().list())
          .extracting(User::getId)
          .containsExactly("director");
      assertThat(
              identity.createUserQuery().memberOfGroup("camunda-admin").userId("director").count())
          .isOne();
      assertThat(identity.checkPassword("director", STRONG_PASSWORD)).isTrue();

      User weak = identity.newUser("weakling");
      weak.setPassword("weakling");
      assertThatThrownBy(() -> identity.saveUser(weak))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("does not match policy");

      // through REST: one's own new password that breaks the policy is a 400 naming it, not a 500
      java.net.http.HttpResponse<String> weakOwn =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              "http://127.0.0.1:"
                                  + app.getEnvironment().getProperty("local.server.port")
                                  + "/engine-rest/engine/prodTest/user/director/credentials"))
                      .header(
                          "Authorization",
                          "Basic "
                              + java.util.Base64.getEncoder()
                                  .encodeToString(
                                      ("director:" + STRONG_PASSWORD)
                                          .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                      .header("Content-Type", "application/json")
                      .PUT(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "{\"password\": \"weak\", \"authenticatedUserPassword\": \""
                                  + STRONG_PASSWORD
                                  + "\"}"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(weakOwn.statusCode()).as(weakOwn.body()).isEqualTo(400);
      assertThat(weakOwn.body())
          .contains("\"type\":\"PasswordPolicy\"")
          .contains("นโยบายรหัสผ่าน")
          .contains("password policy")
          .contains("at least 10 characters");
      assertThat(identity.checkPassword("director", STRONG_PASSWORD))
          .as("password unchanged")
          .isTrue();

      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      assertThat(configuration.isEnablePasswordPolicy()).isTrue();
      assertThat(configuration.getLoginMaxAttempts()).isEqualTo(5);
      assertThat(configuration.getLoginDelayBase()).isEqualTo(3);

      for (int attempt = 0; attempt < 2; attempt++) {
        identity.checkPassword("director", "wrong");
      }
      assertThat(identity.checkPassword("director", STRONG_PASSWORD))
          .as("right after failed attempts the login is delayed (throttled)")
          .isFalse();
    }
  }

  private static ConfigurableApplicationContext start(String... args) {
    return application(WebApplicationType.SERVLET, args);
  }

  /**
   * The whole application in the prod profile but without its web server (and so without the
   * Camunda webapps): the refusals come from binding the administrator's settings and from the
   * engine's start-up, which run the same with and without a server, and the server's start is what
   * a refused start would cost most.
   */
  private static ConfigurableApplicationContext refuse(String... args) {
    return application(WebApplicationType.NONE, args);
  }

  private static ConfigurableApplicationContext application(
      WebApplicationType web, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--spring.datasource.url=jdbc:h2:mem:prod-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--camunda.bpm.process-engine-name=prodTest",
            "--camunda.bpm.job-execution.enabled=false"));
    if (all.stream()
        .noneMatch(a -> a.startsWith("--PROGRAMME_MAIL") || a.startsWith("--spring.mail"))) {
      all.add("--PROGRAMME_MAIL_TRANSPORT=off");
    }
    return new SpringApplicationBuilder(JointProgrammeApplication.class)
        .web(web)
        .profiles("prod")
        .run(all.toArray(String[]::new));
  }

  private static String messages(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
  }
}
