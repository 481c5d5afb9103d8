package th.or.codi.programme.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import th.or.codi.programme.notifications.Composer.Composed;
import th.or.codi.programme.notifications.Outbox.Row;
import th.or.codi.programme.notifications.Outbox.State;

/**
 * Sends what the outbox holds, after the transaction that recorded it committed: woken by each such
 * commit and every poll interval, on one thread of its own per node. Each message is claimed first
 * (so one node sends it), composed as things stand then, and handed to its channel. A failed
 * attempt (the SMTP server down or refusing) is retried later, the wait doubling up to a maximum; a
 * message still not delivered after the give-up time is FAILED: logged, counted and listed for
 * administrators. The same loop runs the periodic work ({@link Periodic}: due-soon notices and the
 * digests). Nothing is held in memory: a restart finds every pending message where it was.
 */
public class Sender implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

  private final NotificationProperties properties;
  private final Outbox outbox;
  private final Recipients recipients;
  private final Composer composer;
  private final Channel channel;
  private final NotificationMetrics metrics;
  private final Periodic periodic;
  private final AtomicBoolean woken = new AtomicBoolean();
  private ScheduledExecutorService executor;

  public Sender(
      NotificationProperties properties,
      Outbox outbox,
      Recipients recipients,
      Composer composer,
      Channel channel,
      NotificationMetrics metrics,
      Periodic periodic) {
    this.properties = properties;
    this.outbox = outbox;
    this.recipients = recipients;
    this.composer = composer;
    this.channel = channel;
    this.metrics = metrics;
    this.periodic = periodic;
  }

  /** Asks the sender to look now (after a commit that recorded a message). */
  public void wake() {
    ScheduledExecutorService running = executor;
    if (running != null && woken.compareAndSet(false, true)) {
      running.execute(this::tick);
    }
  }

  private void tick() {
    woken.set(false);
    try {
      periodic.runDue(now());
      deliverDue();
    } catch (RuntimeException e) {
      // the database away for a moment: the next tick tries again
      LOG.warn("Notification sender: {}", e.toString());
    }
  }

  /** Sends every message due now; returns how many were sent. */
  public int deliverDue() {
    int sent = 0;
    NotificationProperties.Delivery delivery = properties.delivery();
    while (true) {
      List<Row> claimed =
          outbox.claimDue(delivery.node(), now(), delivery.claimFor(), delivery.batch());
      if (claimed.isEmpty()) {
        return sent;
      }
      for (Row row : claimed) {
        if (deliver(row)) {
          sent++;
        }
      }
    }
  }

  private boolean deliver(Row row) {
    String node = properties.delivery().node();
    Instant now = now();
    Optional<Recipient> found = recipients.find(row.recipient());
    if (found.isEmpty() || !channel.reaches(found.get())) {
      outbox.finish(row.id(), node, State.SKIPPED, "recipient unknown or without address", now);
      metrics.skipped(row.channel(), "no-address");
      return false;
    }
    Recipient recipient = found.get();
    if (recipient.preferences().delivery() == Preferences.Delivery.NONE
        && row.kind() != Kind.TEST
        && row.kind() != Kind.WEEKLY_DIGEST) {
      // the person chose no messages since this one was recorded
      outbox.finish(row.id(), node, State.SKIPPED, "the person chose no messages", now);
      metrics.skipped(row.channel(), "opted-out");
      return false;
    }
    try {
      Composed composed = composer.compose(row, recipient, outbox, now);
      if (composed.message() == null) {
        outbox.finish(row.id(), node, State.SKIPPED, composed.skipped(), now);
        metrics.skipped(row.channel(), "no-longer-applies");
        LOG.debug("Not sent {} to {}: {}", row.kind().key(), row.recipient(), composed.skipped());
        return false;
      }
      String where = channel.deliver(recipient, composed.message());
      outbox.finish(row.id(), node, State.SENT, null, now());
      metrics.sent(row.channel(), row.kind());
      LOG.info("Sent {} {} to {} ({})", row.kind().key(), row.id(), row.recipient(), where);
      return true;
    } catch (Exception e) {
      failed(row, e, now);
      return false;
    }
  }

  private void failed(Row row, Exception e, Instant now) {
    NotificationProperties.Delivery delivery = properties.delivery();
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (!now.isBefore(row.created().plus(delivery.giveUpAfter()))) {
      outbox.finish(row.id(), delivery.node(), State.FAILED, error, now);
      metrics.failed(row.channel(), row.kind());
      LOG.error(
          "Gave up {} {} to {} after {} attempts: {}",
          row.kind().key(),
          row.id(),
          row.recipient(),
          row.attempts() + 1,
          error);
      return;
    }
    Duration wait = delivery.retryAfter(row.attempts() + 1);
    outbox.retryAt(row.id(), delivery.node(), now.plus(wait), error);
    metrics.retried(row.channel(), row.kind());
    LOG.warn(
        "Could not send {} {} to {} (attempt {}), retrying in {}: {}",
        row.kind().key(),
        row.id(),
        row.recipient(),
        row.attempts() + 1,
        wait,
        error);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public void start() {
    if (!properties.enabled() || !properties.delivery().sender() || properties.mail().off()) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "notification-sender");
              t.setDaemon(true);
              return t;
            });
    long every = properties.delivery().pollInterval().toMillis();
    executor.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    LOG.info(
        "Notifications: {} through {}, links to {}",
        channel.name(),
        properties.mail().transport(),
        properties.publicUrl());
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = executor;
    executor = null;
    if (running != null) {
      running.shutdown();
      try {
        running.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
