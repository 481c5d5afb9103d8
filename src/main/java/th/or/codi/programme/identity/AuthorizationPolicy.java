package th.or.codi.programme.identity;

import static th.or.codi.programme.identity.ProgrammeGroups.ADMINISTRATORS;
import static th.or.codi.programme.identity.ProgrammeGroups.AUDITORS;
import static th.or.codi.programme.identity.ProgrammeGroups.MANAGERS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * Who may do what, as group grants. Task-level rights are not here: the engine grants the
 * assignee and the candidate groups of a task READ and TASK_WORK on that task
 * ({@code default-user-permission-name-for-task}), so a province's movement sees and
 * completes only its own tasks.
 *
 * <ul>
 *   <li>Tasklist: the three parties, the working group and the managers.
 *   <li>Cockpit: managers and auditors, read-only: no UPDATE, DELETE, SUSPEND, RETRY or
 *       modification right on anything. Managers may start the programme's processes.
 *   <li>Auditors also read history and the user-operation log.
 *   <li>Admin (and everything else): {@code camunda-admin} only.
 * </ul>
 */
public final class AuthorizationPolicy {

  public static final String ANY = "*";
  /** Processes managers start from Tasklist. */
  public static final List<String> STARTED_BY_MANAGERS = List.of("regionalProgramme", "provincialPipeline");

  private AuthorizationPolicy() {}

  /** A GRANT authorization for a group on one resource. */
  public record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
    Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      this(groupId, resource, resourceId, List.of(permissions));
    }
  }

  public static List<Grant> grants(ProvinceReferenceData referenceData) {
    List<Grant> grants = new ArrayList<>();
    for (String group : ProgrammeGroups.tasklistGroups(referenceData)) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      // Tasklist shows the process name and the deployed form of each task.
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
      // Names of the people and groups a task is assigned to.
      grants.add(new Grant(group, Resources.USER, ANY, Permissions.READ));
      grants.add(new Grant(group, Resources.GROUP, ANY, Permissions.READ));
    }
    grants.addAll(readOnlyCockpit(MANAGERS));
    // Managers start the regional programme (and, by exception, a single provincial pipeline).
    grants.add(new Grant(MANAGERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
    for (String startable : STARTED_BY_MANAGERS) {
      grants.add(new Grant(MANAGERS, Resources.PROCESS_DEFINITION, startable, ProcessDefinitionPermissions.CREATE_INSTANCE));
    }
    grants.addAll(readOnlyCockpit(AUDITORS));
    grants.add(new Grant(AUDITORS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));
    grants.add(new Grant(AUDITORS, Resources.USER, ANY, Permissions.READ));
    grants.add(new Grant(AUDITORS, Resources.GROUP, ANY, Permissions.READ));
    for (Resource resource : Resources.values()) {
      grants.add(new Grant(ADMINISTRATORS, resource, ANY, Permissions.ALL));
    }
    return grants;
  }

  private static List<Grant> readOnlyCockpit(String group) {
    return Arrays.asList(
        new Grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
        new Grant(group, Resources.PROCESS_DEFINITION, ANY,
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK),
        new Grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
        new Grant(group, Resources.TASK, ANY, TaskPermissions.READ),
        new Grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ),
        new Grant(group, Resources.DECISION_DEFINITION, ANY,
            Permissions.READ, Permissions.READ_HISTORY),
        new Grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
        new Grant(group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ),
        new Grant(group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
  }
}
