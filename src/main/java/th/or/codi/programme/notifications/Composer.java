package th.or.codi.programme.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.dashboard.MonthlyStatus;
import th.or.codi.programme.dashboard.ProgrammeDashboard;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.notifications.Outbox.Row;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * Turns an outbox row into the message its recipient reads, at the moment it goes out: the task as
 * it is then (a task completed or claimed by someone else since is not sent), the province, what is
 * expected (the task's one-line description), the due date with the Buddhist Era year, and the link
 * that opens the task in Tasklist. The words are in the templates ({@link Templates}).
 */
public class Composer {

  /** What a row becomes: a message, or the reason it is no longer sent. */
  public record Composed(Message message, String skipped) {
    static Composed skip(String reason) {
      return new Composed(null, reason);
    }
  }

  /** A task as the templates show it. */
  public record TaskView(
      String id,
      String name,
      String descriptionTh,
      String descriptionEn,
      String provinceTh,
      String provinceEn,
      String businessKey,
      String dueTh,
      String dueEn,
      boolean overdue,
      String link,
      Kind kind,
      Map<String, Object> detail) {}

  private final ProcessEngine engine;
  private final ProvinceReferenceData provinces;
  private final NotificationProperties properties;
  private final Templates templates;

  public Composer(
      ProcessEngine engine,
      ProvinceReferenceData provinces,
      NotificationProperties properties,
      Templates templates) {
    this.engine = engine;
    this.provinces = provinces;
    this.properties = properties;
    this.templates = templates;
  }

  public Composed compose(Row row, Recipient recipient, Outbox outbox, Instant now) {
    IdentityService identity = engine.getIdentityService();
    return EngineHooks.withoutAuthentication(
        identity, () -> composeAsSystem(row, recipient, outbox, now));
  }

  private Composed composeAsSystem(Row row, Recipient recipient, Outbox outbox, Instant now) {
    Map<String, Object> model = base(recipient, now);
    switch (row.kind()) {
      case TASK_CREATED, TASK_ASSIGNED, DUE_SOON, OVERDUE, ESCALATION -> {
        Optional<TaskView> task = task(row, recipient.userId(), now);
        if (task.isEmpty()) {
          return Composed.skip("no longer waits for " + recipient.userId());
        }
        model.put("task", task.get());
        if (row.kind() == Kind.ESCALATION) {
          model.put("province", standing(task.get(), now));
        }
        return message(row, model, subjectArgument(task.get()));
      }
      case DAILY_DIGEST -> {
        List<TaskView> items = new ArrayList<>();
        for (Row item : outbox.bundledIn(row.id())) {
          task(item, recipient.userId(), now).ifPresent(items::add);
        }
        if (items.isEmpty()) {
          return Composed.skip("nothing of the digest still waits");
        }
        model.put("items", items);
        return message(row, model, String.valueOf(items.size()));
      }
      case WEEKLY_DIGEST -> {
        List<ProgrammeDashboard.Row> rows = asRecipient(recipient.userId(), now);
        model.put("rows", rows);
        model.put("dashboardUrl", properties.publicUrl() + "/camunda/app/cockpit/default/#/");
        return message(
            row,
            model,
            ThaiCalendar.thaiDate(ThaiCalendar.dateOf(now)),
            ThaiCalendar.dateOf(now).toString());
      }
      case TEST -> {
        return message(row, model, recipient.userId());
      }
      default -> throw new IllegalStateException("no template for " + row.kind());
    }
  }

  private Composed message(Row row, Map<String, Object> model, String subjectArgument) {
    return message(row, model, subjectArgument, subjectArgument);
  }

  private Composed message(Row row, Map<String, Object> model, String thai, String english) {
    model.put("kind", row.kind().key());
    Recipient recipient = (Recipient) model.get("recipient");
    Preferences.Language language = recipient.preferences().language();
    String key = row.kind().subject();
    String subject =
        switch (language) {
          case TH -> Messages.thai(key, thai);
          case EN -> Messages.english(key, english);
          case BOTH -> Messages.thai(key, thai) + " / " + Messages.english(key, english);
        };
    return new Composed(
        new Message(
            row.id(),
            row.kind(),
            subject,
            templates.text(row.kind().template(), model),
            templates.html(row.kind().template(), model)),
        null);
  }

  private Map<String, Object> base(Recipient recipient, Instant now) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("recipient", recipient);
    model.put("th", recipient.preferences().language().thai());
    model.put("en", recipient.preferences().language().english());
    model.put("tasklistUrl", properties.publicUrl() + "/camunda/app/tasklist/default/");
    model.put(
        "preferencesUrl",
        properties.publicUrl() + "/camunda/app/tasklist/default/#/?notifications");
    model.put("nowTh", ThaiCalendar.thaiMinutes(Date.from(now)));
    model.put("nowEn", ThaiCalendar.englishMinutes(Date.from(now)));
    return model;
  }

  private static String subjectArgument(TaskView task) {
    String province = task.provinceTh() == null ? "" : " (" + task.provinceTh() + ")";
    return task.name() + province;
  }

  /** The task as it stands now, if it still waits for the recipient. */
  Optional<TaskView> task(Row row, String recipient, Instant now) {
    if (row.taskId() == null) {
      return Optional.empty();
    }
    TaskService tasks = engine.getTaskService();
    Task task = tasks.createTaskQuery().taskId(row.taskId()).initializeFormKeys().singleResult();
    if (task == null) {
      return Optional.empty();
    }
    Map<String, Object> detail = Details.read(row.detail());
    boolean above = Boolean.TRUE.equals(detail.get("escalated")) || row.kind() == Kind.ESCALATION;
    if (!above && !waitsFor(task, recipient)) {
      return Optional.empty();
    }
    String[] description = lines(task.getDescription());
    Optional<Province> province = province(task);
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult();
    Date due = task.getDueDate();
    return Optional.of(
        new TaskView(
            task.getId(),
            task.getName(),
            description[0],
            description[1],
            province.map(Province::nameTh).orElse(null),
            province.map(Province::nameEn).orElse(null),
            instance == null ? null : instance.getBusinessKey(),
            due == null ? null : ThaiCalendar.thaiMinutes(due),
            due == null ? null : ThaiCalendar.englishMinutes(due) + " ICT",
            due != null && due.toInstant().isBefore(now),
            properties.publicUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId(),
            row.kind(),
            detail));
  }

  /** Whether the person is still the one the task waits for: its assignee, or a candidate. */
  private boolean waitsFor(Task task, String userId) {
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(userId);
    }
    List<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList();
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
      if (!"candidate".equals(link.getType())) {
        continue;
      }
      if (userId.equals(link.getUserId())
          || (link.getGroupId() != null && groups.contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  private Optional<Province> province(Task task) {
    Object code = engine.getTaskService().getVariable(task.getId(), "provinceCode");
    if (code instanceof String c) {
      return provinces.byCode(c);
    }
    Object name = engine.getTaskService().getVariable(task.getId(), "provinceName");
    return provinces.provinces().stream().filter(p -> p.nameTh().equals(name)).findFirst();
  }

  /** Where the escalated task's province stands: its row of the dashboard. */
  private ProgrammeDashboard.Row standing(TaskView task, Instant now) {
    if (task.provinceTh() == null) {
      return null;
    }
    return new ProgrammeDashboard(engine, provinces)
        .view(now).provinces().stream()
            .filter(r -> task.provinceTh().equals(r.provinceName()))
            .findFirst()
            .orElse(null);
  }

  /** The dashboard as the recipient may see it. */
  private List<ProgrammeDashboard.Row> asRecipient(String userId, Instant now) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups =
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      return new ProgrammeDashboard(engine, provinces).view(now).provinces();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The Thai first line and the English second line of a task's description. */
  static String[] lines(String description) {
    if (description == null || description.isBlank()) {
      return new String[] {null, null};
    }
    String[] lines = description.strip().split("\\R", 2);
    return new String[] {lines[0].strip(), lines.length > 1 ? lines[1].strip() : null};
  }

  /** The words of a monthly status key, for the templates. */
  public static String monthlyStatus(String key, boolean thai) {
    for (MonthlyStatus s : MonthlyStatus.values()) {
      if (s.key().equals(key)) {
        return thai ? s.th() : s.en();
      }
    }
    return key;
  }
}
