package th.or.codi.programme;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A throw-away process for security tests: an asynchronous step (so a job exists) and a user task
 * for one candidate group (or an expression naming it). Deployed and removed by the test that uses
 * it.
 */
public final class ProbeProcess implements AutoCloseable {

  public static final String KEY = "securityProbe";
  public static final String TASK = "Activity_ProbeTask";

  private final ProcessEngine engine;
  private final String deploymentId;

  public ProbeProcess(ProcessEngine engine, String candidateGroup) {
    this.engine = engine;
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask(TASK)
            .name("Probe")
            .camundaCandidateGroups(candidateGroup)
            .serviceTask("Activity_ProbeAsync")
            .camundaAsyncBefore()
            .camundaExpression("${true}")
            .endEvent()
            .done();
    this.deploymentId =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(KEY + ".bpmn", model)
            .deploy()
            .getId();
  }

  public ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey(KEY);
  }

  /**
   * With variables, e.g. the candidate group when it was given as an expression ({@code ${group}}).
   */
  public ProcessInstance start(Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey(KEY, variables);
  }

  @Override
  public void close() {
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
  }
}
