package th.or.codi.programme.identity;

import static th.or.codi.programme.identity.ProgrammeGroups.ADMINISTRATORS;
import static th.or.codi.programme.identity.ProgrammeGroups.AUDITORS;
import static th.or.codi.programme.identity.ProgrammeGroups.MANAGERS;

import java.util.ArrayList;
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
import th.or.codi.programme.processes.ProgrammeProcesses;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * Who may read and do what: the programme's one authorization model, written as engine grants.
 * Everything else asks the engine about these grants instead of keeping a list of its own: the
 * engine filters every query of Tasklist, Cockpit and {@code /engine-rest} by them, the audit trail
 * and the dashboard read as the caller (so through the same filter), and {@code
 * audit/ProgrammeAccess} opens those views to whoever holds {@link #READS_HISTORY} and {@link
 * #READS_RUNNING}. A role therefore gets the same answer from the trail, the dashboard and {@code
 * /history/*}.
 *
 * <table>
 *   <caption>Roles</caption>
 *   <tr><th>group</th><th>reads</th><th>writes</th></tr>
 *   <tr><td>codi, thaihealth, community-&lt;slug&gt;, joint-&lt;slug&gt;, working-group</td>
 *       <td>their own tasks (as assignee or candidate), process and form definitions, names of
 *       users and groups, the shared Tasklist filters; no history</td>
 *       <td>claim and complete their own tasks</td></tr>
 *   <tr><td>managers</td><td>like auditors, and Tasklist</td>
 *       <td>start the regional programme and a provincial pipeline; their own tasks</td></tr>
 *   <tr><td>auditors</td><td>every process, instance, task and decision, their history and
 *       the user-operation log; the audit trail with its exports, the dashboard</td>
 *       <td>nothing</td></tr>
 *   <tr><td>monitoring</td><td>nothing in the engine ({@code /actuator/prometheus} only,
 *       {@code security/MetricsAccess})</td><td>nothing</td></tr>
 *   <tr><td>camunda-admin</td><td>everything</td><td>everything; the engine's housekeeping
 *       (history cleanup, batches, metrics) is theirs only</td></tr>
 * </table>
 *
 * <p>Task-level rights are not here: the engine grants the assignee and the candidate groups of a
 * task READ and TASK_WORK on that task ({@code default-user-permission-name-for-task}), so a
 * province's movement sees and completes only its own tasks, and managers work only the tasks the
 * models give them. Managers and auditors hold no UPDATE, DELETE, SUSPEND, RETRY, TASK_WORK,
 * TASK_ASSIGN or modification right on anything.
 *
 * <p>History is read per process definition ({@code READ_HISTORY}); the engine's historic instance
 * permissions ({@code enableHistoricInstancePermissions}) stay off, so the HISTORIC_* grants below
 * only take effect if an operator turns them on, and then say the same.
 *
 * <p>Housekeeping: batches (BATCH) and the batch history are granted to nobody but administrators.
 * Three things the engine shows without asking for a grant, so no grant can hide them: jobs and job
 * logs without a process definition (the history-cleanup job, batch jobs) are listed to every
 * authenticated user, {@code GET /history/cleanup/jobs} and the metrics ({@code /metrics}) check
 * nothing; the REST allow-list refuses those to non-administrators. And a grant of READ on every
 * process definition ({@code *}), which Tasklist needs, also lists the job definitions that belong
 * to no process definition (those of a running batch: its type, no data).
 */
public final class AuthorizationPolicy {

  public static final String ANY = "*";

  /** Processes managers start from Tasklist. */
  public static final List<String> STARTED_BY_MANAGERS =
      List.of(ProgrammeProcesses.PROGRAMME, ProgrammeProcesses.PIPELINE);

  /** The groups who read the programme's whole history, the audit trail and the dashboard. */
  public static final List<String> PROGRAMME_READERS = List.of(MANAGERS, AUDITORS);

  /** A right on every resource of a type. */
  public record Right(Resource resource, Permission permission) {}

  /**
   * What the audit trail and its exports need: the history of every process (the engine's condition
   * for {@code /history/process-instance}, {@code activity-instance}, {@code task}, {@code
   * variable-instance}, {@code detail}, {@code user-operation}, {@code incident}, {@code job-log}
   * and the identity-link log).
   */
  public static final List<Right> READS_HISTORY =
      List.of(new Right(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_HISTORY));

  /** What the dashboard needs besides the history: running instances, their variables and tasks. */
  public static final List<Right> READS_RUNNING =
      List.of(
          new Right(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_INSTANCE),
          new Right(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_TASK));

  private AuthorizationPolicy() {}

  /** A GRANT authorization for a group on one resource. */
  public record Grant(
      String groupId, Resource resource, String resourceId, List<Permission> permissions) {
    Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      this(groupId, resource, resourceId, List.of(permissions));
    }
  }

  public static List<Grant> grants(ProvinceReferenceData referenceData) {
    List<Grant> grants = new ArrayList<>();
    for (String group : ProgrammeGroups.tasklistGroups(referenceData)) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      // Tasklist shows the process name and the deployed form of each task.
      grants.add(
          new Grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
      // Names of the people and groups a task is assigned to.
      grants.add(new Grant(group, Resources.USER, ANY, Permissions.READ));
      grants.add(new Grant(group, Resources.GROUP, ANY, Permissions.READ));
    }
    for (String reader : PROGRAMME_READERS) {
      grants.addAll(programmeReader(reader));
    }
    // Managers start the regional programme (and, by exception, a single provincial pipeline).
    grants.add(
        new Grant(MANAGERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
    for (String startable : STARTED_BY_MANAGERS) {
      grants.add(
          new Grant(
              MANAGERS,
              Resources.PROCESS_DEFINITION,
              startable,
              ProcessDefinitionPermissions.CREATE_INSTANCE));
    }
    for (Resource resource : Resources.values()) {
      grants.add(new Grant(ADMINISTRATORS, resource, ANY, Permissions.ALL));
    }
    return grants;
  }

  /**
   * Cockpit, read-only, with the whole history and the user-operation log: what managers and
   * auditors read. Nothing here writes; nothing here reaches batches or metrics.
   */
  private static List<Grant> programmeReader(String group) {
    return List.of(
        new Grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
        new Grant(
            group,
            Resources.PROCESS_DEFINITION,
            ANY,
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_TASK),
        new Grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
        new Grant(group, Resources.TASK, ANY, TaskPermissions.READ),
        new Grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ),
        new Grant(
            group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
        new Grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
        new Grant(
            group,
            Resources.HISTORIC_PROCESS_INSTANCE,
            ANY,
            HistoricProcessInstancePermissions.READ),
        new Grant(group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ),
        new Grant(
            group, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ),
        new Grant(group, Resources.USER, ANY, Permissions.READ),
        new Grant(group, Resources.GROUP, ANY, Permissions.READ));
  }
}
