package th.or.codi.programme.notifications;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import th.or.codi.programme.TestDatabase;

/**
 * The demo application with notifications on, sending over SMTP to {@link TestMail} (a real SMTP
 * server on a loopback port), with the job executor and the background sender off so that a test
 * fires the timers and runs the sender itself. One context for all the classes that carry this; its
 * engine is named {@value #ENGINE} (REST: {@code /engine-rest/engine/notifications/...}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:notifications;DB_CLOSE_DELAY=-1",
      // an engine name of its own: the REST API finds engines by name in a registry shared by
      // every context of the JVM, and the other tests' context has the "default" one
      "camunda.bpm.process-engine-name=notifications",
      "camunda.bpm.job-execution.enabled=false",
      "programme.demo.data=false",
      "programme.notifications.enabled=true",
      "programme.notifications.mail.transport=smtp",
      "programme.notifications.mail.from=programme@example.org",
      "programme.notifications.public-url=https://programme.example.org",
      "programme.notifications.delivery.sender=false",
      "programme.notifications.delivery.first-retry=PT1M",
      "programme.notifications.delivery.give-up-after=PT2H",
      "spring.mail.host=127.0.0.1",
      "spring.mail.properties.mail.smtp.connectiontimeout=2000",
      "spring.mail.properties.mail.smtp.timeout=5000"
    })
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false)
@ContextConfiguration(initializers = {TestDatabase.class, MailPort.class})
public @interface NotificationTest {

  String ENGINE = "notifications";
}
