package th.or.codi.programme.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import th.or.codi.programme.validation.CamundaForm;
import th.or.codi.programme.validation.DeployedForms;
import th.or.codi.programme.validation.FieldError;
import th.or.codi.programme.validation.FormField;
import th.or.codi.programme.system.EngineHooks;
import th.or.codi.programme.validation.SubmissionRejectedException;

/**
 * A task completion or process start over REST may only set the variables its form has: a
 * script with the right to complete a task must not be able to rewrite the province, the stage
 * or the outcome on the way. Our own code (the Java API) is not affected; Tasklist only ever
 * sends the form's fields.
 */
@Provider
public class SubmittedVariablesFilter implements ContainerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TASK = Pattern.compile(
      "(?:^|/)(?:engine/([^/]+)/)?task/([^/]+)/(?:complete|submit-form|resolve)/?$");
  private static final Pattern START = Pattern.compile(
      "(?:^|/)(?:engine/([^/]+)/)?process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(?:start|submit-form)/?$");

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    String path = request.getUriInfo().getPath();
    Matcher task = TASK.matcher(path);
    boolean isTask = task.find();
    Matcher start = START.matcher(path);
    if (!isTask && !start.find()) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    JsonNode variables;
    try {
      variables = JSON.readTree(body).path("variables");
    } catch (IOException e) {
      return; // Camunda answers malformed JSON itself
    }
    if (!variables.isObject() || variables.isEmpty()) {
      return;
    }
    CamundaForm form = isTask ? taskForm(task.group(1), task.group(2))
        : startForm(start.group(1), start.group(2), start.group(3), start.group(4));
    if (form == null) {
      return;
    }
    Set<String> fields = form.fields().stream().map(FormField::key).collect(Collectors.toSet());
    List<FieldError> errors = new ArrayList<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        errors.add(new FieldError(name, name,
            "แบบฟอร์มนี้ไม่มีช่อง “" + name + "” ส่งได้เฉพาะช่องของแบบฟอร์ม",
            "this form has no field “" + name + "”; only the form's fields can be submitted"));
      }
    }
    if (!errors.isEmpty()) {
      request.abortWith(RestErrors.rejected(new SubmissionRejectedException(form.id(), errors)));
    }
  }

  /** The form of a task the caller may see; null when there is none (Camunda then answers). */
  private static CamundaForm taskForm(String engineName, String taskId) {
    ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessDefinitionId() == null) {
      return null;
    }
    return EngineHooks.withoutAuthentication(engine.getIdentityService(), () -> {
      RepositoryService repository = engine.getRepositoryService();
      BpmnModelInstance model = repository.getBpmnModelInstance(task.getProcessDefinitionId());
      UserTask userTask = model.getModelElementById(task.getTaskDefinitionKey());
      return userTask == null || userTask.getCamundaFormRef() == null ? null
          : DeployedForms.shared().ofDefinition(repository, task.getProcessDefinitionId(), userTask.getCamundaFormRef());
    });
  }

  private static CamundaForm startForm(String engineName, String key, String tenant, String id) {
    ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
    return EngineHooks.withoutAuthentication(engine.getIdentityService(), () -> {
      RepositoryService repository = engine.getRepositoryService();
      ProcessDefinition definition;
      if (key != null) {
        var query = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
        definition = (tenant == null ? query.withoutTenantId() : query.tenantIdIn(tenant)).singleResult();
      } else {
        definition = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
      }
      if (definition == null) {
        return null;
      }
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      Process process = model.getModelElementById(definition.getKey());
      String formRef = process == null ? null : process.getChildElementsByType(StartEvent.class).stream()
          .map(StartEvent::getCamundaFormRef).filter(f -> f != null).findFirst().orElse(null);
      return formRef == null ? null : DeployedForms.shared().get(repository, definition.getDeploymentId(), formRef);
    });
  }
}
