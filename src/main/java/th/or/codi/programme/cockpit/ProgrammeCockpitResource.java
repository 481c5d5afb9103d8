package th.or.codi.programme.cockpit;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import th.or.codi.programme.api.ProgrammeApi;
import th.or.codi.programme.api.ProgrammeApiPlugin;
import th.or.codi.programme.api.ProgrammeEndpoints;

/**
 * The programme's endpoints for one engine in Cockpit's plugin API: the engine comes from the
 * plugin API ({@link #getProcessEngine()}), and the {@link ProgrammeApi} is built from it ({@link
 * ProgrammeApiPlugin#apiOf}), so Cockpit answers exactly as {@code /engine-rest/programme}. Paths
 * and parameters are {@link ProgrammeEndpoints}'.
 */
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeCockpitResource extends AbstractCockpitPluginResource
    implements ProgrammeEndpoints {

  public ProgrammeCockpitResource(String engineName) {
    super(engineName);
  }

  private ProgrammeApi api() {
    ProcessEngine engine;
    try {
      engine = getProcessEngine();
    } catch (ProcessEngineException e) {
      engine = null;
    }
    return ProgrammeApiPlugin.apiOf(engine)
        .orElseThrow(
            () -> new NotFoundException("No process engine " + engineName + " with the programme"));
  }

  @Override
  public Response trail(String processInstanceId, String format) {
    return api().trail(processInstanceId, format);
  }

  @Override
  public Response search(
      String instance,
      String province,
      String wave,
      String from,
      String to,
      String user,
      String limit,
      String format) {
    return api().search(instance, province, wave, from, to, user, limit, format);
  }

  @Override
  public Response pipelines(String province, String wave, String limit) {
    return api().pipelines(province, wave, limit);
  }

  @Override
  public Response ledger(String processInstanceId) {
    return api().ledger(processInstanceId);
  }

  @Override
  public Response dashboard() {
    return api().dashboard();
  }

  @Override
  public Response timeline(String province) {
    return api().timeline(province);
  }

  @Override
  public Response report() {
    return api().report();
  }

  @Override
  public Response labels() {
    return api().labels();
  }
}
