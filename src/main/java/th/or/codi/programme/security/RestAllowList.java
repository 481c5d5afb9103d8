package th.or.codi.programme.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The operations of Camunda's REST API a person who is not an administrator may call, through
 * {@code /engine-rest} or the webapps' {@code /camunda/api/engine}: what Tasklist, Cockpit (read
 * only), Welcome and the programme's own pages use. Everything else answers 403 for everyone but
 * {@code camunda-admin} ({@link RestAllowListFilter}); a resource a new Camunda version adds is
 * therefore refused until it is added here. The engine's own authorization checks and {@link
 * CommandPolicy} still apply to what is allowed: the list narrows the surface, it grants nothing.
 * Each entry is the method and the path template of the resource method as its JAX-RS annotations
 * declare it (relative to the API's root, without {@code /engine/{name}}); the list is written down
 * in {@code docs/security.md}, and {@code RestAllowListTest} walks every resource method with each
 * role.
 */
public final class RestAllowList {

  /** Query parameters of which a job listing must carry one: jobs of processes only. */
  static final List<String> PROCESS_SCOPE =
      List.of("processInstanceId", "processDefinitionId", "processDefinitionKey", "executionId");

  /** Entries that hold only with one of the {@link #PROCESS_SCOPE} parameters. */
  static final Set<String> SCOPED =
      Set.of(
          "GET /job",
          "GET /job/count",
          "GET /job-definition",
          "GET /job-definition/count",
          "GET /history/job-log",
          "GET /history/job-log/count");

  /** Purpose → operations. */
  static final Map<String, List<String>> OPERATIONS = operations();

  private RestAllowList() {}

  private static Map<String, List<String>> operations() {
    Map<String, List<String>> ops = new LinkedHashMap<>();
    ops.put(
        "Tasklist: filters and task lists",
        List.of(
            "GET /filter",
            "GET /filter/count",
            "OPTIONS /filter",
            "GET /filter/{id}",
            "OPTIONS /filter/{id}",
            "GET /filter/{id}/list",
            "POST /filter/{id}/list",
            "GET /filter/{id}/count",
            "POST /filter/{id}/count",
            "GET /filter/{id}/singleResult",
            "POST /filter/{id}/singleResult",
            "GET /task",
            "POST /task",
            "GET /task/count",
            "POST /task/count"));
    ops.put(
        "Tasklist: a task, its form, comments and attachments",
        List.of(
            "GET /task/{id}",
            "GET /task/{id}/form",
            "GET /task/{id}/deployed-form",
            "GET /task/{id}/rendered-form",
            "GET /task/{id}/form-variables",
            "GET /task/{id}/variables",
            "GET /task/{id}/variables/{varId}",
            "GET /task/{id}/variables/{varId}/data",
            "GET /task/{id}/localVariables",
            "GET /task/{id}/localVariables/{varId}",
            "GET /task/{id}/localVariables/{varId}/data",
            "GET /task/{id}/identity-links",
            "GET /task/{id}/comment",
            "GET /task/{id}/comment/{commentId}",
            "GET /task/{id}/attachment",
            "GET /task/{id}/attachment/{attachmentId}",
            "GET /task/{id}/attachment/{attachmentId}/data"));
    ops.put(
        "Tasklist: working on a task (the engine rules decide who and with what)",
        List.of(
            "POST /task/{id}/claim",
            "POST /task/{id}/unclaim",
            "POST /task/{id}/assignee",
            "POST /task/{id}/complete",
            "POST /task/{id}/submit-form",
            "POST /task/{id}/comment/create",
            "POST /task/{id}/attachment/create"));
    ops.put(
        "Tasklist: starting a process with its start form; forms and diagrams",
        List.of(
            "GET /process-definition",
            "GET /process-definition/count",
            "GET /process-definition/{id}",
            "GET /process-definition/key/{key}",
            "GET /process-definition/{id}/startForm",
            "GET /process-definition/key/{key}/startForm",
            "GET /process-definition/{id}/deployed-start-form",
            "GET /process-definition/key/{key}/deployed-start-form",
            "GET /process-definition/{id}/rendered-form",
            "GET /process-definition/key/{key}/rendered-form",
            "GET /process-definition/{id}/form-variables",
            "GET /process-definition/key/{key}/form-variables",
            "GET /process-definition/{id}/xml",
            "GET /process-definition/key/{key}/xml",
            "GET /process-definition/{id}/diagram",
            "GET /process-definition/key/{key}/diagram",
            "POST /process-definition/{id}/submit-form",
            "POST /process-definition/key/{key}/submit-form",
            "POST /process-definition/{id}/start",
            "POST /process-definition/key/{key}/start",
            "GET /deployment/{id}/resources",
            "GET /deployment/{id}/resources/{resourceId}",
            "GET /deployment/{id}/resources/{resourceId}/data"));
    ops.put(
        "People and groups: names, one's own profile and password (Welcome)",
        List.of(
            "GET /user",
            "GET /user/count",
            "OPTIONS /user",
            "OPTIONS /user/{id}",
            "GET /user/{id}/profile",
            "PUT /user/{id}/profile",
            "PUT /user/{id}/credentials",
            "GET /group",
            "POST /group",
            "GET /group/count",
            "POST /group/count",
            "OPTIONS /group",
            "GET /group/{id}",
            "OPTIONS /group/{id}",
            "OPTIONS /group/{id}/members",
            "GET /identity/groups",
            "GET /identity/password-policy",
            "POST /identity/password-policy",
            "GET /tenant",
            "GET /tenant/count",
            "GET /authorization/check"));
    ops.put(
        "Everyone, also before logging in: the engines' names and Camunda's version",
        List.of("GET /engine", "GET /version"));
    ops.put(
        "Cockpit, read only: definitions, deployments, running instances",
        List.of(
            "GET /process-definition/statistics",
            "GET /process-definition/{id}/statistics",
            "GET /process-definition/key/{key}/statistics",
            "GET /process-definition/{id}/static-called-process-definitions",
            "GET /process-definition/key/{key}/static-called-process-definitions",
            "GET /decision-definition",
            "GET /decision-definition/count",
            "GET /decision-definition/{id}",
            "GET /decision-definition/key/{key}",
            "GET /decision-definition/{id}/xml",
            "GET /decision-definition/key/{key}/xml",
            "GET /decision-definition/{id}/diagram",
            "GET /decision-definition/key/{key}/diagram",
            "GET /decision-requirements-definition",
            "GET /decision-requirements-definition/count",
            "GET /decision-requirements-definition/{id}",
            "GET /decision-requirements-definition/key/{key}",
            "GET /decision-requirements-definition/{id}/xml",
            "GET /decision-requirements-definition/key/{key}/xml",
            "GET /decision-requirements-definition/{id}/diagram",
            "GET /decision-requirements-definition/key/{key}/diagram",
            "GET /deployment",
            "GET /deployment/count",
            "GET /deployment/{id}",
            "GET /process-instance",
            "POST /process-instance",
            "GET /process-instance/count",
            "POST /process-instance/count",
            "GET /process-instance/{id}",
            "GET /process-instance/{id}/activity-instances",
            "GET /process-instance/{id}/variables",
            "GET /process-instance/{id}/variables/{varId}",
            "GET /process-instance/{id}/variables/{varId}/data",
            "GET /process-instance/{id}/comment",
            "GET /execution",
            "POST /execution",
            "GET /execution/count",
            "POST /execution/count",
            "GET /execution/{id}",
            "GET /execution/{id}/localVariables",
            "GET /execution/{id}/localVariables/{varId}",
            "GET /execution/{id}/localVariables/{varId}/data",
            "GET /variable-instance",
            "POST /variable-instance",
            "GET /variable-instance/count",
            "POST /variable-instance/count",
            "GET /variable-instance/{id}",
            "GET /variable-instance/{id}/data",
            "GET /incident",
            "GET /incident/count",
            "GET /incident/{id}",
            "GET /event-subscription",
            "GET /event-subscription/count",
            "GET /task/report/candidate-group-count",
            // the dashboard counts case definitions (the programme has none; CMMN checks no grants)
            "GET /case-definition/count",
            "GET /job",
            "GET /job/count",
            "GET /job-definition",
            "GET /job-definition/count"));
    ops.put(
        "Cockpit, read only: history and the user-operation log (the engine grants it per role)",
        List.of(
            "GET /history/process-instance",
            "POST /history/process-instance",
            "GET /history/process-instance/count",
            "POST /history/process-instance/count",
            "GET /history/process-instance/{id}",
            "GET /history/process-instance/report",
            "GET /history/activity-instance",
            "POST /history/activity-instance",
            "GET /history/activity-instance/count",
            "POST /history/activity-instance/count",
            "GET /history/activity-instance/{id}",
            "GET /history/task",
            "POST /history/task",
            "GET /history/task/count",
            "POST /history/task/count",
            "GET /history/task/report",
            "GET /history/variable-instance",
            "POST /history/variable-instance",
            "GET /history/variable-instance/count",
            "POST /history/variable-instance/count",
            "GET /history/variable-instance/{id}",
            "GET /history/variable-instance/{id}/data",
            "GET /history/detail",
            "POST /history/detail",
            "GET /history/detail/count",
            "GET /history/detail/{id}",
            "GET /history/detail/{id}/data",
            "GET /history/user-operation",
            "GET /history/user-operation/count",
            "GET /history/identity-link-log",
            "GET /history/identity-link-log/count",
            "GET /history/incident",
            "GET /history/incident/count",
            "GET /history/decision-instance",
            "GET /history/decision-instance/count",
            "GET /history/decision-instance/{id}",
            "GET /history/process-definition/{id}/statistics",
            "GET /history/decision-requirements-definition/{id}/statistics",
            "GET /history/job-log",
            "GET /history/job-log/count"));
    return ops;
  }

  /**
   * Whether a non-administrator may call {@code "METHOD /template"} with these query parameters.
   */
  static boolean allows(String operation, Predicate<String> hasQueryParameter) {
    boolean listed = OPERATIONS.values().stream().anyMatch(list -> list.contains(operation));
    if (!listed) {
      return false;
    }
    return !SCOPED.contains(operation) || PROCESS_SCOPE.stream().anyMatch(hasQueryParameter);
  }
}
