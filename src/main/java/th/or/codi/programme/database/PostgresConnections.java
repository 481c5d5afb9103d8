package th.or.codi.programme.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every PostgreSQL connection of the pool plans for storage without seek time
 * ({@code random_page_cost = 1.1}, PostgreSQL's own advice for SSDs, instead of its default 4,
 * which assumes spinning disks). With the default the planner prefers to join every task
 * authorization of the user's groups to every task listed rather than look up each listed
 * task's authorization in its index: 86–140 ms per task list at 100,000 open tasks instead of
 * 8 ms (see {@link DatabaseTuning} and bench/README.md).
 *
 * <p>Applied only when no {@code spring.datasource.hikari.connection-init-sql} is configured:
 * a database administrator who sets the planner's costs on the server, or wants other
 * settings, sets that property (and this then does nothing).
 */
@Component
public class PostgresConnections implements BeanPostProcessor {

  static final String SETTINGS = "SET random_page_cost = 1.1";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
      pool.setConnectionInitSql(SETTINGS);
    }
    return bean;
  }
}
