package th.or.codi.programme.audit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import th.or.codi.programme.validation.CamundaForm;
import th.or.codi.programme.validation.DeployedForms;
import th.or.codi.programme.validation.FormField;

/**
 * The labels of the values an entry shows, from the form that submitted them: the deployed form
 * that the task or start event names with {@code camunda:formRef} (binding deployment, so the form
 * of that definition's deployment), by variable name ("ชื่อโครงการ / Programme name"). Fields of a
 * dynamic list are labelled too. A value no form shows (set by the engine or a listener) has no
 * label; so has everything when the definition cannot be read. Read once per definition and
 * activity of a trail.
 */
final class FormLabels {

  private final RepositoryService repository;
  private final Map<String, Map<String, String>> read = new HashMap<>();

  FormLabels(RepositoryService repository) {
    this.repository = repository;
  }

  /** Variable name → form label of the form of that activity, for the names given. */
  Map<String, String> of(String processDefinitionId, String activityId, Map<String, ?> values) {
    if (values == null || values.isEmpty() || processDefinitionId == null || activityId == null) {
      return Map.of();
    }
    Map<String, String> all =
        read.computeIfAbsent(
            processDefinitionId + "#" + activityId, k -> read(processDefinitionId, activityId));
    Map<String, String> labels = new LinkedHashMap<>();
    for (String name : values.keySet()) {
      String label = all.get(name);
      if (label != null) {
        labels.put(name, label);
      }
    }
    return labels;
  }

  private Map<String, String> read(String processDefinitionId, String activityId) {
    try {
      ModelElementInstance element =
          repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
      String formRef =
          element == null
              ? null
              : element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRef");
      if (formRef == null || formRef.isBlank() || formRef.contains("${")) {
        return Map.of();
      }
      CamundaForm form =
          DeployedForms.shared().ofDefinition(repository, processDefinitionId, formRef);
      Map<String, String> labels = new HashMap<>();
      collect(form.fields(), labels);
      return labels;
    } catch (RuntimeException e) {
      // an unreadable definition or form: the names alone, as before
      return Map.of();
    }
  }

  private static void collect(List<FormField> fields, Map<String, String> labels) {
    if (fields == null) {
      return;
    }
    for (FormField field : fields) {
      if (field.key() != null && field.label() != null && !field.label().isBlank()) {
        labels.putIfAbsent(field.key(), field.label());
      }
      collect(field.items(), labels);
    }
  }
}
