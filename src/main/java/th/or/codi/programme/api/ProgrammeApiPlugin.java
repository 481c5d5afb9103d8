package th.or.codi.programme.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.stereotype.Component;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * What {@link ProgrammeApi} needs besides the engine — the province reference data and the clock —
 * carried by the engine itself: Spring registers this process-engine plugin on the engine's
 * configuration like every other plugin bean, and it does nothing to the engine. Code that is
 * handed only an engine, such as Cockpit's plugin resources (created by the webapps' own JAX-RS
 * application, outside Spring), builds the API from it with {@link #api}. No static field: each
 * engine answers with the plugin it was built with.
 */
@Component
public class ProgrammeApiPlugin extends AbstractProcessEnginePlugin {

  private final ProvinceReferenceData provinces;
  private final Clock clock;
  private final ObjectMapper json;

  /**
   * @param json the application's {@code ObjectMapper}, carried to the Cockpit plugin's resource,
   *     which the webapps' JAX-RS application creates outside Spring and which therefore cannot
   *     have it injected itself
   */
  public ProgrammeApiPlugin(ProvinceReferenceData provinces, ObjectMapper json) {
    this.provinces = provinces;
    this.clock = Clock.systemUTC();
    this.json = json;
  }

  /** The programme's endpoints over this engine, as its caller may see them. */
  public ProgrammeApi api(ProcessEngine engine) {
    return new ProgrammeApi(engine, provinces, clock, json);
  }

  /**
   * The programme's endpoints over this engine, when the engine was built with this plugin (the
   * Spring Boot starter wraps the plugin beans into one {@link CompositeProcessEnginePlugin}).
   */
  public static Optional<ProgrammeApi> apiOf(ProcessEngine engine) {
    ProcessEngineConfiguration configuration =
        engine == null ? null : engine.getProcessEngineConfiguration();
    if (!(configuration instanceof ProcessEngineConfigurationImpl impl)) {
      return Optional.empty();
    }
    return find(impl.getProcessEnginePlugins()).map(plugin -> plugin.api(engine));
  }

  private static Optional<ProgrammeApiPlugin> find(List<ProcessEnginePlugin> plugins) {
    for (ProcessEnginePlugin plugin : plugins == null ? List.<ProcessEnginePlugin>of() : plugins) {
      if (plugin instanceof ProgrammeApiPlugin mine) {
        return Optional.of(mine);
      }
      if (plugin instanceof CompositeProcessEnginePlugin composite) {
        Optional<ProgrammeApiPlugin> inside = find(composite.getPlugins());
        if (inside.isPresent()) {
          return inside;
        }
      }
    }
    return Optional.empty();
  }
}
