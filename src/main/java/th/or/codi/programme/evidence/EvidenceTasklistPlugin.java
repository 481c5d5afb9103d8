package th.or.codi.programme.evidence;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * Tasklist's plugin for evidence files: a tab "หลักฐาน / Evidence" on every task (client side in
 * {@code plugin-webapp/evidence/app/plugin.js}), and its API {@link EvidenceInTasklist}. Registered
 * through {@code META-INF/services/org.camunda.bpm.tasklist.plugin.spi.TasklistPlugin}.
 */
public class EvidenceTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "evidence";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(EvidenceInTasklist.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
