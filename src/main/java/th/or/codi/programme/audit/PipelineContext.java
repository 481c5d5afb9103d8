package th.or.codi.programme.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import th.or.codi.programme.history.HistoricValues;
import th.or.codi.programme.processes.ProgrammeProcesses;

/** The pipeline (business key), province and wave an instance's entries are shown under. */
record PipelineContext(String pipeline, String provinceCode, String provinceName, Long wave) {

  private static final Set<String> VARIABLES = Set.of("provinceCode", "provinceName", "wave");

  /** Of every instance (by id): its own, else its nearest pipeline's; one query for all. */
  static Map<String, PipelineContext> of(
      HistoryService history, Map<String, HistoricProcessInstance> byId) {
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(byId.keySet().toArray(String[]::new))
            .variableNameIn(VARIABLES.toArray(String[]::new))
            .disableCustomObjectDeserialization()
            .list()) {
      if (HistoricValues.ownVariable(v)) {
        variables
            .computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
            .put(v.getName(), v.getValue());
      }
    }
    Map<String, PipelineContext> contexts = new HashMap<>();
    for (HistoricProcessInstance instance : byId.values()) {
      HistoricProcessInstance pipeline = instance;
      while (pipeline != null
          && !ProgrammeProcesses.PIPELINE.equals(pipeline.getProcessDefinitionKey())) {
        pipeline = byId.get(pipeline.getSuperProcessInstanceId());
      }
      HistoricProcessInstance source = pipeline == null ? instance : pipeline;
      Map<String, Object> vars =
          variables.getOrDefault(
              source.getId(), variables.getOrDefault(instance.getId(), Map.of()));
      Object wave = vars.get("wave");
      contexts.put(
          instance.getId(),
          new PipelineContext(
              source.getBusinessKey(),
              (String) vars.get("provinceCode"),
              (String) vars.get("provinceName"),
              wave instanceof Number n ? n.longValue() : null));
    }
    return contexts;
  }
}
