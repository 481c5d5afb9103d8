package th.or.codi.programme.evidence;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/**
 * Tasklist's side of {@link EvidenceApi}, under {@code
 * /camunda/api/tasklist/plugin/evidence/{engine}/…}: the webapps' own login (session and CSRF
 * token) applies, and their security rules let only a person logged in to that engine through. The
 * named engine's {@link EvidenceApi} answers, as {@code /engine-rest/programme/evidence} does.
 * Tasklist's JAX-RS application registers no multipart reader; {@link EvidenceApi} reads the
 * multipart body itself.
 */
@Path("plugin/" + EvidenceTasklistPlugin.ID)
public class EvidenceInTasklist extends AbstractTasklistPluginRootResource {

  public EvidenceInTasklist() {
    super(EvidenceTasklistPlugin.ID);
  }

  @Path("{engine}")
  public EvidenceApi engine(@PathParam("engine") String engineName) {
    ProcessEngine engine;
    try {
      engine = runtimeDelegate.getProcessEngine(engineName);
    } catch (ProcessEngineException e) {
      engine = null;
    }
    return EvidenceApiPlugin.apiOf(engine)
        .orElseThrow(
            () -> new NotFoundException("No process engine " + engineName + " with evidence"));
  }
}
