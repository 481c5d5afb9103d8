package th.or.codi.programme.notifications;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.pipeline.OverdueTasks;

/**
 * The triggers on tasks: every user task deployed tells its people when it is created (its
 * candidates while unclaimed, or its assignee) and when someone else assigns it to a person; a
 * person who claims a task is not told of it again. A user task whose model carries the extension
 * property {@code notification = escalation} (a stage overrun, an off-track province, a stalled
 * plan) is told as an escalation: what happened and where the province stands. The overdue reminder
 * ({@code pipeline/TaskReminder}) calls {@link #overdue}.
 */
public class TaskNotifications extends AbstractProcessEnginePlugin implements OverdueTasks {

  /** The extension property of a user task that makes its creation an escalation. */
  public static final String PROPERTY = "notification";

  public static final String ESCALATION = "escalation";

  private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

  private final NotificationRecorder recorder;
  private final NotificationProperties properties;

  public TaskNotifications(NotificationRecorder recorder, NotificationProperties properties) {
    this.recorder = recorder;
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineHooks.addParseListener(
        configuration,
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
              Kind kind =
                  ESCALATION.equals(property(element)) ? Kind.ESCALATION : Kind.TASK_CREATED;
              behavior
                  .getTaskDefinition()
                  .addBuiltInTaskListener(
                      TaskListener.EVENTNAME_CREATE, task -> created(task, kind));
              behavior
                  .getTaskDefinition()
                  .addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, this::assigned);
            }
          }

          private void assigned(DelegateTask task) {
            TaskNotifications.this.assigned(task);
          }
        });
  }

  static String property(Element userTask) {
    Element extensions = userTask.element("extensionElements");
    Element props = extensions == null ? null : extensions.elementNS(CAMUNDA, "properties");
    if (props == null) {
      return null;
    }
    for (Element p : props.elementsNS(CAMUNDA, "property")) {
      if (PROPERTY.equals(p.attribute("name"))) {
        return p.attribute("value");
      }
    }
    return null;
  }

  void created(DelegateTask task, Kind kind) {
    if (task.getAssignee() != null) {
      // the assignment event follows and tells the assignee
      return;
    }
    recorder.record(
        kind,
        task.getId(),
        task.getProcessInstanceId(),
        recorder.recipients().ofTask(null, task.getCandidates()),
        null,
        false);
  }

  void assigned(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null || assignee.equals(actor(task))) {
      // unclaimed, or claimed by the person themself: nothing new for anyone
      return;
    }
    recorder.record(
        Kind.TASK_ASSIGNED,
        task.getId(),
        task.getProcessInstanceId(),
        Set.of(assignee),
        null,
        false);
  }

  /**
   * The task is past its due date, for the {@code reminder}-th time: its people are told, and from
   * the configured reminder on also the party's coordinators or managers.
   */
  @Override
  public void overdue(DelegateTask task, int reminder) {
    Recipients recipients = recorder.recipients();
    Set<String> people = recipients.ofTask(task.getAssignee(), task.getCandidates());
    recorder.record(
        Kind.OVERDUE,
        task.getId(),
        task.getProcessInstanceId(),
        people,
        Details.of("reminder", reminder),
        false);
    if (reminder >= properties.overdue().escalateAfter()) {
      List<String> groups = Recipients.candidateGroups(task.getCandidates());
      Set<String> above =
          new LinkedHashSet<>(recipients.members(properties.overdue().escalationGroup(groups)));
      above.removeAll(people);
      recorder.record(
          Kind.OVERDUE,
          task.getId(),
          task.getProcessInstanceId(),
          above,
          Details.of("reminder", reminder, "escalated", true),
          false);
    }
  }

  private static String actor(DelegateTask task) {
    Authentication current =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }
}
