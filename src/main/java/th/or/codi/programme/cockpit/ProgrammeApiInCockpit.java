package th.or.codi.programme.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * Cockpit's side of the programme's REST endpoints, under {@code
 * /camunda/api/cockpit/plugin/programme/{engine}/…}: the webapps' own login (session and CSRF
 * token) applies. As in Camunda's plugin examples, the root resource hands each request to a {@link
 * ProgrammeCockpitResource} for the named engine, which answers as {@code /engine-rest/programme}
 * does.
 */
@Path("plugin/" + ProgrammeCockpitPlugin.ID)
public class ProgrammeApiInCockpit extends AbstractCockpitPluginRootResource {

  public ProgrammeApiInCockpit() {
    super(ProgrammeCockpitPlugin.ID);
  }

  /**
   * The client's ES modules next to {@code app/plugin.js}, which imports them by relative path: the
   * plugin API serves only {@code app/plugin.js} and {@code app/plugin.css} unless listed.
   */
  static final List<String> MODULES =
      List.of(
          "app/shared.js",
          "app/trail.js",
          "app/dashboard.js",
          "app/audit-page.js",
          "app/instance-tab.js");

  @Override
  protected List<String> getAllowedAssets() {
    List<String> assets = new ArrayList<>(super.getAllowedAssets());
    assets.addAll(MODULES);
    return assets;
  }

  @Path("{engine}")
  public ProgrammeCockpitResource engine(@PathParam("engine") String engine) {
    return subResource(new ProgrammeCockpitResource(engine), engine);
  }
}
