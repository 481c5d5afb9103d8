package th.or.codi.programme.pipeline;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import th.or.codi.programme.engine.EngineHooks;

/**
 * Puts the province, wave and stage on every task as task variables when it is created, so that
 * Tasklist's filters can show them in the task list ("which province, which stage") to people who
 * may work on the task but not read the whole process instance: with authorization on, a community
 * member reads the task, not the instance's variables.
 */
@Component
public class TaskListContext extends AbstractProcessEnginePlugin {

  /** The variables the Tasklist filters show (see identity/TaskFilters). */
  public static final List<String> SHOWN = List.of("provinceName", "wave", "stage");

  private static final TaskListener COPY =
      (DelegateTask task) -> {
        for (String name : SHOWN) {
          Object value = task.getVariable(name);
          if (value != null) {
            task.setVariableLocal(name, value);
          }
        }
      };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineHooks.addToEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, COPY);
  }
}
