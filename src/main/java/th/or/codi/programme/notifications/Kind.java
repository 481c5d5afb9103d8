package th.or.codi.programme.notifications;

import java.util.Arrays;

/** What a message tells; each kind has its templates under {@code notifications/}. */
public enum Kind {
  /** A task waits for the recipient (one of its candidates, or its assignee). */
  TASK_CREATED("task-created", "task", "notifications.subject.task-created"),
  /** Someone else assigned a task to the recipient. */
  TASK_ASSIGNED("task-assigned", "task", "notifications.subject.task-assigned"),
  /** A task of the recipient is due within the lead time. */
  DUE_SOON("due-soon", "task", "notifications.subject.due-soon"),
  /** A task of the recipient (or, escalated, of the recipient's staff) is past its due date. */
  OVERDUE("overdue", "task", "notifications.subject.overdue"),
  /** A stage overran or a province is off track: managers decide. */
  ESCALATION("escalation", "escalation", "notifications.subject.escalation"),
  /** What waited for a person who asked for one message a day. */
  DAILY_DIGEST("daily-digest", "daily-digest", "notifications.subject.daily-digest"),
  /** Where every province stands, for managers and whoever asked. */
  WEEKLY_DIGEST("weekly-digest", "weekly-digest", "notifications.subject.weekly-digest"),
  /** An administrator's test of the mail settings. */
  TEST("test", "test", "notifications.subject.test");

  private final String key;
  private final String template;
  private final String subject;

  Kind(String key, String template, String subject) {
    this.key = key;
    this.template = template;
    this.subject = subject;
  }

  /** The message key of the subject (messages_*.properties), {0} the task or the count. */
  public String subject() {
    return subject;
  }

  /** The kind's name in the outbox, the metrics and the message texts. */
  public String key() {
    return key;
  }

  /** The template's name (without {@code .html}/{@code .txt}). */
  public String template() {
    return template;
  }

  public boolean aboutTask() {
    return "task".equals(template) || this == ESCALATION;
  }

  public static Kind of(String key) {
    return Arrays.stream(values())
        .filter(k -> k.key.equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown notification kind " + key));
  }
}
