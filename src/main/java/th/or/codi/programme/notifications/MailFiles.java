package th.or.codi.programme.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import th.or.codi.programme.calendar.ThaiCalendar;

/**
 * Demo mode's mail server: every message is written as an {@code .eml} file (RFC 822, what any mail
 * program opens) under the configured directory, {@code ./data/mail/} by default, and logged in one
 * line, so that a newcomer sees what would have been sent without a mail server.
 */
public class MailFiles extends JavaMailSenderImpl {

  private static final Logger LOG = LoggerFactory.getLogger(MailFiles.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path directory;

  public MailFiles(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  @Override
  protected void doSend(MimeMessage[] messages, Object[] originals) throws MailException {
    Map<Object, Exception> failures = new LinkedHashMap<>();
    for (MimeMessage message : messages) {
      try {
        Files.createDirectories(directory);
        message.saveChanges();
        String id = first(message.getHeader("X-Programme-Notification"));
        String kind = first(message.getHeader("X-Programme-Kind"));
        String to = message.getAllRecipients()[0].toString().replaceAll(".*<|>.*", "");
        Path file =
            directory.resolve(
                STAMP.format(ZonedDateTime.now(ThaiCalendar.ZONE))
                    + "-"
                    + safe(kind)
                    + "-"
                    + safe(to)
                    + "-"
                    + safe(id).substring(0, Math.min(8, safe(id).length()))
                    + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
          message.writeTo(out);
        }
        LOG.info("Mail to {}: \"{}\" → {}", to, message.getSubject(), file);
      } catch (IOException | MessagingException e) {
        failures.put(message, e);
      }
    }
    if (!failures.isEmpty()) {
      throw new MailSendException(failures);
    }
  }

  @Override
  public void testConnection() throws MessagingException {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new MailPreparationException("cannot write " + directory, e);
    }
  }

  private static String first(String[] values) {
    return values == null || values.length == 0 ? "message" : values[0];
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._@-]", "_");
  }
}
