package th.or.codi.programme.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import th.or.codi.programme.notifications.Outbox.NewMessage;
import th.or.codi.programme.notifications.Outbox.State;
import th.or.codi.programme.notifications.Preferences.Delivery;

/**
 * Records messages in the {@link Outbox}, in the transaction of whatever caused them, one row per
 * person and channel: sent at once, held for the person's daily digest, or not recorded (the person
 * chose none, or has no address: counted). When the transaction commits, the {@link Sender} is
 * woken; a rolled-back transaction leaves no row, so nothing is sent for it.
 */
public class NotificationRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationRecorder.class);

  private final NotificationProperties properties;
  private final Outbox outbox;
  private final Supplier<IdentityService> identity;
  private final NotificationMetrics metrics;
  private final Runnable wake;

  public NotificationRecorder(
      NotificationProperties properties,
      Outbox outbox,
      Supplier<IdentityService> identity,
      NotificationMetrics metrics,
      Runnable wake) {
    this.properties = properties;
    this.outbox = outbox;
    this.identity = identity;
    this.metrics = metrics;
    this.wake = wake;
  }

  public boolean active() {
    return properties.enabled() && !properties.mail().off();
  }

  Recipients recipients() {
    return new Recipients(identity.get());
  }

  /**
   * Records a message of the kind for each person; returns how many were recorded. {@code
   * immediate} sends it now whatever the person chose for delivery (a test message).
   */
  public int record(
      Kind kind,
      String taskId,
      String processInstanceId,
      Collection<String> userIds,
      String detail,
      boolean immediate) {
    if (!active() || userIds.isEmpty()) {
      return 0;
    }
    Recipients recipients = recipients();
    List<NewMessage> messages = new ArrayList<>();
    for (String userId : userIds) {
      Optional<Recipient> found = recipients.find(userId);
      if (found.isEmpty()) {
        metrics.skipped(EmailChannel.NAME, "unknown-user");
        continue;
      }
      Recipient recipient = found.get();
      if (!recipient.reachable()) {
        metrics.skipped(EmailChannel.NAME, "no-address");
        LOG.debug("{} for {}: no e-mail address, not told", kind.key(), userId);
        continue;
      }
      Delivery delivery = immediate ? Delivery.IMMEDIATE : recipient.preferences().delivery();
      if (delivery == Delivery.NONE) {
        metrics.skipped(EmailChannel.NAME, "opted-out");
        continue;
      }
      State state = delivery == Delivery.DIGEST && kind.aboutTask() ? State.HELD : State.PENDING;
      messages.add(new NewMessage(kind, userId, taskId, processInstanceId, detail, state));
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    outbox.record(EmailChannel.NAME, messages, now);
    messages.forEach(m -> metrics.queued(EmailChannel.NAME, kind));
    if (messages.stream().anyMatch(m -> m.state() == State.PENDING)) {
      wakeAfterCommit();
    }
    return messages.size();
  }

  /** Wakes the sender once the current transaction has committed (at once outside one). */
  void wakeAfterCommit() {
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      command
          .getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, context -> wake.run());
    } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              wake.run();
            }
          });
    } else {
      wake.run();
    }
  }
}
