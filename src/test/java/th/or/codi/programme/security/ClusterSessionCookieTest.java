package th.or.codi.programme.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.session.JdbcSessionProperties;
import org.springframework.boot.autoconfigure.session.SessionAutoConfiguration;
import org.springframework.boot.autoconfigure.session.SessionProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.CookieSerializer.CookieValue;

/**
 * On PostgreSQL Spring Boot's session auto-configuration keeps the sessions in the database and
 * Spring Session writes the session cookie, with server.servlet.session.cookie.*'s attributes: the
 * session settings of application.yaml and application-postgres.yaml, as they are, on an H2
 * database.
 */
class ClusterSessionCookieTest {

  /** The server.servlet.session.* and spring.session.* settings of the postgres profile. */
  private static String[] sessionSettings(String... files) {
    List<String> settings = new ArrayList<>();
    for (String file : files) {
      try {
        for (var source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
          EnumerablePropertySource<?> yaml = (EnumerablePropertySource<?>) source;
          for (String name : yaml.getPropertyNames()) {
            if (name.startsWith("server.servlet.session.") || name.startsWith("spring.session.")) {
              settings.add(name + "=" + yaml.getProperty(name));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return settings.toArray(String[]::new);
  }

  private static WebApplicationContextRunner postgresProfile(String... files) {
    return new WebApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                SessionAutoConfiguration.class,
                DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class))
        .withPropertyValues(sessionSettings(files))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:cluster-sessions;DB_CLOSE_DELAY=-1");
  }

  private static List<String> setCookie(CookieSerializer serializer) {
    MockHttpServletResponse response = new MockHttpServletResponse();
    serializer.writeCookieValue(new CookieValue(new MockHttpServletRequest(), response, "abc"));
    return HardeningTest.attributes(response.getHeader("Set-Cookie"));
  }

  @Test
  void sessionsAreKeptInTheDatabaseForHalfAnHourAndCleanedEveryFiveMinutes() {
    postgresProfile("application.yaml", "application-postgres.yaml")
        .run(
            context -> {
              assertThat(context).hasSingleBean(JdbcIndexedSessionRepository.class);
              assertThat(context.getBean(SessionProperties.class).getTimeout())
                  .isEqualTo(Duration.ofMinutes(30));
              assertThat(context.getBean(JdbcSessionProperties.class).getCleanupCron())
                  .isEqualTo("0 */5 * * * *");
              assertThat(
                      context
                          .getBean(javax.sql.DataSource.class)
                          .getConnection()
                          .getMetaData()
                          .getTables(null, null, "SPRING_SESSION", null)
                          .next())
                  .as("the session table is created")
                  .isTrue();
            });
  }

  @Test
  void onlyThePostgresProfileLetsSpringBootConfigureTheSessions() {
    String session = SessionAutoConfiguration.class.getName();
    assertThat(excluded("application.yaml")).as("H2: Tomcat's sessions").contains(session);
    assertThat(excluded("application-postgres.yaml", "application.yaml"))
        .as("PostgreSQL: Spring Session JDBC")
        .doesNotContain(session);
  }

  /** spring.autoconfigure.exclude with these files, the first one winning. */
  private static List<String> excluded(String... files) {
    MutablePropertySources sources = new MutablePropertySources();
    for (String file : files) {
      try {
        new YamlPropertySourceLoader()
            .load(file, new ClassPathResource(file))
            .forEach(sources::addLast);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.of(
        new Binder(ConfigurationPropertySources.from(sources))
            .bind("spring.autoconfigure.exclude", String[].class)
            .orElse(new String[0]));
  }

  @Test
  void prodMakesItSecureDemoOverHttpDoesNot() {
    postgresProfile("application.yaml", "application-postgres.yaml", "application-prod.yaml")
        .run(
            context -> {
              List<String> prod = setCookie(context.getBean(CookieSerializer.class));
              assertThat(prod).containsOnlyOnce("secure", "httponly", "samesite=lax");
              assertThat(prod.stream().filter(a -> a.startsWith("samesite")).count()).isOne();
              assertThat(prod).anyMatch(a -> a.startsWith("session="));
            });
    postgresProfile("application.yaml", "application-postgres.yaml")
        .run(
            context ->
                assertThat(setCookie(context.getBean(CookieSerializer.class)))
                    .as("plain http, no setting")
                    .containsOnlyOnce("httponly", "samesite=lax")
                    .doesNotContain("secure"));
  }
}
