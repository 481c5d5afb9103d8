package th.or.codi.programme.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * What {@link EvidenceApi} needs besides the engine — the settings, the provinces, the
 * application's {@code ObjectMapper} — carried by the engine itself, as
 * notifications/NotificationApiPlugin does: Tasklist's plugin resource ({@link EvidenceInTasklist})
 * is created by the webapps' own JAX-RS application, outside Spring, and is handed only an engine.
 * It does nothing to the engine.
 */
public class EvidenceApiPlugin extends AbstractProcessEnginePlugin {

  private final EvidenceProperties properties;
  private final ProvinceReferenceData provinces;
  private final ObjectMapper json;

  public EvidenceApiPlugin(
      EvidenceProperties properties, ProvinceReferenceData provinces, ObjectMapper json) {
    this.properties = properties;
    this.provinces = provinces;
    this.json = json;
  }

  EvidenceService service(ProcessEngine engine) {
    return new EvidenceService(engine, provinces, properties);
  }

  ObjectMapper json() {
    return json;
  }

  /** The endpoints over this engine, when it was built with this plugin. */
  public static Optional<EvidenceApi> apiOf(ProcessEngine engine) {
    ProcessEngineConfiguration configuration =
        engine == null ? null : engine.getProcessEngineConfiguration();
    if (!(configuration instanceof ProcessEngineConfigurationImpl impl)) {
      return Optional.empty();
    }
    return find(impl.getProcessEnginePlugins()).map(plugin -> new EvidenceApi(engine, plugin));
  }

  private static Optional<EvidenceApiPlugin> find(List<ProcessEnginePlugin> plugins) {
    for (ProcessEnginePlugin plugin : plugins == null ? List.<ProcessEnginePlugin>of() : plugins) {
      if (plugin instanceof EvidenceApiPlugin mine) {
        return Optional.of(mine);
      }
      if (plugin instanceof CompositeProcessEnginePlugin composite) {
        Optional<EvidenceApiPlugin> inside = find(composite.getPlugins());
        if (inside.isPresent()) {
          return inside;
        }
      }
    }
    return Optional.empty();
  }
}
