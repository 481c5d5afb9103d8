package th.or.codi.programme.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.history.HistoricValues;
import th.or.codi.programme.history.ProcessTree;

/**
 * A pipeline's ledger, read from the engine's history as the caller: the pipeline's process tree
 * ({@link ProcessTree}), the variable updates of every instance in it, the completed tasks and the
 * "Complete" operations of the user-operation log, which say which updates a person submitted
 * (those of the task's completion, as the audit trail's task entries show them) and who. The rules
 * that make figures of them are {@link LedgerBook}'s.
 *
 * <p>Queries for many pipelines at once: one for the pipelines, one for their trees, one for their
 * tasks and one for the variable updates of all instances (each in chunks of {@value #CHUNK}), and
 * one per instance with completed tasks for its completions (the engine's log query takes one
 * process instance). Every query is the caller's, so the engine filters what a caller without the
 * grants cannot read.
 */
@Component("ledgers")
public class Ledgers {

  private static final int CHUNK = 500;

  private final HistoryService history;
  private final ObjectMapper json;

  /**
   * @param json the application's ObjectMapper, which reads recorded JSON values
   */
  @Autowired
  public Ledgers(ProcessEngine engine, ObjectMapper json) {
    this.history = engine.getHistoryService();
    this.json = json;
  }

  /**
   * For readers built outside Spring without the application's ObjectMapper (the dashboard): JSON
   * values are read back into plain lists and maps, for which a default ObjectMapper is enough.
   */
  public Ledgers(ProcessEngine engine) {
    this(engine, new ObjectMapper());
  }

  /** Source → the sum over the three stages of stage → source → amount; every source present. */
  public static Map<String, BigDecimal> bySource(Map<String, Map<String, BigDecimal>> byStage) {
    return LedgerBook.bySource(byStage);
  }

  /** A zero-filled source → amount map, for totals over many ledgers. */
  public static Map<String, BigDecimal> noMoney() {
    Map<String, BigDecimal> zero = new LinkedHashMap<>();
    LedgerBook.SOURCES.forEach(source -> zero.put(source, LedgerBook.zero()));
    return zero;
  }

  /** The ledger's sources, in order: {@code codi}, {@code thaihealth}, {@code other}. */
  public static List<String> sources() {
    return LedgerBook.SOURCES;
  }

  /** The ledger's stages, in order: {@code forum}, {@code study-visit}, {@code joint-plan}. */
  public static List<String> stages() {
    return LedgerBook.STAGES;
  }

  /**
   * Task listener ({@code create}) of the evaluation ({@code Activity_EvaluateOutcomes}): puts on
   * the task, as local TEXT variables, {@code evaluationIndicators} (each indicator's baseline,
   * target, latest value reached, % and whether on target) and {@code evaluationMoney} (per source
   * money approved against spent, per stage and in total; the completion report's total and its
   * reason for a difference), which the form shows read-only. Read without the current user's
   * grants: the task is created while a community member completes the implementation, and the
   * figures are the pipeline's own, shown to whoever may work on its evaluation. The completion
   * report of this very transaction is not in history yet, so its total, reason and final indicator
   * values are taken from the pipeline's variables (the stage hands them back).
   */
  public void prepareEvaluation(DelegateTask task) {
    String pipelineId = task.getProcessInstanceId();
    PipelineLedger read =
        EngineHooks.withoutAuthentication(
            task.getProcessEngineServices().getIdentityService(), () -> ofPipeline(pipelineId));
    if (read == null) {
      return;
    }
    Object total = task.getVariable("totalSpent");
    Object reason = task.getVariable("spendingDifferenceReason");
    List<IndicatorResult> indicators =
        LedgerBook.withReached(read.indicators(), plainRows(task.getVariable("indicatorProgress")));
    PipelineLedger ledger =
        new PipelineLedger(
            read.pipelineId(),
            read.businessKey(),
            read.provinceCode(),
            read.wave(),
            read.entries(),
            read.requested(),
            read.approved(),
            read.spent(),
            indicators,
            total != null ? LedgerBook.money(total) : read.reportedTotalSpent(),
            reason != null && !reason.toString().isBlank()
                ? reason.toString()
                : read.spendingDifferenceReason());
    task.setVariableLocal(
        "evaluationIndicators", Variables.stringValue(EvaluationTexts.indicators(indicators)));
    task.setVariableLocal("evaluationMoney", Variables.stringValue(EvaluationTexts.money(ledger)));
  }

  private List<Map<String, Object>> plainRows(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?>) {
      return LedgerBook.rows(value);
    }
    try {
      return LedgerBook.rows(json.readValue(value.toString(), Object.class));
    } catch (Exception e) {
      return List.of();
    }
  }

  /** The ledger of one pipeline; null when history has no such process instance. */
  public PipelineLedger ofPipeline(String processInstanceId) {
    List<PipelineLedger> one = ofPipelines(List.of(processInstanceId));
    return one.isEmpty() ? null : one.get(0);
  }

  /** The ledgers of these pipelines, in the order given; ids history does not know are left out. */
  public List<PipelineLedger> ofPipelines(Collection<String> processInstanceIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(processInstanceIds));
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, HistoricProcessInstance> roots = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      history
          .createHistoricProcessInstanceQuery()
          .processInstanceIds(
              new LinkedHashSet<>(ids.subList(from, Math.min(ids.size(), from + CHUNK))))
          .list()
          .forEach(i -> roots.put(i.getId(), i));
    }
    List<HistoricProcessInstance> found =
        ids.stream().map(roots::get).filter(Objects::nonNull).toList();
    Map<String, List<HistoricProcessInstance>> trees = ProcessTree.ofAll(history, found);
    Map<String, HistoricProcessInstance> instances = new LinkedHashMap<>();
    trees.values().forEach(tree -> tree.forEach(i -> instances.put(i.getId(), i)));
    Map<String, List<HistoricVariableUpdate>> updates = updates(List.copyOf(instances.keySet()));
    Map<String, List<HistoricTaskInstance>> treeTasks = tasks(found);
    List<PipelineLedger> out = new ArrayList<>();
    for (Map.Entry<String, List<HistoricProcessInstance>> tree : trees.entrySet()) {
      HistoricProcessInstance root = roots.get(tree.getKey());
      List<Submission> submissions = new ArrayList<>();
      Map<String, List<HistoricTaskInstance>> tasks =
          root.getRootProcessInstanceId() != null && root.getBusinessKey() != null
              ? treeTasks
              : tasks(root);
      for (HistoricProcessInstance instance : tree.getValue()) {
        submissions.addAll(
            submissions(
                instance,
                updates.getOrDefault(instance.getId(), List.of()),
                tasks.getOrDefault(instance.getId(), List.of())));
      }
      submissions.sort(Comparator.comparing(Submission::time));
      List<HistoricVariableUpdate> own = updates.getOrDefault(root.getId(), List.of());
      Object province = latest(own, root.getId(), "provinceCode");
      Object wave = latest(own, root.getId(), "wave");
      out.add(
          LedgerBook.book(
              root.getId(),
              root.getBusinessKey(),
              province == null ? null : province.toString(),
              wave instanceof Number n ? n.longValue() : null,
              submissions));
    }
    return out;
  }

  private Map<String, List<HistoricVariableUpdate>> updates(List<String> ids) {
    Map<String, List<HistoricVariableUpdate>> updates = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
      history
          .createHistoricDetailQuery()
          .processInstanceIdIn(chunk)
          .variableUpdates()
          .disableCustomObjectDeserialization()
          .orderPartiallyByOccurrence()
          .asc()
          .list()
          .forEach(
              d ->
                  updates
                      .computeIfAbsent(d.getProcessInstanceId(), k -> new ArrayList<>())
                      .add((HistoricVariableUpdate) d));
    }
    return updates;
  }

  /**
   * The completed tasks of these pipelines' trees, by process instance id, in one query (per
   * {@value #CHUNK} business keys) instead of one per pipeline: those of the instances that share
   * the pipelines' business keys, which every instance of their trees has ({@link
   * ProcessTree#ofAll}); only the trees' own are ever looked up. Pipelines without a business key
   * or root instance id are read by {@link #tasks(HistoricProcessInstance)}.
   */
  private Map<String, List<HistoricTaskInstance>> tasks(List<HistoricProcessInstance> roots) {
    List<String> keys =
        List.copyOf(
            roots.stream()
                .filter(r -> r.getRootProcessInstanceId() != null && r.getBusinessKey() != null)
                .map(HistoricProcessInstance::getBusinessKey)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    Map<String, List<HistoricTaskInstance>> tasks = new HashMap<>();
    for (int from = 0; from < keys.size(); from += CHUNK) {
      history
          .createHistoricTaskInstanceQuery()
          .finished()
          .processInstanceBusinessKeyIn(
              keys.subList(from, Math.min(keys.size(), from + CHUNK)).toArray(String[]::new))
          .list()
          .forEach(
              t -> tasks.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>()).add(t));
    }
    return tasks;
  }

  private Map<String, List<HistoricTaskInstance>> tasks(HistoricProcessInstance root) {
    Map<String, List<HistoricTaskInstance>> tasks = new HashMap<>();
    var query = history.createHistoricTaskInstanceQuery().finished();
    (root.getRootProcessInstanceId() != null
            ? query.rootProcessInstanceId(root.getRootProcessInstanceId())
            : query.processInstanceId(root.getId()))
        .list()
        .forEach(
            t -> tasks.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>()).add(t));
    return tasks;
  }

  /**
   * What each completed task of the instance submitted: the updates its "Complete" operation wrote
   * on the task or in the task's activity instance; and the registration of a joint agreement.
   */
  private List<Submission> submissions(
      HistoricProcessInstance instance,
      List<HistoricVariableUpdate> updates,
      List<HistoricTaskInstance> tasks) {
    List<Submission> out = new ArrayList<>();
    String key = instance.getProcessDefinitionKey();
    if (!tasks.isEmpty()) {
      Map<String, UserOperationLogEntry> completions = new HashMap<>();
      for (UserOperationLogEntry op :
          history
              .createUserOperationLogQuery()
              .processInstanceId(instance.getId())
              .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
              .list()) {
        if (op.getTaskId() != null) {
          completions.putIfAbsent(op.getTaskId(), op);
        }
      }
      for (HistoricTaskInstance task : tasks) {
        if (!"completed".equals(task.getDeleteReason())) {
          continue;
        }
        UserOperationLogEntry complete = completions.get(task.getId());
        String operation = complete == null ? null : complete.getOperationId();
        Map<String, Object> values = new LinkedHashMap<>();
        if (operation != null) {
          for (HistoricVariableUpdate u : updates) {
            if (operation.equals(u.getUserOperationId())
                && (task.getId().equals(u.getTaskId())
                    || Objects.equals(task.getActivityInstanceId(), u.getActivityInstanceId()))) {
              values.put(u.getVariableName(), HistoricValues.plain(json, u));
            }
          }
        }
        out.add(
            new Submission(
                instance.getId(),
                key,
                task.getId(),
                task.getName(),
                task.getTaskDefinitionKey(),
                complete != null && complete.getUserId() != null
                    ? complete.getUserId()
                    : task.getAssignee(),
                task.getEndTime().toInstant(),
                values));
      }
    }
    for (HistoricVariableUpdate u : updates) {
      if (u.getTaskId() == null && "agreementNumber".equals(u.getVariableName())) {
        out.add(
            new Submission(
                instance.getId(),
                key,
                null,
                null,
                null,
                null,
                u.getTime().toInstant(),
                Map.of("agreementNumber", String.valueOf(HistoricValues.plain(json, u)))));
      }
    }
    return out;
  }

  private Object latest(List<HistoricVariableUpdate> updates, String scope, String name) {
    Object value = null;
    for (HistoricVariableUpdate u : updates) {
      if (name.equals(u.getVariableName())
          && u.getTaskId() == null
          && scope.equals(u.getActivityInstanceId())) {
        value = HistoricValues.plain(json, u);
      }
    }
    return value;
  }
}
