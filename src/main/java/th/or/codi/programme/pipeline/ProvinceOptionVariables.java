package th.or.codi.programme.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.engine.StartupPlugin;
import th.or.codi.programme.provinces.ProvinceOptions;
import th.or.codi.programme.validation.CamundaForm;
import th.or.codi.programme.validation.DeployedForms;

/**
 * Gives every task whose form takes its options from a province list ({@link ProvinceOptions}, e.g.
 * {@code valuesKey: "studyVisitHostOptions"}) that list, from the reference data, as a task
 * variable when the task is created: Tasklist reads a task form's variables ({@code GET
 * /task/{id}/form-variables}), and a person who may work on the task reads its own variables. One
 * listener for every user task; which lists a task gets is read from its deployed form, so a form
 * that starts naming a list needs no Java change. When the engine starts after a change of the
 * reference data, open tasks created before it get the list as it is now.
 */
@Component
public class ProvinceOptionVariables extends StartupPlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ProvinceOptionVariables.class);
  private final ProvinceOptions provinceOptions;
  private final ObjectMapper json;

  public ProvinceOptionVariables(ProvinceOptions provinceOptions, ObjectMapper json) {
    this.provinceOptions = provinceOptions;
    this.json = json;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineHooks.addToEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, this::offer);
  }

  /**
   * The engine property holding a fingerprint of the lists the open tasks were last brought up to
   * date with, so that a start with unchanged reference data reads no task variable and writes
   * nothing.
   */
  static final String FINGERPRINT = "programme.province-options";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    step("province-options", () -> onStart(engine));
  }

  private void onStart(ProcessEngine engine) {
    String fingerprint = fingerprint();
    ManagementService management = engine.getManagementService();
    if (fingerprint.equals(management.getProperties().get(FINGERPRINT))) {
      return;
    }
    int updated = refresh(engine);
    if (updated > 0) {
      LOG.info(
          "Province lists of {} open task(s) brought up to date with the reference data", updated);
    }
    try {
      management.setProperty(FINGERPRINT, fingerprint);
    } catch (ProcessEngineException e) {
      // another node starting at the same moment wrote it: the next start compares again
      LOG.debug("province list fingerprint not stored: {}", e.getMessage());
    }
  }

  /** SHA-256 of every province list as the reference data gives it now. */
  String fingerprint() {
    Map<String, Object> lists = new TreeMap<>();
    for (String name : ProvinceOptions.NAMES) {
      lists.put(name, provinceOptions.options(name));
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(lists));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint the province lists", e);
    }
  }

  /** Gives open tasks whose province list differs from the reference data today's list. */
  public int refresh(ProcessEngine engine) {
    int updated = 0;
    for (String name : ProvinceOptions.NAMES) {
      List<Map<String, String>> current = provinceOptions.options(name);
      for (VariableInstance variable :
          engine.getRuntimeService().createVariableInstanceQuery().variableName(name).list()) {
        if (variable.getTaskId() == null || same(variable.getValue(), current)) {
          continue;
        }
        try {
          engine
              .getTaskService()
              .setVariableLocal(variable.getTaskId(), name, JsonVariables.json(current));
          updated++;
        } catch (OptimisticLockingException e) {
          // another node starting at the same moment updated (or completed) it
          LOG.debug(
              "province list of task {} not updated: {}", variable.getTaskId(), e.getMessage());
        }
      }
    }
    return updated;
  }

  private boolean same(Object stored, List<Map<String, String>> current) {
    try {
      return stored != null && json.readTree(stored.toString()).equals(json.valueToTree(current));
    } catch (Exception e) {
      return false;
    }
  }

  void offer(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    if (userTask == null || userTask.getCamundaFormRef() == null) {
      return;
    }
    ProcessEngineServices services = task.getProcessEngineServices();
    CamundaForm form =
        EngineHooks.withoutAuthentication(
            services.getIdentityService(),
            () ->
                DeployedForms.shared()
                    .ofDefinition(
                        services.getRepositoryService(),
                        task.getProcessDefinitionId(),
                        userTask.getCamundaFormRef()));
    for (String name : form.valuesKeys()) {
      if (ProvinceOptions.isList(name)) {
        task.setVariableLocal(name, JsonVariables.json(provinceOptions.options(name)));
      }
    }
  }
}
