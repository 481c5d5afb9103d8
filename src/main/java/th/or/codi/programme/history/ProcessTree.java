package th.or.codi.programme.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/** The process tree of an instance in the engine's history. */
public final class ProcessTree {

  private static final int CHUNK = 500;

  private ProcessTree() {}

  /**
   * The instance and every process it called, recursively, parents first. One query on the root
   * process instance (indexed) instead of one per level on the super instance, which the history
   * table has no index for: at 100,000 pipelines that was a full scan per level. History written
   * without root instance ids (before Camunda 7.10) is still read level by level.
   */
  public static List<HistoricProcessInstance> of(
      HistoryService history, HistoricProcessInstance root) {
    Function<String, List<HistoricProcessInstance>> childrenOf;
    if (root.getRootProcessInstanceId() == null) {
      childrenOf =
          id ->
              history
                  .createHistoricProcessInstanceQuery()
                  .superProcessInstanceId(id)
                  .orderByProcessInstanceStartTime()
                  .asc()
                  .list();
    } else {
      childrenOf =
          children(
              history
                  .createHistoricProcessInstanceQuery()
                  .rootProcessInstanceId(root.getRootProcessInstanceId())
                  .orderByProcessInstanceStartTime()
                  .asc()
                  .list());
    }
    return walk(root, childrenOf);
  }

  /**
   * The trees of many instances, by instance id, in their order, each as {@link #of} reads it, with
   * one query for all of them (per {@value #CHUNK} business keys) instead of one per instance: the
   * instances that share their business keys (indexed), of which the walk down the super instance
   * links keeps each tree's own. That finds every process they called because the pipeline's call
   * activities pass the business key on to the stage they start ({@code camunda:in businessKey}),
   * and the stages call nothing. An instance without a business key or without a root instance id
   * (history before Camunda 7.10) is read with {@link #of}.
   */
  public static Map<String, List<HistoricProcessInstance>> ofAll(
      HistoryService history, Collection<HistoricProcessInstance> roots) {
    List<String> keys =
        List.copyOf(
            roots.stream()
                .filter(r -> r.getBusinessKey() != null && r.getRootProcessInstanceId() != null)
                .map(HistoricProcessInstance::getBusinessKey)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    List<HistoricProcessInstance> sharingKeys = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += CHUNK) {
      sharingKeys.addAll(
          history
              .createHistoricProcessInstanceQuery()
              .processInstanceBusinessKeyIn(
                  keys.subList(from, Math.min(keys.size(), from + CHUNK)).toArray(String[]::new))
              .orderByProcessInstanceStartTime()
              .asc()
              .list());
    }
    Function<String, List<HistoricProcessInstance>> childrenOf = children(sharingKeys);
    Map<String, List<HistoricProcessInstance>> trees = new LinkedHashMap<>();
    for (HistoricProcessInstance root : roots) {
      trees.put(
          root.getId(),
          root.getBusinessKey() != null && root.getRootProcessInstanceId() != null
              ? walk(root, childrenOf)
              : of(history, root));
    }
    return trees;
  }

  private static Function<String, List<HistoricProcessInstance>> children(
      List<HistoricProcessInstance> instances) {
    Map<String, List<HistoricProcessInstance>> children =
        instances.stream()
            .filter(i -> i.getSuperProcessInstanceId() != null)
            .collect(Collectors.groupingBy(HistoricProcessInstance::getSuperProcessInstanceId));
    return id -> children.getOrDefault(id, List.of());
  }

  private static List<HistoricProcessInstance> walk(
      HistoricProcessInstance root, Function<String, List<HistoricProcessInstance>> childrenOf) {
    List<HistoricProcessInstance> all = new ArrayList<>();
    Deque<HistoricProcessInstance> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      HistoricProcessInstance next = todo.poll();
      all.add(next);
      todo.addAll(childrenOf.apply(next.getId()));
    }
    return all;
  }
}
