package th.or.codi.programme.notifications;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail: a MIME message in UTF-8 with a plain-text part and an HTML alternative, from the
 * configured address, to the person's address in the identity store, through a {@link
 * JavaMailSender} (SMTP, or {@link MailFiles} in demo mode).
 */
public class EmailChannel implements Channel {

  public static final String NAME = "email";

  private final JavaMailSender mail;
  private final NotificationProperties.Mail settings;

  public EmailChannel(JavaMailSender mail, NotificationProperties.Mail settings) {
    this.mail = mail;
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean reaches(Recipient recipient) {
    return recipient.reachable();
  }

  @Override
  public String deliver(Recipient recipient, Message message) throws Exception {
    MimeMessage mime = mail.createMimeMessage();
    MimeMessageHelper helper =
        new MimeMessageHelper(
            mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, StandardCharsets.UTF_8.name());
    helper.setFrom(new InternetAddress(settings.from(), settings.fromName(), "UTF-8"));
    helper.setTo(new InternetAddress(recipient.email(), recipient.displayName(), "UTF-8"));
    helper.setSubject(message.subject());
    helper.setText(message.text(), message.html());
    mime.setHeader("X-Programme-Notification", message.id());
    mime.setHeader("X-Programme-Kind", message.kind().key());
    mail.send(mime);
    return recipient.email();
  }
}
