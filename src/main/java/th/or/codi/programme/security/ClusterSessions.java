package th.or.codi.programme.security;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * On PostgreSQL the webapps' HTTP sessions (the Camunda login, its CSRF token) are kept in the
 * shared database, table SPRING_SESSION, instead of one node's memory: a login on one node of a
 * cluster is valid on every other, so a plain round-robin load balancer works and a node can be
 * restarted without logging anyone out. Idle sessions end after 30 minutes and are removed
 * every five.
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgres")
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 1800, cleanupCron = "0 */5 * * * *")
public class ClusterSessions {

  /** Creates the session tables on first start (Spring Session's own script; exists → ignored). */
  @Bean
  DataSourceInitializer sessionTables(DataSource dataSource) {
    ResourceDatabasePopulator populator = new ResourceDatabasePopulator(
        new ClassPathResource("org/springframework/session/jdbc/schema-postgresql.sql"));
    populator.setContinueOnError(true);
    DataSourceInitializer initializer = new DataSourceInitializer();
    initializer.setDataSource(dataSource);
    initializer.setDatabasePopulator(populator);
    return initializer;
  }
}
