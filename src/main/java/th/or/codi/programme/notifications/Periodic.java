package th.or.codi.programme.notifications;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.identity.ProgrammeGroups;
import th.or.codi.programme.notifications.Preferences.Delivery;

/**
 * The notices no engine event causes, each run by one node of a cluster at a time (the run's next
 * time moves in one conditional UPDATE, {@link Outbox#takeRun}): tasks that fall due within the
 * lead time (every 15 minutes), the daily digest of what was held for the people who chose one, and
 * the weekly digest of where every province stands.
 */
public class Periodic {

  static final String DUE_SOON = "due-soon";
  static final String DAILY = "daily-digest";
  static final String WEEKLY = "weekly-digest";
  static final Duration SCAN = Duration.ofMinutes(15);
  private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

  private final NotificationProperties properties;
  private final Outbox outbox;
  private final ProcessEngine engine;
  private final NotificationRecorder recorder;
  private final TransactionTemplate transaction;

  public Periodic(
      NotificationProperties properties,
      Outbox outbox,
      ProcessEngine engine,
      NotificationRecorder recorder,
      PlatformTransactionManager transactions) {
    this.properties = properties;
    this.outbox = outbox;
    this.engine = engine;
    this.recorder = recorder;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Runs whatever is due now and not taken by another node. */
  public void runDue(Instant now) {
    if (!recorder.active()) {
      return;
    }
    if (outbox.takeRun(DUE_SOON, now, now.plus(SCAN), now)) {
      dueSoon(now);
    }
    Instant daily = nextDigest(now);
    if (outbox.takeRun(DAILY, now, daily, daily)) {
      dailyDigests(now);
      int forgotten = outbox.forgetDoneBefore(now.minus(properties.delivery().keepFor()));
      if (forgotten > 0) {
        LOG.info(
            "Removed {} messages done more than {} ago",
            forgotten,
            properties.delivery().keepFor());
      }
    }
    Instant weekly = nextWeekly(now);
    if (outbox.takeRun(WEEKLY, now, weekly, weekly)) {
      weeklyDigests(now);
    }
  }

  /** Tells the people of each task due within the lead time, once per due date. */
  public int dueSoon(Instant now) {
    IdentityService identity = engine.getIdentityService();
    List<Task> due =
        EngineHooks.withoutAuthentication(
            identity,
            () ->
                engine
                    .getTaskService()
                    .createTaskQuery()
                    .dueAfter(Date.from(now))
                    .dueBefore(Date.from(now.plus(properties.dueSoon())))
                    .list());
    int told = 0;
    Recipients recipients = recorder.recipients();
    for (Task task : due) {
      String detail = Details.of("due", task.getDueDate().getTime());
      Set<String> people =
          EngineHooks.withoutAuthentication(
              identity,
              () ->
                  recipients.ofTask(
                      task.getAssignee(),
                      engine.getTaskService().getIdentityLinksForTask(task.getId())));
      people.removeIf(user -> outbox.recorded(Kind.DUE_SOON, task.getId(), user, detail));
      told +=
          transaction.execute(
              s ->
                  recorder.record(
                      Kind.DUE_SOON,
                      task.getId(),
                      task.getProcessInstanceId(),
                      people,
                      detail,
                      false));
    }
    return told;
  }

  /** One message per person with held messages; returns how many digests were recorded. */
  public int dailyDigests(Instant now) {
    int digests = 0;
    for (String recipient : outbox.heldRecipients(EmailChannel.NAME)) {
      Integer bundled =
          transaction.execute(
              s -> outbox.bundle(EmailChannel.NAME, recipient, UUID.randomUUID().toString(), now));
      if (bundled != null && bundled > 0) {
        digests++;
      }
    }
    if (digests > 0) {
      LOG.info("Daily digests recorded for {} people", digests);
      recorder.wakeAfterCommit();
    }
    return digests;
  }

  /**
   * The weekly digest for the members of {@code managers} who did not turn it off and for anyone
   * who turned it on.
   */
  public int weeklyDigests(Instant now) {
    IdentityService identity = engine.getIdentityService();
    PreferenceStore store = new PreferenceStore(identity);
    Set<String> managers = recorder.recipients().members(ProgrammeGroups.MANAGERS);
    Set<String> people = new LinkedHashSet<>();
    EngineHooks.withoutAuthentication(
        identity,
        () -> {
          for (User user : identity.createUserQuery().list()) {
            Preferences p = store.of(user.getId());
            boolean wanted =
                p.weeklyDigest() != null
                    ? p.weeklyDigest()
                    : managers.contains(user.getId()) && p.delivery() != Delivery.NONE;
            if (wanted) {
              people.add(user.getId());
            }
          }
          return null;
        });
    Integer recorded =
        transaction.execute(
            s -> recorder.record(Kind.WEEKLY_DIGEST, null, null, people, null, true));
    return recorded == null ? 0 : recorded;
  }

  Instant nextDigest(Instant now) {
    NotificationProperties.Digest digest = properties.digest();
    if (digest.every() != null) {
      return now.plus(digest.every());
    }
    ZonedDateTime local = now.atZone(ThaiCalendar.ZONE);
    ZonedDateTime next = local.toLocalDate().atTime(digest.at()).atZone(ThaiCalendar.ZONE);
    return (next.isAfter(local) ? next : next.plusDays(1)).toInstant();
  }

  Instant nextWeekly(Instant now) {
    NotificationProperties.Digest digest = properties.digest();
    if (digest.every() != null) {
      return now.plus(digest.every());
    }
    ZonedDateTime local = now.atZone(ThaiCalendar.ZONE);
    DayOfWeek day = digest.weeklyOn();
    LocalDate date = local.toLocalDate().with(TemporalAdjusters.nextOrSame(day));
    ZonedDateTime next = date.atTime(digest.at()).atZone(ThaiCalendar.ZONE);
    return (next.isAfter(local) ? next : next.plusWeeks(1)).toInstant();
  }
}
