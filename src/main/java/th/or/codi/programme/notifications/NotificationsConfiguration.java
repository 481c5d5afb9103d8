package th.or.codi.programme.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * Wires the notifications: the outbox and its tables, the task triggers (a process-engine plugin),
 * the e-mail channel over SMTP ({@code spring.mail.*}) or into files (demo mode), and the sender.
 * In the {@code prod} profile the application does not start with SMTP chosen and no mail server or
 * sender address configured; {@code PROGRAMME_MAIL_TRANSPORT=off} switches mail off on purpose. A
 * person's settings and the outbox are read and written through {@link NotificationApi}, under
 * {@code /engine-rest/programme/notifications} and in Tasklist ({@link
 * NotificationsTasklistPlugin}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, MailProperties.class})
public class NotificationsConfiguration {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(NotificationsConfiguration.class);

  @Bean
  Outbox notificationOutbox(DataSource dataSource) {
    Outbox outbox = new Outbox(dataSource);
    outbox.createTables();
    return outbox;
  }

  @Bean
  NotificationMetrics notificationMetrics(MeterRegistry registry) {
    return new NotificationMetrics(registry);
  }

  @Bean
  NotificationRecorder notificationRecorder(
      NotificationProperties properties,
      Outbox outbox,
      ObjectProvider<ProcessEngine> engine,
      NotificationMetrics metrics,
      @Lazy Sender sender) {
    return new NotificationRecorder(
        properties, outbox, () -> engine.getObject().getIdentityService(), metrics, sender::wake);
  }

  @Bean
  TaskNotifications taskNotifications(
      NotificationRecorder recorder, NotificationProperties properties) {
    return new TaskNotifications(recorder, properties);
  }

  @Bean
  JavaMailSender notificationMail(
      NotificationProperties properties, MailProperties mail, Environment environment) {
    NotificationProperties.Mail settings = properties.mail();
    if (settings.files()) {
      return new MailFiles(Path.of(settings.directory()));
    }
    boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
    boolean configured =
        mail.getHost() != null
            && !mail.getHost().isBlank()
            && settings.from() != null
            && !settings.from().isBlank();
    if (!settings.off() && !configured && prod && properties.enabled()) {
      throw new IllegalStateException(Messages.both("notifications.mail.notConfigured"));
    }
    if (prod && !settings.off() && properties.publicUrl().contains("://localhost")) {
      LOG.warn(
          "PROGRAMME_PUBLIC_URL is not set: the links in the e-mails point to {}",
          properties.publicUrl());
    }
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(mail.getHost());
    if (mail.getPort() != null) {
      sender.setPort(mail.getPort());
    }
    sender.setUsername(mail.getUsername());
    sender.setPassword(mail.getPassword());
    sender.setProtocol(mail.getProtocol());
    sender.setDefaultEncoding("UTF-8");
    sender.getJavaMailProperties().putAll(mail.getProperties());
    return sender;
  }

  @Bean
  Templates notificationTemplates() {
    return new Templates();
  }

  @Bean
  Periodic notificationRuns(
      NotificationProperties properties,
      Outbox outbox,
      ProcessEngine engine,
      NotificationRecorder recorder,
      PlatformTransactionManager transactions) {
    return new Periodic(properties, outbox, engine, recorder, transactions);
  }

  @Bean
  Composer notificationComposer(
      ProcessEngine engine,
      ProvinceReferenceData provinces,
      NotificationProperties properties,
      Templates templates) {
    return new Composer(engine, provinces, properties, templates);
  }

  @Bean
  Sender notificationSender(
      NotificationProperties properties,
      Outbox outbox,
      ProcessEngine engine,
      Composer composer,
      JavaMailSender notificationMail,
      NotificationMetrics metrics,
      Periodic periodic) {
    return new Sender(
        properties,
        outbox,
        new Recipients(engine.getIdentityService()),
        composer,
        new EmailChannel(notificationMail, properties.mail()),
        metrics,
        periodic);
  }

  /** What Tasklist's plugin resource builds its {@link NotificationApi} from. */
  @Bean
  NotificationApiPlugin notificationApiPlugin(
      NotificationRecorder recorder, Outbox outbox, ObjectMapper json) {
    return new NotificationApiPlugin(recorder, outbox, json);
  }

  /**
   * {@code /engine-rest/programme/notifications/…}, authenticated by the REST API's HTTP Basic
   * filter.
   */
  @Bean
  ResourceConfigCustomizer notificationRestEndpoints(
      ProcessEngine engine, NotificationRecorder recorder, Outbox outbox, ObjectMapper json) {
    return config -> config.register(new NotificationApi(engine, recorder, outbox, json));
  }
}
