package th.or.codi.programme.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

/**
 * What {@link NotificationApi} needs besides the engine — the recorder, the outbox, the
 * application's {@code ObjectMapper} — carried by the engine itself, as {@code
 * api/ProgrammeApiPlugin} does for the programme's endpoints: Tasklist's plugin resource ({@link
 * NotificationsInTasklist}) is created by the webapps' own JAX-RS application, outside Spring, and
 * is handed only an engine. It does nothing to the engine.
 */
public class NotificationApiPlugin extends AbstractProcessEnginePlugin {

  private final NotificationRecorder recorder;
  private final Outbox outbox;
  private final ObjectMapper json;

  public NotificationApiPlugin(NotificationRecorder recorder, Outbox outbox, ObjectMapper json) {
    this.recorder = recorder;
    this.outbox = outbox;
    this.json = json;
  }

  public NotificationApi api(ProcessEngine engine) {
    return new NotificationApi(engine, recorder, outbox, json);
  }

  /** The endpoints over this engine, when it was built with this plugin. */
  public static Optional<NotificationApi> apiOf(ProcessEngine engine) {
    ProcessEngineConfiguration configuration =
        engine == null ? null : engine.getProcessEngineConfiguration();
    if (!(configuration instanceof ProcessEngineConfigurationImpl impl)) {
      return Optional.empty();
    }
    return find(impl.getProcessEnginePlugins()).map(plugin -> plugin.api(engine));
  }

  private static Optional<NotificationApiPlugin> find(List<ProcessEnginePlugin> plugins) {
    for (ProcessEnginePlugin plugin : plugins == null ? List.<ProcessEnginePlugin>of() : plugins) {
      if (plugin instanceof NotificationApiPlugin mine) {
        return Optional.of(mine);
      }
      if (plugin instanceof CompositeProcessEnginePlugin composite) {
        Optional<NotificationApiPlugin> inside = find(composite.getPlugins());
        if (inside.isPresent()) {
          return inside;
        }
      }
    }
    return Optional.empty();
  }
}
