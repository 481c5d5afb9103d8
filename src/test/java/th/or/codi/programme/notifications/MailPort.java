package th.or.codi.programme.notifications;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points {@code spring.mail.port} at {@link TestMail}'s server (started with the context). */
public class MailPort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestMail.server();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("test-mail", Map.of("spring.mail.port", TestMail.port())));
  }
}
