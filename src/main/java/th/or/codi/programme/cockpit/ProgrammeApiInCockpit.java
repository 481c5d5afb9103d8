package th.or.codi.programme.cockpit;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import th.or.codi.programme.api.ProgrammeApi;
import th.or.codi.programme.api.ProgrammeApiWiring;

/**
 * Cockpit's side of the programme's REST endpoints, under
 * {@code /camunda/api/cockpit/plugin/programme/{engine}/…}: the webapps' own login (session and
 * CSRF token) applies, and the same {@link ProgrammeApi} answers as under
 * {@code /engine-rest/programme}.
 */
@Path("plugin/" + ProgrammeCockpitPlugin.ID)
public class ProgrammeApiInCockpit extends AbstractCockpitPluginRootResource {

  public ProgrammeApiInCockpit() {
    super(ProgrammeCockpitPlugin.ID);
  }

  @Path("{engine}")
  public ProgrammeApi engine(@PathParam("engine") String engine) {
    ProgrammeApi resource = ProgrammeApiWiring.forEngine(engine);
    if (resource == null) {
      throw new NotFoundException("No process engine " + engine);
    }
    return resource;
  }
}
