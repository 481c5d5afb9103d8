package th.or.codi.programme.notifications;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How people are told ({@code programme.notifications.*}; defaults in {@code application.yaml}, the
 * reasons in {@code docs/notifications.md}).
 *
 * @param enabled record messages at all; off, the triggers write nothing
 * @param publicUrl the address people open the application at (the links in the messages), e.g.
 *     {@code https://programme.codi.or.th}; {@code PROGRAMME_PUBLIC_URL}
 * @param mail how e-mail leaves the application
 * @param dueSoon how long before a task's due date its people are told it is due
 * @param overdue who else is told when a task stays overdue
 * @param delivery how the sender retries
 * @param digest when the daily and weekly digests go out
 */
@ConfigurationProperties("programme.notifications")
public record NotificationProperties(
    boolean enabled,
    String publicUrl,
    Mail mail,
    Duration dueSoon,
    Overdue overdue,
    Delivery delivery,
    Digest digest) {

  public NotificationProperties {
    publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl;
    publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    mail = mail == null ? new Mail(null, null, null, null) : mail;
    dueSoon = dueSoon == null ? Duration.ofDays(1) : dueSoon;
    overdue = overdue == null ? new Overdue(2, null, null) : overdue;
    delivery =
        delivery == null
            ? new Delivery(true, null, null, null, null, null, 0, null, null)
            : delivery;
    digest = digest == null ? new Digest(null, null, null) : digest;
  }

  /**
   * @param transport {@code smtp} (spring.mail.*), {@code files} (an .eml file per message under
   *     {@code directory}, what demo mode does) or {@code off} (nothing leaves; messages are not
   *     recorded)
   * @param from the sender's address, e.g. {@code programme@codi.or.th}
   * @param fromName the sender's name shown by mail programs
   * @param directory where {@code files} writes
   */
  public record Mail(String transport, String from, String fromName, String directory) {
    public Mail {
      transport = transport == null || transport.isBlank() ? "smtp" : transport.trim();
      fromName = fromName == null ? "ระบบติดตามงานโครงการร่วม พอช.–สสส." : fromName;
      directory = directory == null || directory.isBlank() ? "./data/mail" : directory;
    }

    public boolean off() {
      return "off".equals(transport);
    }

    public boolean files() {
      return "files".equals(transport);
    }
  }

  /**
   * @param escalateAfter from this reminder on, the overdue message also goes to {@code escalateTo}
   * @param escalateTo the group told of a task that stays overdue (the programme's managers by
   *     default)
   * @param escalateToByGroup a candidate group's own coordinators instead, e.g. {@code codi:
   *     codi-coordinators}
   */
  public record Overdue(
      int escalateAfter, String escalateTo, Map<String, String> escalateToByGroup) {
    public Overdue {
      escalateAfter = escalateAfter <= 0 ? 2 : escalateAfter;
      escalateTo = escalateTo == null || escalateTo.isBlank() ? "managers" : escalateTo;
      escalateToByGroup = escalateToByGroup == null ? Map.of() : Map.copyOf(escalateToByGroup);
    }

    public String escalationGroup(List<String> candidateGroups) {
      return candidateGroups.stream()
          .map(escalateToByGroup::get)
          .filter(g -> g != null && !g.isBlank())
          .findFirst()
          .orElse(escalateTo);
    }
  }

  /**
   * @param sender run the sender on this node (tests send themselves)
   * @param pollInterval how often the sender looks for due messages (it is also woken when an
   *     engine transaction that recorded one commits)
   * @param firstRetry the wait after the first failed attempt; doubled after each, up to {@code
   *     maxRetryInterval}
   * @param maxRetryInterval the longest wait between two attempts
   * @param giveUpAfter a message not delivered this long after it was recorded is given up (FAILED:
   *     logged, counted, listed for administrators)
   * @param claimFor how long a node holds a message it is sending before another node may take it
   *     (the first node died)
   * @param batch messages claimed at once
   * @param node this node's name in the outbox
   * @param keepFor how long a message done (sent, skipped, failed) stays in the outbox
   */
  public record Delivery(
      boolean sender,
      Duration pollInterval,
      Duration firstRetry,
      Duration maxRetryInterval,
      Duration giveUpAfter,
      Duration claimFor,
      int batch,
      String node,
      Duration keepFor) {
    public Delivery {
      pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
      firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
      maxRetryInterval = maxRetryInterval == null ? Duration.ofHours(1) : maxRetryInterval;
      giveUpAfter = giveUpAfter == null ? Duration.ofDays(2) : giveUpAfter;
      claimFor = claimFor == null ? Duration.ofMinutes(5) : claimFor;
      batch = batch <= 0 ? 20 : batch;
      node = node == null || node.isBlank() ? "node" : node;
      keepFor = keepFor == null ? Duration.ofDays(400) : keepFor;
    }

    /** The wait after the given number of failed attempts. */
    public Duration retryAfter(int failedAttempts) {
      Duration wait = firstRetry;
      for (int i = 1; i < failedAttempts && wait.compareTo(maxRetryInterval) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      return wait.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : wait;
    }
  }

  /**
   * @param at the time of day (Thailand's time) the daily digest and, on {@code weeklyOn}, the
   *     weekly digest go out
   * @param weeklyOn the day of the weekly digest
   * @param every instead of daily at {@code at}: every this long (demo mode shows digests within
   *     the hour); also makes the weekly digest go out at each run
   */
  public record Digest(LocalTime at, DayOfWeek weeklyOn, Duration every) {
    public Digest {
      at = at == null ? LocalTime.of(7, 0) : at;
      weeklyOn = weeklyOn == null ? DayOfWeek.MONDAY : weeklyOn;
    }
  }
}
