package th.or.codi.programme.security;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.Cookie;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * On PostgreSQL the webapps' HTTP sessions (the Camunda login, its CSRF token) are kept in the
 * shared database, table SPRING_SESSION, instead of one node's memory: a login on one node of a
 * cluster is valid on every other, so a plain round-robin load balancer works and a node can be
 * restarted without logging anyone out. Idle sessions end after 30 minutes and are removed every
 * five. Spring Session, not Tomcat, writes this session cookie ({@code SESSION}); it takes its
 * attributes from the same {@code server.servlet.session.cookie.*} (HttpOnly, SameSite=Lax, Secure
 * in prod), which Spring Boot's session auto-configuration, excluded here, would do.
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgres")
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 1800, cleanupCron = "0 */5 * * * *")
public class ClusterSessions {

  /** Creates the session tables on first start (Spring Session's own script; exists → ignored). */
  @Bean
  DataSourceInitializer sessionTables(DataSource dataSource) {
    ResourceDatabasePopulator populator =
        new ResourceDatabasePopulator(
            new ClassPathResource("org/springframework/session/jdbc/schema-postgresql.sql"));
    populator.setContinueOnError(true);
    DataSourceInitializer initializer = new DataSourceInitializer();
    initializer.setDataSource(dataSource);
    initializer.setDatabasePopulator(populator);
    return initializer;
  }

  /** The session cookie's attributes, from {@code server.servlet.session.cookie.*}. */
  @Bean
  CookieSerializer sessionCookie(ServerProperties server) {
    Cookie cookie = server.getServlet().getSession().getCookie();
    DefaultCookieSerializer serializer = new DefaultCookieSerializer();
    if (cookie.getHttpOnly() != null) {
      serializer.setUseHttpOnlyCookie(cookie.getHttpOnly());
    }
    if (cookie.getSecure() != null) {
      serializer.setUseSecureCookie(cookie.getSecure());
    }
    if (cookie.getSameSite() != null) {
      serializer.setSameSite(cookie.getSameSite().attributeValue());
    }
    return serializer;
  }
}
