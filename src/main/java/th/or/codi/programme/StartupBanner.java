package th.or.codi.programme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import th.or.codi.programme.identity.DemoProperties;
import th.or.codi.programme.messages.Messages;

/** Tells the person who started the application where to go. */
@Component
class StartupBanner {

  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

  private final Environment environment;
  private final DemoProperties demo;

  StartupBanner(Environment environment, DemoProperties demo) {
    this.environment = environment;
    this.demo = demo;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
      return;
    }
    String address = environment.getProperty("server.address", "127.0.0.1");
    String host = address.equals("127.0.0.1") || address.equals("0.0.0.0") ? "localhost" : address;
    String base = "http://" + host + ":" + web.getWebServer().getPort();
    StringBuilder text =
        new StringBuilder()
            .append("\n\n  ")
            .append(Messages.both("startupBanner.running"))
            .append("\n  Tasklist  (")
            .append(Messages.thai("startupBanner.tasklist"))
            .append(")   ")
            .append(base)
            .append("/camunda/app/tasklist/\n")
            .append("  Cockpit   (")
            .append(Messages.thai("startupBanner.cockpit"))
            .append(")        ")
            .append(base)
            .append("/camunda/app/cockpit/\n")
            .append("  Admin     (")
            .append(Messages.thai("startupBanner.admin"))
            .append(")    ")
            .append(base)
            .append("/camunda/app/admin/\n")
            .append("  REST API  (")
            .append(Messages.both("startupBanner.restApi"))
            .append(")   ")
            .append(base)
            .append("/engine-rest\n  ")
            .append(Messages.both("startupBanner.address", address))
            .append('\n');
    if (demo.enabled()) {
      text.append("  ").append(Messages.both("startupBanner.demoLogins")).append(": ");

      demo.users().forEach(u -> text.append(u.id()).append(' '));
      text.append('\n');
    }
    LOG.info(text.toString());
  }
}
