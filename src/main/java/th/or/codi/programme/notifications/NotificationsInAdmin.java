package th.or.codi.programme.notifications;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Admin's side of {@link NotificationApi}, under {@code
 * /camunda/api/admin/plugin/programme-notifications/{engine}/…}: the webapps' own login (session
 * and CSRF token) applies, and their security rules let only a person logged in to that engine
 * through. The named engine's {@link NotificationApi} answers, as {@code
 * /engine-rest/programme/notifications} and Tasklist's {@link NotificationsInTasklist} do; its own
 * checks keep other people's settings, the outbox and the test message to {@code camunda-admin}.
 */
@Path("plugin/" + NotificationsAdminPlugin.ID)
public class NotificationsInAdmin extends AbstractAdminPluginRootResource {

  public NotificationsInAdmin() {
    super(NotificationsAdminPlugin.ID);
  }

  @Path("{engine}")
  public NotificationApi engine(@PathParam("engine") String engineName) {
    ProcessEngine engine;
    try {
      engine = runtimeDelegate.getProcessEngine(engineName);
    } catch (ProcessEngineException e) {
      engine = null;
    }
    return NotificationApiPlugin.apiOf(engine)
        .orElseThrow(
            () -> new NotFoundException("No process engine " + engineName + " with notifications"));
  }
}
