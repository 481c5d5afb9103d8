package th.or.codi.programme;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application as the README's run command starts it (demo profile: demo users, timers in
 * minutes), without the demo programme, on a private in-memory H2 database, with the job executor
 * off so tests fire timers themselves, and no notifications (notifications/NotificationTest has its
 * own context, with a real SMTP server). All classes with this annotation share one Spring context;
 * process coverage is recorded for the classes that ask for it (ProcessTest). With {@code
 * -Dprogramme.test.database=postgres} the same context runs on a real PostgreSQL ({@link
 * TestDatabase}); the README's test command does both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:demo-application;DB_CLOSE_DELAY=-1",
      "camunda.bpm.job-execution.enabled=false",
      "programme.demo.data=false",
      // the notification tests have a context of their own with a real SMTP server
      "programme.notifications.enabled=false"
    })
@ActiveProfiles("demo")
@Import(ProcessEngineCoverageConfiguration.class)
@AutoConfigureObservability(tracing = false)
@ContextConfiguration(initializers = TestDatabase.class)
public @interface DemoApplicationTest {}
