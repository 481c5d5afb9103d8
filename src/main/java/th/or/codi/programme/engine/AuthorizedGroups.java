package th.or.codi.programme.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Spares every authorized command a scan of the whole authorization table.
 *
 * <p>Before each command's first authorization check the engine asks the database which groups have
 * any authorization at all ({@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}) and keeps
 * only the user's groups among them. The engine writes an authorization row per open task and
 * candidate group, so the table grows with the open tasks: at 100,000 open tasks that one statement
 * took 45–160 ms on PostgreSQL, in every task list and every completion.
 *
 * <p>The filter changes no answer: a group without authorization rows matches no row in any check.
 * So the user's groups are used as they are. This replaces the engine's {@link
 * AuthorizationManager} for that one method (the engine's implementation classes, not its public
 * API: the one place the programme does so, kept in this class).
 */
@Component
public class AuthorizedGroups extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories =
        configuration.getCustomSessionFactories() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return AuthorizationManager.class;
          }

          @Override
          public Session openSession() {
            return new WithoutGroupScan();
          }
        });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, taking the user's groups as they are. */
  public static class WithoutGroupScan extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return new ArrayList<>();
      }
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}
