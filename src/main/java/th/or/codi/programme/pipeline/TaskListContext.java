package th.or.codi.programme.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts the province, wave and stage on every task as task variables when it is created, so
 * that Tasklist's filters can show them in the task list ("which province, which stage") to
 * people who may work on the task but not read the whole process instance: with authorization
 * on, a community member reads the task, not the instance's variables.
 */
@Component
public class TaskListContext extends AbstractProcessEnginePlugin {

  /** The variables the Tasklist filters show (see identity/TaskFilters). */
  public static final List<String> SHOWN = List.of("provinceName", "wave", "stage");

  private static final TaskListener COPY = (DelegateTask task) -> {
    for (String name : SHOWN) {
      Object value = task.getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
        }
      }
    });
  }
}
