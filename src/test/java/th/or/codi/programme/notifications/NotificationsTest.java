package th.or.codi.programme.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.UnusedWave;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.notifications.Outbox.State;
import th.or.codi.programme.notifications.Preferences.Delivery;
import th.or.codi.programme.notifications.Preferences.Language;

/**
 * Who is told what, over a real SMTP server: each trigger's message reaches the task's people and
 * no one else, decodes as Thai, links to the task; nothing is sent twice, for a rejected
 * submission, or for a task that no longer waits; a mail server that is down delays the messages
 * and loses none.
 */
@NotificationTest
class NotificationsTest {

  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired Sender sender;
  @Autowired Periodic periodic;
  @Autowired Outbox outbox;
  @Autowired TestRestTemplate http;

  private Walkthrough walk;

  @BeforeEach
  void setUp() {
    walk =
        new Walkthrough(
            act,
            code ->
                switch (code) {
                  case "TH-60" -> "nakhonsawan";
                  case "TH-19" -> "saraburi";
                  default -> "chainat";
                },
            task -> {});
    sender.deliverDue();
    TestMail.purge();
    for (String user : List.of("nakhonsawan", "saraburi", "codi", "thaihealth", "manager")) {
      preferences(user, new Preferences(Delivery.IMMEDIATE, Language.BOTH, null));
    }
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    TestMail.server();
  }

  private void preferences(String user, Preferences p) {
    new PreferenceStore(engine.getIdentityService()).save(user, p);
  }

  private String start(String province) {
    UnusedWave unused = UnusedWave.of(engine, province);
    return walk.start(province, unused.fiscalYear(), unused.wave());
  }

  @Test
  void aNewTaskTellsEachMemberOfItsGroupInThaiWithALinkToTheTask() throws Exception {
    String key = start("TH-60");
    Task plan = act.task(key, "Activity_PlanForum");

    assertThat(sender.deliverDue()).isEqualTo(1);
    assertThat(TestMail.recipients()).containsExactly("nakhonsawan@example.org");
    MimeMessage message = TestMail.to("nakhonsawan@example.org").get(0);
    String subject = message.getSubject();
    assertThat(subject).startsWith("งานใหม่รอท่าน: " + plan.getName() + " (นครสวรรค์)");
    assertThat(subject).contains(" / A task waits for you: ");
    assertThat(message.getHeader("Subject")[0]).startsWith("=?UTF-8?");
    assertThat(MimeUtility.decodeText(message.getHeader("Subject")[0])).isEqualTo(subject);
    String text = TestMail.part(message, "text/plain");
    String html = TestMail.part(message, "text/html");
    String link =
        "https://programme.example.org/camunda/app/tasklist/default/#/?task=" + plan.getId();
    assertThat(text)
        .contains("เรียน ขบวนจังหวัดนครสวรรค์ (Nakhon Sawan)")
        .contains("จังหวัด: นครสวรรค์")
        .contains("Province: Nakhon Sawan")
        .contains("งาน: " + plan.getName())
        .contains("สิ่งที่ต้องทำ: " + plan.getDescription().split("\\R")[0].strip())
        .contains("กำหนดเสร็จ: ")
        .contains(link);
    assertThat(text.indexOf("เรียน")).isLessThan(text.indexOf("Dear"));
    // the due date with the Buddhist Era year
    int year =
        plan.getDueDate()
            .toInstant()
            .atZone(th.or.codi.programme.calendar.ThaiCalendar.ZONE)
            .getYear();
    assertThat(text).contains("/" + (year + 543) + " ");
    assertThat(html).contains("href=\"" + link.replace("&", "&amp;") + "\"").contains("นครสวรรค์");
    assertThat(message.getFrom()[0].toString()).contains("programme@example.org");

    // told once: claiming it tells nobody again, delivering again sends nothing
    act.as(
        "nakhonsawan",
        () -> {
          engine.getTaskService().claim(plan.getId(), "nakhonsawan");
          return null;
        });
    assertThat(sender.deliverDue()).isZero();
    assertThat(TestMail.server().getReceivedMessages()).hasSize(1);
  }

  @Test
  void operatorsCountQueuedSentRetriedAndFailedMessagesPerChannel(
      @Autowired io.micrometer.core.instrument.MeterRegistry registry) {
    java.util.function.Function<String, Double> count =
        name ->
            registry
                .find("programme.notifications." + name)
                .tag("channel", "email")
                .counters()
                .stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    double queued = count.apply("queued");
    double sent = count.apply("sent");
    double retried = count.apply("retried");
    start("TH-60");
    assertThat(count.apply("queued")).isEqualTo(queued + 1);
    TestMail.down();
    try {
      sender.deliverDue();
      assertThat(count.apply("retried")).isEqualTo(retried + 1);
    } finally {
      TestMail.server();
    }
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
    sender.deliverDue();
    assertThat(count.apply("sent")).isEqualTo(sent + 1);
    assertThat(
            http.withBasicAuth("monitor", "monitor")
                .getForEntity("/actuator/prometheus", String.class)
                .getBody())
        .contains("programme_notifications_sent_total{channel=\"email\",kind=\"task-created\"}")
        .contains("programme_notifications_retried_total");
  }

  @Test
  void aTaskAssignedByAnotherTellsTheAssigneeOnly() throws Exception {
    String key = start("TH-60");
    Task plan = act.task(key, "Activity_PlanForum");
    sender.deliverDue();
    TestMail.purge();

    act.as(
        "admin",
        () -> {
          engine.getTaskService().setAssignee(plan.getId(), "nakhonsawan");
          return null;
        });
    assertThat(sender.deliverDue()).isEqualTo(1);
    MimeMessage message = TestMail.to("nakhonsawan@example.org").get(0);
    assertThat(message.getSubject()).startsWith("ท่านได้รับมอบหมายงาน: ");
  }

  @Test
  void aSaraburiMemberNeverGetsNakhonSawansWork() {
    String nakhonSawan = start("TH-60");
    walk.planForum(nakhonSawan, "TH-60");
    String saraburi = start("TH-19");
    sender.deliverDue();
    // Nakhon Sawan's plan goes to CODI and ThaiHealth for review; Saraburi's first task to
    // Saraburi; Nakhon Sawan planned its forum before the message went out: nothing for it
    assertThat(TestMail.to("saraburi@example.org")).hasSize(1);
    assertThat(TestMail.to("nakhonsawan@example.org")).isEmpty();
    assertThat(TestMail.to("codi@example.org")).hasSize(1);
    assertThat(TestMail.to("thaihealth@example.org")).hasSize(1);
    for (MimeMessage m : TestMail.to("saraburi@example.org")) {
      assertThat(subject(m)).contains("สระบุรี").doesNotContain("นครสวรรค์");
    }
    assertThat(act.task(saraburi, "Activity_PlanForum")).isNotNull();
  }

  @Test
  void aRejectedSubmissionSendsNothing() {
    String key = start("TH-60");
    Task plan = act.task(key, "Activity_PlanForum");
    sender.deliverDue();
    TestMail.purge();
    int before = outbox.list(null, null, 10_000).size();

    ResponseEntity<String> refused =
        rest(
            "nakhonsawan",
            HttpMethod.POST,
            "/task/" + plan.getId() + "/complete",
            "{\"variables\": {\"expectedParticipants\": {\"value\": -5, \"type\": \"Long\"}}}");
    assertThat(refused.getStatusCode().is4xxClientError()).as(refused.getBody()).isTrue();
    assertThat(outbox.list(null, null, 10_000)).hasSize(before);
    assertThat(sender.deliverDue()).isZero();
    assertThat(TestMail.server().getReceivedMessages()).isEmpty();
  }

  @Test
  void aMessageIsRecordedInTheEngineTransactionAndRollsBackWithIt(
      @Autowired NotificationRecorder recorder) {
    int before = outbox.list(null, "codi", 10_000).size();
    var commands =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                commands.execute(
                    context -> {
                      recorder.record(Kind.TEST, null, null, List.of("codi"), null, true);
                      assertThat(outbox.list(null, "codi", 10_000)).hasSize(before + 1);
                      throw new IllegalStateException("the engine change fails");
                    }))
        .hasMessageContaining("the engine change fails");
    assertThat(outbox.list(null, "codi", 10_000)).hasSize(before);
    assertThat(sender.deliverDue()).isZero();
    assertThat(TestMail.to("codi@example.org")).isEmpty();
  }

  @Test
  void aPersonWhoChoseNoneSinceIsNotSentWhatWasRecorded() {
    start("TH-60");
    preferences("nakhonsawan", new Preferences(Delivery.NONE, Language.BOTH, null));
    assertThat(sender.deliverDue()).isZero();
    assertThat(TestMail.to("nakhonsawan@example.org")).isEmpty();
  }

  @Test
  void aTaskCompletedBeforeItsMessageGoesOutIsNotSent() {
    String key = start("TH-60");
    walk.planForum(key, "TH-60");
    // the plan-forum message was recorded but the person completed the task first
    String planForum =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(key)
            .taskDefinitionKey("Activity_PlanForum")
            .singleResult()
            .getId();
    sender.deliverDue();
    assertThat(TestMail.to("nakhonsawan@example.org")).isEmpty();
    assertThat(outbox.list(null, "nakhonsawan", 10_000))
        .filteredOn(r -> planForum.equals(r.taskId()))
        .singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(State.SKIPPED));
  }

  @Test
  void theMailServerDownForAWhileDelaysEveryMessageAndLosesNone() {
    TestMail.down();
    try {
      String key = start("TH-60");
      walk.planForum(key, "TH-60");
      // CODI's and ThaiHealth's review tasks: two messages, the server refuses connections
      assertThat(sender.deliverDue()).isZero();
      List<Outbox.Row> pending = outbox.list(State.PENDING, null, 10);
      assertThat(pending).extracting(Outbox.Row::recipient).contains("codi", "thaihealth");
      assertThat(pending).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
      // the retry waits: nothing is attempted before it is due
      assertThat(sender.deliverDue()).isZero();
      assertThat(outbox.find(pending.get(0).id()).attempts()).isEqualTo(1);
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
      assertThat(sender.deliverDue()).isZero();
      assertThat(outbox.find(pending.get(0).id()).attempts()).isEqualTo(2);
    } finally {
      TestMail.server();
    }
    // back: after the doubled wait each message goes exactly once
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
    assertThat(sender.deliverDue()).isEqualTo(2);
    assertThat(sender.deliverDue()).isZero();
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(1))));
    assertThat(sender.deliverDue()).isZero();
    assertThat(TestMail.to("codi@example.org")).hasSize(1);
    assertThat(TestMail.to("thaihealth@example.org")).hasSize(1);
  }

  @Test
  void aMessageNotDeliveredWithinTheGiveUpTimeFailsVisibly() {
    TestMail.down();
    try {
      start("TH-60");
      sender.deliverDue();
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(3))));
      sender.deliverDue();
      assertThat(outbox.list(State.FAILED, "nakhonsawan", 10)).hasSize(1);
      assertThat(outbox.list(State.FAILED, "nakhonsawan", 10).get(0).lastError()).contains("Mail");
    } finally {
      TestMail.server();
    }
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(4))));
    assertThat(sender.deliverDue()).isZero();
  }

  @Test
  void digestAndNonePreferencesAreHonoured() throws Exception {
    preferences("nakhonsawan", new Preferences(Delivery.DIGEST, Language.TH, null));
    preferences("saraburi", new Preferences(Delivery.NONE, Language.BOTH, null));
    String ns = start("TH-60");
    start("TH-19");
    assertThat(sender.deliverDue()).isZero();
    assertThat(TestMail.server().getReceivedMessages()).isEmpty();

    assertThat(periodic.dailyDigests(Instant.now())).isEqualTo(1);
    assertThat(sender.deliverDue()).isEqualTo(1);
    MimeMessage digest = TestMail.to("nakhonsawan@example.org").get(0);
    assertThat(digest.getSubject()).isEqualTo("สรุปงานที่รอท่านวันนี้ (1 งาน)");
    String text = TestMail.part(digest, "text/plain");
    assertThat(text)
        .contains(act.task(ns, "Activity_PlanForum").getName())
        .contains("?task=" + act.task(ns, "Activity_PlanForum").getId())
        .doesNotContain("Dear");
    assertThat(TestMail.to("saraburi@example.org")).isEmpty();
    // nothing held any more: no second digest
    assertThat(periodic.dailyDigests(Instant.now())).isZero();
  }

  @Test
  void aTaskDueSoonTellsItsPeopleOncePerDueDate() {
    String key = start("TH-60");
    Task plan = act.task(key, "Activity_PlanForum");
    sender.deliverDue();
    TestMail.purge();
    plan.setDueDate(Date.from(Instant.now().plus(Duration.ofMinutes(3))));
    engine.getTaskService().saveTask(plan);

    // every open task of the tests is due within minutes (demo timers): look at this one's
    periodic.dueSoon(Instant.now());
    periodic.dueSoon(Instant.now());
    assertThat(outbox.list(null, null, 10_000))
        .filteredOn(r -> plan.getId().equals(r.taskId()) && r.kind() == Kind.DUE_SOON)
        .hasSize(1);
    sender.deliverDue();
    assertThat(TestMail.to("nakhonsawan@example.org"))
        .extracting(NotificationsTest::subject)
        .anySatisfy(s -> assertThat(s).startsWith("ใกล้ครบกำหนด: " + plan.getName()));
  }

  @Test
  void anOverdueTaskTellsItsPeopleAndAfterTheSecondReminderManagers() {
    String key = start("TH-60");
    Task plan = act.task(key, "Activity_PlanForum");
    sender.deliverDue();
    TestMail.purge();

    ClockUtil.setCurrentTime(Date.from(plan.getDueDate().toInstant().plusSeconds(60)));
    fireReminder(plan);
    sender.deliverDue();
    assertThat(TestMail.to("nakhonsawan@example.org"))
        .extracting(NotificationsTest::subject)
        .containsExactly(
            "เลยกำหนดแล้ว: "
                + plan.getName()
                + " (นครสวรรค์) / Overdue: "
                + plan.getName()
                + " (นครสวรรค์)");
    assertThat(TestMail.to("manager@example.org")).isEmpty();

    // the second reminder, a repeat later: managers too, told why
    ClockUtil.setCurrentTime(Date.from(plan.getDueDate().toInstant().plus(Duration.ofMinutes(25))));
    fireReminder(plan);
    sender.deliverDue();
    assertThat(TestMail.to("nakhonsawan@example.org")).hasSize(2);
    assertThat(TestMail.to("manager@example.org"))
        .singleElement()
        .satisfies(m -> assertThat(TestMail.part(m, "text/plain")).contains("เตือนแล้ว 2 ครั้ง"));
    assertThat(TestMail.to("saraburi@example.org")).isEmpty();
  }

  @Test
  void aStageOverrunTellsManagersWhatHappenedAndWhereTheProvinceStands() throws Exception {
    String key = start("TH-60");
    sender.deliverDue();
    TestMail.purge();
    act.fireTimer(key, "Event_ForumStageOverrun");
    sender.deliverDue();
    assertThat(TestMail.recipients()).containsExactly("manager@example.org");
    MimeMessage message = TestMail.to("manager@example.org").get(0);
    assertThat(message.getSubject()).startsWith("ต้องตัดสินใจ: ").contains("(นครสวรรค์)");
    String text = TestMail.part(message, "text/plain");
    assertThat(text)
        .contains("ต้องการการตัดสินใจของผู้บริหาร: จังหวัดนครสวรรค์")
        .contains("เกิดอะไรขึ้น: ขั้นเวทีทำความเข้าใจเกินเวลาที่กำหนด")
        .contains("What happened: Managers follow up the overrunning understanding-forum stage.")
        .contains("สถานะล่าสุดของจังหวัด")
        .contains("ขั้นตอน: ")
        .contains("?task=" + act.task(key, "Activity_FollowUpForumOverrun").getId());
    assertThat(TestMail.part(message, "text/html")).contains("Where the province stands");
  }

  @Test
  void theWeeklyDigestTellsManagersWhereEachProvinceStands() throws Exception {
    start("TH-60");
    sender.deliverDue();
    TestMail.purge();
    assertThat(periodic.weeklyDigests(Instant.now())).isEqualTo(1);
    sender.deliverDue();
    assertThat(TestMail.recipients()).containsExactly("manager@example.org");
    MimeMessage digest = TestMail.to("manager@example.org").get(0);
    assertThat(digest.getSubject()).startsWith("สรุปความคืบหน้ารายจังหวัด ณ ");
    assertThat(TestMail.part(digest, "text/plain"))
        .contains("- นครสวรรค์")
        .contains("- Nakhon Sawan")
        .contains("https://programme.example.org/camunda/app/cockpit/default/#/");
    // a member who asked for it gets it too; a manager who turned it off does not
    preferences("codi", new Preferences(Delivery.IMMEDIATE, Language.EN, true));
    preferences("manager", new Preferences(Delivery.IMMEDIATE, Language.BOTH, false));
    TestMail.purge();
    assertThat(periodic.weeklyDigests(Instant.now())).isEqualTo(1);
    sender.deliverDue();
    assertThat(TestMail.recipients()).containsExactly("codi@example.org");
    assertThat(TestMail.to("codi@example.org").get(0).getSubject())
        .isEqualTo(
            "Where each province stands, "
                + th.or.codi.programme.calendar.ThaiCalendar.dateOf(Instant.now()));
  }

  @Test
  void twoNodesSendingFromOneDatabaseSendEachMessageOnce(
      @Autowired NotificationRecorder recorder,
      @Autowired NotificationProperties properties,
      @Autowired Composer composer,
      @Autowired org.springframework.mail.javamail.JavaMailSender mail,
      @Autowired NotificationMetrics metrics)
      throws Exception {
    List<String> users = List.of("nakhonsawan", "saraburi", "codi", "thaihealth", "manager");
    for (int i = 0; i < 8; i++) {
      recorder.record(Kind.TEST, null, null, users, null, true);
    }
    List<Sender> nodes = new java.util.ArrayList<>();
    for (String node : List.of("node-a", "node-b")) {
      NotificationProperties.Delivery d = properties.delivery();
      NotificationProperties other =
          new NotificationProperties(
              true,
              properties.publicUrl(),
              properties.mail(),
              properties.dueSoon(),
              properties.overdue(),
              new NotificationProperties.Delivery(
                  false,
                  d.pollInterval(),
                  d.firstRetry(),
                  d.maxRetryInterval(),
                  d.giveUpAfter(),
                  d.claimFor(),
                  3,
                  node,
                  d.keepFor()),
              properties.digest());
      nodes.add(
          new Sender(
              other,
              outbox,
              new Recipients(engine.getIdentityService()),
              composer,
              new EmailChannel(mail, properties.mail()),
              metrics,
              periodic));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> nodes.get(0).deliverDue());
      var b = pool.submit(() -> nodes.get(1).deliverDue());
      int sent = a.get() + b.get();
      assertThat(sent).isEqualTo(40);
    } finally {
      pool.shutdown();
    }
    assertThat(TestMail.server().getReceivedMessages()).hasSize(40);
    List<String> ids =
        java.util.Arrays.stream(TestMail.server().getReceivedMessages())
            .map(
                m -> {
                  try {
                    return m.getHeader("X-Programme-Notification")[0];
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    assertThat(ids).doesNotHaveDuplicates().hasSize(40);
    for (String user : users) {
      assertThat(TestMail.to(user + "@example.org")).hasSize(8);
    }
  }

  private void fireReminder(Task task) {
    var reminder =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(task.getProcessInstanceId())
            .timers()
            .activityId(task.getTaskDefinitionKey())
            .singleResult();
    engine.getManagementService().executeJob(reminder.getId());
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<String> rest(String user, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user)
        .exchange(
            "/engine-rest/engine/" + NotificationTest.ENGINE + path,
            method,
            new HttpEntity<>(json, headers),
            String.class);
  }

  @SuppressWarnings("unused")
  private static Map<String, Object> none() {
    return Map.of();
  }
}
