package th.or.codi.programme.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The programme's Cockpit plugin: a dashboard of the provinces, an audit-trail page reachable for
 * running and completed instances, and an audit-trail tab on every running instance. The client
 * side is {@code plugin-webapp/programme/app/plugin.js}; the server side is {@link
 * ProgrammeApiInCockpit} with its {@link ProgrammeCockpitResource}. Registered through {@code
 * META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}.
 */
public class ProgrammeCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "programme";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(ProgrammeApiInCockpit.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
