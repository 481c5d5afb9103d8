package th.or.codi.programme.notifications;

import java.util.Set;
import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;

/**
 * Admin's plugin for the notifications: a tab "การแจ้งเตือน / Notifications" on a user's page
 * ({@code #/users/{id}?tab=notifications}: that person's delivery, language and weekly digest) and
 * a system page of the same name ({@code #/system?section=programme-notifications}: the outbox's
 * counts, the failed and pending messages, a test message to oneself). The client side is {@code
 * plugin-webapp/programme-notifications/app/plugin.js}; the server side is {@link
 * NotificationsInAdmin}. Registered through {@code
 * META-INF/services/org.camunda.bpm.admin.plugin.spi.AdminPlugin}.
 */
public class NotificationsAdminPlugin extends AbstractAdminPlugin {

  public static final String ID = "programme-notifications";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(NotificationsInAdmin.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
