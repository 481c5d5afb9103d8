package th.or.codi.programme.validation;

import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The Camunda Form a person fills in for a user task or at the start of a process, found from the
 * deployed model: what the engine's command checks compare a submission with. The caller reads
 * without authorization checks (the form is what the person was given, whoever they are).
 */
public final class SubmissionForms {

  private SubmissionForms() {}

  /** The form of a user task of a deployed process definition; empty when it has none. */
  public static Optional<CamundaForm> ofTask(
      RepositoryService repository, String processDefinitionId, String taskDefinitionKey) {
    if (processDefinitionId == null || taskDefinitionKey == null) {
      return Optional.empty();
    }
    BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
    UserTask userTask = model.getModelElementById(taskDefinitionKey);
    if (userTask == null || userTask.getCamundaFormRef() == null) {
      return Optional.empty();
    }
    return Optional.of(
        DeployedForms.shared()
            .ofDefinition(repository, processDefinitionId, userTask.getCamundaFormRef()));
  }

  /** The form of the process's own (none-)start event; empty when it has none. */
  public static Optional<CamundaForm> ofStart(
      RepositoryService repository, ProcessDefinition definition) {
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    Process process = model.getModelElementById(definition.getKey());
    if (process == null) {
      return Optional.empty();
    }
    return process.getChildElementsByType(StartEvent.class).stream()
        .map(StartEvent::getCamundaFormRef)
        .filter(f -> f != null)
        .findFirst()
        .map(
            formRef ->
                DeployedForms.shared().get(repository, definition.getDeploymentId(), formRef));
  }
}
