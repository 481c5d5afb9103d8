package th.or.codi.programme.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operators' view of the messages, at {@code /actuator/prometheus}: {@code
 * programme_notifications_queued_total{channel,kind}}, {@code _sent_total}, {@code _retried_total},
 * {@code _failed_total} (given up) and {@code _skipped_total{channel,reason}} (no address, opted
 * out, no longer applied). Each node counts what it did.
 */
public class NotificationMetrics {

  private final MeterRegistry registry;

  public NotificationMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void queued(String channel, Kind kind) {
    counter("programme.notifications.queued", channel, "kind", kind.key()).increment();
  }

  void sent(String channel, Kind kind) {
    counter("programme.notifications.sent", channel, "kind", kind.key()).increment();
  }

  void retried(String channel, Kind kind) {
    counter("programme.notifications.retried", channel, "kind", kind.key()).increment();
  }

  void failed(String channel, Kind kind) {
    counter("programme.notifications.failed", channel, "kind", kind.key()).increment();
  }

  void skipped(String channel, String reason) {
    counter("programme.notifications.skipped", channel, "reason", reason).increment();
  }

  private Counter counter(String name, String channel, String tag, String value) {
    return Counter.builder(name)
        .description("Notification messages per channel")
        .tag("channel", channel)
        .tag(tag, value)
        .register(registry);
  }
}
