package th.or.codi.programme.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/** The process tree of an instance in the engine's history. */
public final class ProcessTree {

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
      Map<String, List<HistoricProcessInstance>> children =
          history
              .createHistoricProcessInstanceQuery()
              .rootProcessInstanceId(root.getRootProcessInstanceId())
              .orderByProcessInstanceStartTime()
              .asc()
              .list()
              .stream()
              .filter(i -> i.getSuperProcessInstanceId() != null)
              .collect(Collectors.groupingBy(HistoricProcessInstance::getSuperProcessInstanceId));
      childrenOf = id -> children.getOrDefault(id, List.of());
    }
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
