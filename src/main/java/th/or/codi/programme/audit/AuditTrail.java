package th.or.codi.programme.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import th.or.codi.programme.history.ProcessTree;
import th.or.codi.programme.ledger.LedgerEntry;
import th.or.codi.programme.ledger.LedgerWords;
import th.or.codi.programme.ledger.Ledgers;
import th.or.codi.programme.ledger.PipelineLedger;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * The audit trail of a programme or provincial-pipeline instance, running or completed, with every
 * process it called, as one chronological record. Everything comes from the engine's own history
 * (history level full): process and activity instances, tasks and their identity links, the
 * user-operation log with the variable updates each operation made, comments, incidents. Nothing is
 * kept in a log of our own, so nothing here can disagree with the engine.
 *
 * <p>The history of all the instances of a trail is read first, kind by kind ({@link
 * TrailHistory}); then each source ({@link TaskEntries}, {@link ActivityEntries}, {@link
 * OperatorActionEntries}, {@link EvidenceEntries}, {@link CommentEntries}, {@link IncidentEntries},
 * {@link RecordedValueEntries}, {@link ProcessEntries}) turns its part into entries, which are put
 * in time order, entries of the same instant by kind ({@link SameInstant}).
 *
 * <p>Reads run as the caller, with the caller's authorization checks on: {@link ProgrammeAccess}
 * lets in whoever may read the history of every process, and the engine then filters every query
 * here as it filters {@code /engine-rest/history/*}, so the trail can never show a caller more than
 * those endpoints would. Process names come with the history rows (the engine joins the
 * definition), so nothing is read about a definition apart from its history. Called without a
 * logged-in user (the application's own code, tests), the engine checks nothing and the whole
 * history is read.
 */
public class AuditTrail {

  private final ProcessEngine engine;
  private final HistoryService history;
  private final ObjectMapper json;
  private final Ledgers ledgers;

  /**
   * @param json the application's ObjectMapper, which reads recorded JSON values
   */
  public AuditTrail(ProcessEngine engine, ObjectMapper json) {
    this.engine = engine;
    this.history = engine.getHistoryService();
    this.json = json;
    this.ledgers = new Ledgers(engine, json);
  }

  /**
   * The whole trail of this instance and every process it called, oldest first; null when the
   * engine's history has no such instance.
   */
  public List<AuditEntry> trail(String processInstanceId) {
    HistoricProcessInstance root =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    return root == null ? null : entries(tree(root));
  }

  /** The entries matching the query, across the pipelines (and programmes) it selects. */
  public AuditReport search(AuditQuery query) {
    List<List<HistoricProcessInstance>> trees = new ArrayList<>();
    if (query.processInstanceId() != null) {
      HistoricProcessInstance one =
          history
              .createHistoricProcessInstanceQuery()
              .processInstanceId(query.processInstanceId())
              .singleResult();
      if (one != null) {
        trees.add(tree(one));
      }
    } else {
      HistoricProcessInstanceQuery pipelines =
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(ProgrammeProcesses.PIPELINE);
      if (query.provinceCode() != null) {
        pipelines.variableValueEquals("provinceCode", query.provinceCode());
      }
      if (query.wave() != null) {
        pipelines.variableValueEquals("wave", query.wave());
      }
      if (query.to() != null) {
        pipelines.startedBefore(Date.from(query.to()));
      }
      for (HistoricProcessInstance pipeline :
          pipelines
              .orderByProcessInstanceStartTime()
              .desc()
              .listPage(0, query.maxInstances() + 1)) {
        if (!endedBefore(pipeline, query.from())) {
          trees.add(tree(pipeline));
        }
      }
      if (query.provinceCode() == null && query.wave() == null) {
        // the programme's own steps (choosing provinces, reviewing waves), without its pipelines
        HistoricProcessInstanceQuery programmes =
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProgrammeProcesses.PROGRAMME);
        if (query.to() != null) {
          programmes.startedBefore(Date.from(query.to()));
        }
        for (HistoricProcessInstance programme :
            programmes
                .orderByProcessInstanceStartTime()
                .desc()
                .listPage(0, query.maxInstances() + 1)) {
          if (!endedBefore(programme, query.from())) {
            trees.add(List.of(programme));
          }
        }
      }
    }
    boolean truncated = trees.size() > query.maxInstances();
    List<HistoricProcessInstance> instances =
        trees.stream().limit(query.maxInstances()).flatMap(List::stream).toList();
    List<AuditEntry> matching = entries(instances).stream().filter(query::matches).toList();
    return new AuditReport(matching, (int) Math.min(trees.size(), query.maxInstances()), truncated);
  }

  /** A provincial pipeline, running or ended, as the audit page lists it. */
  public record PipelineSummary(
      String processInstanceId,
      String businessKey,
      String provinceCode,
      String provinceName,
      Long wave,
      String state,
      Instant started,
      Instant ended,
      String startedBy) {}

  /** The provincial pipelines, newest first, optionally of one province and wave. */
  public List<PipelineSummary> pipelines(String provinceCode, Long wave, int max) {
    HistoricProcessInstanceQuery query =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProgrammeProcesses.PIPELINE);
    if (provinceCode != null) {
      query.variableValueEquals("provinceCode", provinceCode);
    }
    if (wave != null) {
      query.variableValueEquals("wave", wave);
    }
    List<HistoricProcessInstance> found =
        query.orderByProcessInstanceStartTime().desc().listPage(0, max);
    Map<String, HistoricProcessInstance> byId = new LinkedHashMap<>();
    found.forEach(i -> byId.put(i.getId(), i));
    Map<String, PipelineContext> contexts =
        byId.isEmpty() ? Map.of() : PipelineContext.of(history, byId);
    return found.stream()
        .map(
            i -> {
              PipelineContext c = contexts.get(i.getId());
              String state =
                  i.getEndTime() == null
                      ? "running"
                      : "COMPLETED".equals(i.getState()) ? "completed" : "cancelled";
              return new PipelineSummary(
                  i.getId(),
                  i.getBusinessKey(),
                  c.provinceCode(),
                  c.provinceName(),
                  c.wave(),
                  state,
                  i.getStartTime().toInstant(),
                  i.getEndTime() == null ? null : i.getEndTime().toInstant(),
                  i.getStartUserId());
            })
        .toList();
  }

  private static boolean endedBefore(HistoricProcessInstance instance, Instant from) {
    return from != null
        && instance.getEndTime() != null
        && instance.getEndTime().toInstant().isBefore(from);
  }

  private List<HistoricProcessInstance> tree(HistoricProcessInstance root) {
    return ProcessTree.of(history, root);
  }

  /**
   * Where a trail's entries come from, in the order they are added for each instance; entries of
   * the same instant and rank ({@link SameInstant}) keep this order. A process's start comes first:
   * it shows the initial values. Tasks come before operators' actions, which show only the values a
   * task's completion did not; what the system recorded is what is left.
   */
  private static final List<EntrySource> SOURCES =
      List.of(
          ProcessEntries.STARTED,
          new TaskEntries(),
          new ActivityEntries(),
          new OperatorActionEntries(),
          new EvidenceEntries(),
          new CommentEntries(),
          new IncidentEntries(),
          new RecordedValueEntries(),
          ProcessEntries.ENDED);

  private List<AuditEntry> entries(List<HistoricProcessInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, HistoricProcessInstance> byId = new LinkedHashMap<>();
    instances.forEach(i -> byId.put(i.getId(), i));
    Map<String, PipelineContext> contexts = PipelineContext.of(history, byId);
    TrailHistory read = TrailHistory.read(engine, instances);
    Map<String, Integer> depth = new HashMap<>();
    List<RankedEntry> out = new ArrayList<>();
    Map<String, InstanceTrail> trails = new HashMap<>();
    for (HistoricProcessInstance instance : instances) {
      int d = depth.getOrDefault(instance.getSuperProcessInstanceId(), -1) + 1;
      depth.put(instance.getId(), d);
      InstanceTrail trail =
          new InstanceTrail(instance, contexts.get(instance.getId()), d, read, byId, out, json);
      trails.put(instance.getId(), trail);
      SOURCES.forEach(source -> source.addEntries(trail));
    }
    addLedgerEntries(instances, trails);
    out.sort(RankedEntry.CHRONOLOGICAL);
    return onlyNews(out.stream().map(RankedEntry::entry).toList());
  }

  /**
   * The ledger's figures of the trail's pipelines ({@link Ledgers}), each at the task whose
   * submission recorded it, so the auditor sees the figure next to the task that recorded it. A
   * trail of a stage alone (without its pipeline) has none: the ledger's rules read the whole
   * pipeline.
   */
  private void addLedgerEntries(
      List<HistoricProcessInstance> instances, Map<String, InstanceTrail> trails) {
    List<String> pipelines =
        instances.stream()
            .filter(i -> ProgrammeProcesses.PIPELINE.equals(i.getProcessDefinitionKey()))
            .map(HistoricProcessInstance::getId)
            .toList();
    if (pipelines.isEmpty()) {
      return;
    }
    for (PipelineLedger ledger : ledgers.ofPipelines(pipelines)) {
      for (LedgerEntry e : ledger.entries()) {
        InstanceTrail trail = trails.get(e.processInstanceId());
        if (trail == null) {
          continue;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ledgerStage", e.stage());
        values.put("ledgerKind", e.kind());
        values.put("ledgerSource", e.source());
        values.put("ledgerLine", e.line());
        values.put("ledgerLineName", e.lineName());
        values.put("ledgerMonth", e.month());
        values.put("ledgerAmount", e.amount());
        trail.add(
            Date.from(e.time()),
            AuditKind.LEDGER,
            e.userId() == null ? AuditEntry.UNKNOWN : e.userId(),
            e.activityId(),
            e.taskName(),
            e.taskId(),
            LedgerWords.describe(e),
            values);
      }
    }
  }

  /**
   * Keeps, of what the system recorded, only what is news: a call activity copies every variable
   * into the called process and back, which says nothing an auditor needs. A value is news when the
   * variable had a different value (or none) before it in the same pipeline, and consecutive
   * recordings of one process within a second are shown as one entry.
   */
  private static List<AuditEntry> onlyNews(List<AuditEntry> entries) {
    Map<String, Object> known = new HashMap<>();
    List<AuditEntry> out = new ArrayList<>();
    for (AuditEntry e : entries) {
      if (e.kind() != AuditKind.VALUES_RECORDED) {
        if (e.values() != null) {
          e.values().forEach((name, value) -> known.put(e.pipeline() + "|" + name, value));
        }
        out.add(e);
        continue;
      }
      Map<String, Object> news = new LinkedHashMap<>();
      e.values()
          .forEach(
              (name, value) -> {
                String key = e.pipeline() + "|" + name;
                boolean seen = known.containsKey(key);
                if ((seen && !Objects.equals(known.get(key), value)) || (!seen && value != null)) {
                  news.put(name, value);
                }
                known.put(key, value);
              });
      if (news.isEmpty()) {
        continue;
      }
      AuditEntry last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null
          && last.kind() == AuditKind.VALUES_RECORDED
          && last.processInstanceId().equals(e.processInstanceId())
          && !e.time().isAfter(last.time().plusSeconds(1))) {
        Map<String, Object> merged = new LinkedHashMap<>(last.values());
        merged.putAll(news);
        out.set(out.size() - 1, withValues(last, merged));
      } else {
        out.add(withValues(e, news));
      }
    }
    return out;
  }

  private static AuditEntry withValues(AuditEntry e, Map<String, Object> values) {
    return new AuditEntry(
        e.time(),
        e.kind(),
        e.actor(),
        e.pipeline(),
        e.provinceCode(),
        e.provinceName(),
        e.wave(),
        e.processKey(),
        e.processName(),
        e.processInstanceId(),
        e.activityId(),
        e.activityName(),
        e.taskId(),
        e.detail(),
        values,
        Map.of(),
        e.evidence());
  }
}
