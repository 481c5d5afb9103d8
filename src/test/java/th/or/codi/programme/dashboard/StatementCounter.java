package th.or.codi.programme.dashboard;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Counts the SQL statements the engine prepares on the current thread while a read runs: a MyBatis
 * plugin on the engine's statement handlers (test code only; the application uses the public API).
 * It is added once per engine and records nothing unless {@link #record} runs on the thread, so the
 * other tests of the shared context are not affected.
 */
@Intercepts(
    @Signature(
        type = StatementHandler.class,
        method = "prepare",
        args = {Connection.class, Integer.class}))
final class StatementCounter implements Interceptor {

  private static final Set<Configuration> INSTALLED =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

  /** What a read returned and the statements it prepared, in order. */
  record Recorded<T>(T result, List<String> statements) {}

  static synchronized void installOn(ProcessEngine engine) {
    Configuration mybatis =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getSqlSessionFactory()
            .getConfiguration();
    if (INSTALLED.add(mybatis)) {
      mybatis.addInterceptor(new StatementCounter());
    }
  }

  static <T> Recorded<T> record(Supplier<T> read) {
    List<String> statements = new ArrayList<>();
    RECORDING.set(statements);
    try {
      return new Recorded<>(read.get(), statements);
    } finally {
      RECORDING.remove();
    }
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    List<String> statements = RECORDING.get();
    if (statements != null) {
      statements.add(
          ((StatementHandler) invocation.getTarget())
              .getBoundSql()
              .getSql()
              .replaceAll("\\s+", " ")
              .trim());
    }
    return invocation.proceed();
  }
}
