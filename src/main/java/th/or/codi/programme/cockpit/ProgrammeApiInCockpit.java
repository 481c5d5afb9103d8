package th.or.codi.programme.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * Cockpit's side of the programme's REST endpoints, under
 * {@code /camunda/api/cockpit/plugin/programme/{engine}/…}: the webapps' own login (session and
 * CSRF token) applies. As in Camunda's plugin examples, the root resource hands each request to
 * a {@link ProgrammeCockpitResource} for the named engine, which answers as
 * {@code /engine-rest/programme} does.
 */
@Path("plugin/" + ProgrammeCockpitPlugin.ID)
public class ProgrammeApiInCockpit extends AbstractCockpitPluginRootResource {

  public ProgrammeApiInCockpit() {
    super(ProgrammeCockpitPlugin.ID);
  }

  @Path("{engine}")
  public ProgrammeCockpitResource engine(@PathParam("engine") String engine) {
    return subResource(new ProgrammeCockpitResource(engine), engine);
  }
}
