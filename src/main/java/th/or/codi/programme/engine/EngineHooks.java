package th.or.codi.programme.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The few ways the programme's plugins hook into the engine, written once: a BPMN parse listener, a
 * listener on every user task, and a read made whoever is logged in.
 */
public final class EngineHooks {

  private EngineHooks() {}

  /** Adds a parse listener that runs before the engine's own. */
  public static void addParseListener(
      ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(listener);
  }

  /** Adds the listener, as a built-in one, to the given event of every user task deployed. */
  public static void addToEveryUserTask(
      ProcessEngineConfigurationImpl configuration, String event, TaskListener listener) {
    addParseListener(
        configuration,
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
              behavior.getTaskDefinition().addBuiltInTaskListener(event, listener);
            }
          }
        });
  }

  /**
   * Runs a read without the caller's authorization checks, then restores the caller: for what the
   * system itself must know (a task's form, whether a task was completed), not for what the caller
   * is shown.
   */
  public static <T> T withoutAuthentication(IdentityService identity, Supplier<T> read) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** The first throwable of the type in the cause chain, or null. */
  public static <T extends Throwable> T cause(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
