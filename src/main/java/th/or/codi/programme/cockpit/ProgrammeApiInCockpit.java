package th.or.codi.programme.cockpit;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import th.or.codi.programme.evidence.EvidenceApi;
import th.or.codi.programme.evidence.EvidenceApiPlugin;

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
          "app/map.js",
          "app/timeline.js",
          "app/charts.js",
          "app/map/thailand.svg",
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

  /**
   * The evidence files under {@code /camunda/api/cockpit/plugin/programme/{engine}/evidence/…}, so
   * that the trail's download links and the ZIP work with Cockpit's session: the same {@link
   * EvidenceApi} as {@code /engine-rest/programme/evidence} and Tasklist's plugin API, with the
   * same rules (the caller is the session's user, set on the engine by the webapps' filter).
   */
  @Path("{engine}/evidence")
  public EvidenceApi evidence(@PathParam("engine") String engineName) {
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
