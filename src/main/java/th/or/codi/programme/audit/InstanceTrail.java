package th.or.codi.programme.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import th.or.codi.programme.history.HistoricValues;

/**
 * One process instance of a trail while its entries are built: its history (already read), its
 * pipeline context, its depth in the tree, and the variable updates no entry has shown yet. The
 * entry sources ({@link EntrySource}) add to it in turn.
 */
final class InstanceTrail {

  final HistoricProcessInstance instance;
  final TrailHistory history;

  /** Every instance of the trail, by id. */
  final Map<String, HistoricProcessInstance> tree;

  /** The instance's user-operation log by operation, oldest first. */
  final Map<String, List<UserOperationLogEntry>> operations;

  private final PipelineContext context;
  private final int depth;
  private final List<RankedEntry> out;
  final ObjectMapper json;
  private final Set<String> shownUpdates = new HashSet<>();

  InstanceTrail(
      HistoricProcessInstance instance,
      PipelineContext context,
      int depth,
      TrailHistory history,
      Map<String, HistoricProcessInstance> tree,
      List<RankedEntry> out,
      ObjectMapper json) {
    this.json = json;
    this.instance = instance;
    this.context = context;
    this.depth = depth;
    this.history = history;
    this.tree = tree;
    this.out = out;
    this.operations = history.operations(instance.getId());
  }

  String id() {
    return instance.getId();
  }

  /** The instance's variable updates, in the order they occurred. */
  List<HistoricVariableUpdate> updates() {
    return history.updates(instance.getId());
  }

  /** Whether an entry already shows this update. */
  boolean shown(HistoricVariableUpdate update) {
    return shownUpdates.contains(update.getId());
  }

  /** The values of the updates that match, in order, as plain data; they count as shown. */
  Map<String, Object> show(Predicate<HistoricVariableUpdate> which) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (HistoricVariableUpdate u : updates()) {
      if (which.test(u)) {
        values.put(u.getVariableName(), HistoricValues.plain(json, u));
        shownUpdates.add(u.getId());
      }
    }
    return values;
  }

  /** Adds an entry ranked by its kind; nothing when the time is unknown. */
  void add(
      Date time,
      AuditKind kind,
      String actor,
      String activityId,
      String activityName,
      String taskId,
      String detail,
      Map<String, Object> values) {
    add(SameInstant.of(kind), time, kind, actor, activityId, activityName, taskId, detail, values);
  }

  /**
   * Adds an entry of this rank among the entries of its instant; nothing when the time is unknown.
   */
  void add(
      SameInstant rank,
      Date time,
      AuditKind kind,
      String actor,
      String activityId,
      String activityName,
      String taskId,
      String detail,
      Map<String, Object> values) {
    add(rank, time, kind, actor, activityId, activityName, taskId, detail, values, null);
  }

  /** Adds an entry showing an evidence file; nothing when the time is unknown. */
  void add(
      SameInstant rank,
      Date time,
      AuditKind kind,
      String actor,
      String activityId,
      String activityName,
      String taskId,
      String detail,
      Map<String, Object> values,
      AuditEntry.Evidence evidence) {
    if (time == null) {
      return;
    }
    out.add(
        new RankedEntry(
            new AuditEntry(
                time.toInstant(),
                kind,
                actor,
                context.pipeline(),
                context.provinceCode(),
                context.provinceName(),
                context.wave(),
                instance.getProcessDefinitionKey(),
                processName(instance),
                instance.getId(),
                activityId,
                activityName,
                taskId,
                detail == null || detail.isBlank() ? null : detail,
                values,
                history.labels.of(
                    instance.getProcessDefinitionId(),
                    activityId == null && kind == AuditKind.PROCESS_STARTED
                        ? instance.getStartActivityId()
                        : activityId,
                    values),
                evidence),
            rank,
            depth));
  }

  static String processName(HistoricProcessInstance instance) {
    return instance.getProcessDefinitionName() != null
        ? instance.getProcessDefinitionName()
        : instance.getProcessDefinitionKey();
  }
}
