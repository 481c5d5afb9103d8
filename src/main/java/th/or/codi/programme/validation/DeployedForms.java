package th.or.codi.programme.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;

/**
 * The Camunda Forms of each deployment, read from the deployment itself (what the engine serves to
 * Tasklist) and parsed once per deployment. A deployment never changes, so the cache needs no
 * invalidation; a new or changed form comes with a new deployment.
 */
public final class DeployedForms {

  private static final DeployedForms SHARED = new DeployedForms();

  /** The cache the engine's validation and the REST checks share. */
  public static DeployedForms shared() {
    return SHARED;
  }

  private final Map<String, Map<String, CamundaForm>> byDeployment = new ConcurrentHashMap<>();
  private final Map<String, String> deploymentOfDefinition = new ConcurrentHashMap<>();

  /** The form of a process definition's deployment (definitions never move deployment). */
  public CamundaForm ofDefinition(
      RepositoryService repository, String processDefinitionId, String formId) {
    String deploymentId =
        deploymentOfDefinition.computeIfAbsent(
            processDefinitionId, id -> repository.getProcessDefinition(id).getDeploymentId());
    return get(repository, deploymentId, formId);
  }

  public CamundaForm get(RepositoryService repository, String deploymentId, String formId) {
    CamundaForm form =
        byDeployment.computeIfAbsent(deploymentId, id -> load(repository, id)).get(formId);
    if (form == null) {
      throw new IllegalStateException("form '" + formId + "' is not in deployment " + deploymentId);
    }
    return form;
  }

  private static Map<String, CamundaForm> load(RepositoryService repository, String deploymentId) {
    Map<String, CamundaForm> forms = new HashMap<>();
    for (Resource resource : repository.getDeploymentResources(deploymentId)) {
      if (!resource.getName().endsWith(".form")) {
        continue;
      }
      try (InputStream in = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
        CamundaForm form = CamundaForm.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        forms.put(form.id(), form);
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot read " + resource.getName() + " of deployment " + deploymentId, e);
      }
    }
    return Map.copyOf(forms);
  }
}
