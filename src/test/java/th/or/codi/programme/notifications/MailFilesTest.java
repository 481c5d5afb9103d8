package th.or.codi.programme.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.or.codi.programme.notifications.Preferences.Delivery;
import th.or.codi.programme.notifications.Preferences.Language;

/**
 * Demo mode's mail: each message becomes an {@code .eml} file that a mail program reads back with
 * its Thai subject, both parts and the headers intact.
 */
class MailFilesTest {

  @TempDir Path directory;

  @Test
  void aMessageIsWrittenAsAnEmlFileAMailProgramReads() throws Exception {
    MailFiles files = new MailFiles(directory.resolve("mail"));
    EmailChannel channel =
        new EmailChannel(
            files, new NotificationProperties.Mail("files", "programme@example.org", null, null));
    Recipient codi =
        new Recipient(
            "codi",
            "เจ้าหน้าที่ พอช.",
            "(CODI)",
            "codi@example.org",
            new Preferences(Delivery.IMMEDIATE, Language.BOTH, null));
    channel.deliver(
        codi,
        new Message(
            "0123456789abcdef",
            Kind.TASK_CREATED,
            "งานใหม่รอท่าน: ทบทวนแผนเวที (นครสวรรค์) / A task waits for you",
            "ข้อความภาษาไทย\nEnglish text",
            "<p>ข้อความภาษาไทย</p>"));

    List<Path> written;
    try (Stream<Path> list = Files.list(directory.resolve("mail"))) {
      written = list.toList();
    }
    assertThat(written).singleElement().satisfies(p -> assertThat(p.toString()).endsWith(".eml"));
    assertThat(written.get(0).getFileName().toString()).contains("task-created").contains("codi");
    try (InputStream in = Files.newInputStream(written.get(0))) {
      MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
      assertThat(read.getSubject())
          .isEqualTo("งานใหม่รอท่าน: ทบทวนแผนเวที (นครสวรรค์) / A task waits for you");
      assertThat(read.getFrom()[0].toString()).contains("programme@example.org");
      assertThat(read.getAllRecipients()[0].toString()).contains("codi@example.org");
      assertThat(TestMail.part(read, "text/plain")).contains("ข้อความภาษาไทย");
      assertThat(TestMail.part(read, "text/html")).contains("<p>ข้อความภาษาไทย</p>");
      assertThat(read.getHeader("X-Programme-Notification")[0]).isEqualTo("0123456789abcdef");
    }
  }
}
