package th.or.codi.programme.notifications;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * Tasklist's plugin for a person's own notification settings: a header action "การแจ้งเตือน /
 * Notifications" that opens a dialog (also opened by {@code #/?notifications}, the link in every
 * message's footer). The client side is {@code plugin-webapp/notifications/app/plugin.js}; the
 * server side is {@link NotificationsInTasklist}. Registered through {@code
 * META-INF/services/org.camunda.bpm.tasklist.plugin.spi.TasklistPlugin}.
 */
public class NotificationsTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "notifications";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(NotificationsInTasklist.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
