package th.or.codi.programme.pipeline;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import th.or.codi.programme.provinces.ProvinceOptions;
import th.or.codi.programme.system.EngineHooks;
import th.or.codi.programme.validation.CamundaForm;
import th.or.codi.programme.validation.DeployedForms;

/**
 * Gives every task whose form takes its options from a province list ({@link ProvinceOptions},
 * e.g. {@code valuesKey: "studyVisitHostOptions"}) that list, from the reference data, as a
 * task variable when the task is created: Tasklist reads a task form's variables
 * ({@code GET /task/{id}/form-variables}), and a person who may work on the task reads its own
 * variables. One listener for every user task; which lists a task gets is read from its
 * deployed form, so a form that starts naming a list needs no Java change.
 */
@Component
public class ProvinceOptionVariables extends AbstractProcessEnginePlugin {

  private final ProvinceOptions provinceOptions;

  public ProvinceOptionVariables(ProvinceOptions provinceOptions) {
    this.provinceOptions = provinceOptions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineHooks.addToEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, this::offer);
  }

  void offer(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    if (userTask == null || userTask.getCamundaFormRef() == null) {
      return;
    }
    ProcessEngineServices services = task.getProcessEngineServices();
    CamundaForm form = EngineHooks.withoutAuthentication(services.getIdentityService(),
        () -> DeployedForms.shared().ofDefinition(services.getRepositoryService(), task.getProcessDefinitionId(),
            userTask.getCamundaFormRef()));
    for (String name : form.valuesKeys()) {
      if (ProvinceOptions.isList(name)) {
        task.setVariableLocal(name, JsonVariables.json(provinceOptions.options(name)));
      }
    }
  }
}
