package th.or.codi.programme.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import th.or.codi.programme.messages.Messages;

/**
 * The shared Tasklist filters, in Thai. Authorization still applies to what a filter returns: a
 * member of a province's movement sees only tasks of that province.
 */
public final class TaskFilters {

  /** Raise it whenever a query or property below changes: existing filters are then updated. */
  static final int REVISION = 1;

  /** Days ahead that "due soon" looks. */
  public static final int DUE_SOON_DAYS = 3;

  private TaskFilters() {}

  /** A filter to exist, with the query it runs and Tasklist's display properties. */
  public record FilterDefinition(
      String name, String description, int priority, String color, TaskQuery query) {

    public Map<String, Object> properties() {
      return Map.of(
          "description", description,
          "priority", priority,
          "color", color,
          "refresh", true,
          "revision", REVISION,
          "showUndefinedVariable", false,
          // Columns Tasklist shows under each task: which province, which wave and stage.
          "variables",
              List.of(
                  Map.of(
                      "name", "provinceName", "label", Messages.both("identity.filters.province")),
                  Map.of("name", "wave", "label", Messages.both("identity.filters.wave")),
                  Map.of("name", "stage", "label", Messages.both("identity.filters.stage"))));
    }
  }

  /**
   * The group's unassigned tasks come first: Tasklist opens the first filter, and a newcomer's work
   * waits there until someone claims it.
   */
  public static List<FilterDefinition> definitions(TaskService taskService) {
    return List.of(
        new FilterDefinition(
            Messages.thai("identity.filters.mine"),
            Messages.both("identity.filters.mine.description"),
            -5,
            "#1f6f43",
            taskService
                .createTaskQuery()
                .taskAssigneeExpression("${currentUser()}")
                .orderByDueDate()
                .asc()),
        new FilterDefinition(
            Messages.thai("identity.filters.groups"),
            Messages.both("identity.filters.groups.description"),
            -10,
            "#2a5d9f",
            taskService
                .createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskUnassigned()
                .orderByDueDate()
                .asc()),
        new FilterDefinition(
            Messages.thai("identity.filters.overdue"),
            Messages.both("identity.filters.overdue.description"),
            0,
            "#b3261e",
            taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc()),
        new FilterDefinition(
            Messages.thai("identity.filters.dueSoon"),
            Messages.both("identity.filters.dueSoon.description", DUE_SOON_DAYS),
            5,
            "#b26a00",
            taskService
                .createTaskQuery()
                .dueAfterExpression("${now()}")
                .dueBeforeExpression("${dateTime().plusDays(" + DUE_SOON_DAYS + ")}")
                .orderByDueDate()
                .asc()));
  }
}
