package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.JointProgrammeApplication;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;

/**
 * Every form in {@code forms/} opened in real Tasklist (Debian's Chromium, headless), by the party
 * whose task it is, at a 1366-pixel window and on a 390-pixel phone: the engine drives a pipeline
 * (or a regional programme) to each task, as the other tests do, and the browser claims nothing but
 * types into, selects or ticks every editable field, checking that each is visible, wide enough to
 * show its value, not overlapped by another field and takes the click; the start forms are opened
 * from Tasklist's start dialog. On the way every string a Thai page shows (text, placeholder,
 * aria-label, title) is collected: an English-only one that is not on {@link #ALLOWED_ENGLISH}
 * fails the build. A refused submission says why, above ส่งงาน; an English browser keeps form-js's
 * English. Screenshots go to {@code target/browser-screenshots/forms-*}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistFormsBrowserIT {

  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String CHROMEDRIVER =
      System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

  /** {@code -Dforms.only=a,b}: walk only these forms (while working on them); all by default. */
  static final String ONLY = System.getProperty("forms.only", "");

  /**
   * English a Thai page may show, each for a reason (documented in docs/thai-webapps.md): the
   * product's name and version in Tasklist's footer, the time zone's abbreviation.
   */
  static final Set<String> ALLOWED_ENGLISH = Set.of("Camunda Platform", "UTC", "v7.24.0");

  /** A form opened as a task: which form, by whom, which task. */
  record TaskForm(String form, String user, String taskId) {}

  /** A start form, opened from Tasklist's start dialog. */
  record StartForm(String form, String processName) {}

  @TempDir static Path dataDir;
  static ConfigurableApplicationContext app;
  static ProcessEngine engine;
  static String base;
  static final List<TaskForm> TASK_FORMS = new ArrayList<>();
  static final List<StartForm> START_FORMS =
      List.of(
          new StartForm("provincial-pipeline-start", "ขับเคลื่อนงานร่วมระดับจังหวัด"),
          new StartForm("regional-programme-start", "โครงการความร่วมมือระดับภาค"));
  static final Map<String, Set<String>> ENGLISH_SEEN = new LinkedHashMap<>();
  static final Set<String> PAGES_WALKED = new TreeSet<>();
  static final Set<String> ALLOWED_SEEN = new TreeSet<>();
  static String forumPlanTask;
  static String draftPlanTask;

  @BeforeAll
  static void startTheApplicationWithATaskForEveryForm() throws IOException {
    Assumptions.assumeTrue(
        new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "SKIPPED: browser tests need Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "); .ci/run installs them: apt-get install -y chromium chromium-driver");
    Files.createDirectories(SCREENSHOTS);
    app =
        new SpringApplicationBuilder(JointProgrammeApplication.class)
            .profiles("demo")
            .run(
                "--PROGRAMME_DATA_DIR=" + dataDir,
                "--server.port=0",
                "--programme.demo.data=false",
                "--camunda.bpm.job-execution.enabled=false");
    engine = app.getBean(ProcessEngine.class);
    base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    driveToEveryForm(
        new Walkthrough(app.getBean(PersonActions.class), code -> "nakhonsawan", t -> {}));
  }

  /** One Nakhon Sawan pipeline per stage reached (a fiscal year each), two regional programmes. */
  static void driveToEveryForm(Walkthrough walk) {
    PersonActions act = walk.act();
    String ns = "nakhonsawan";
    int year = 2563;

    String forum = walk.start("TH-60", year++, 1);
    add("understanding-forum-plan", ns, act.task(forum, "Activity_PlanForum"));
    forumPlanTask = act.task(forum, "Activity_PlanForum").getId();
    act.fireTimer(forum, "Event_ForumStageOverrun");
    add(
        "provincial-pipeline-stage-overrun",
        "manager",
        act.task(forum, "Activity_FollowUpForumOverrun"));

    String review = walk.start("TH-60", year++, 1);
    walk.planForum(review, "TH-60");
    add(
        "understanding-forum-review-plan",
        "codi",
        act.task(review, "Activity_ReviewForumPlanCodi"));

    String report = walk.start("TH-60", year++, 1);
    walk.planForum(report, "TH-60");
    walk.reviewForum(report, "approve", "approve");
    act.fireTimer(report, "Event_ForumDay");
    add("understanding-forum-report", ns, act.task(report, "Activity_ReportForum"));

    String visitPlan = walk.start("TH-60", year++, 1);
    walk.forumStage(visitPlan, "TH-60");
    add("study-visit-plan", "codi", act.task(visitPlan, "Activity_PlanStudyVisit"));

    String budget = walk.start("TH-60", year++, 1);
    walk.forumStage(budget, "TH-60");
    walk.planVisit(budget);
    add(
        "study-visit-approve-budget",
        "thaihealth",
        act.task(budget, "Activity_ApproveVisitBudget"));

    String lessons = walk.start("TH-60", year++, 1);
    walk.forumStage(lessons, "TH-60");
    walk.planVisit(lessons);
    walk.decideBudget(lessons, "approve", null);
    act.fireTimer(lessons, "Event_VisitEnded");
    add("study-visit-report-lessons", ns, act.task(lessons, "Activity_ReportLessons"));

    String draft = walk.start("TH-60", year++, 1);
    walk.forumStage(draft, "TH-60");
    walk.visitStage(draft, "TH-60");
    add("joint-design-draft-plan", ns, act.task(draft, "Activity_DraftJointPlan"));
    draftPlanTask = act.task(draft, "Activity_DraftJointPlan").getId();

    String endorse = walk.start("TH-60", year++, 1);
    walk.forumStage(endorse, "TH-60");
    walk.visitStage(endorse, "TH-60");
    walk.draftPlan(endorse);
    add("joint-design-endorse-plan", "codi", act.task(endorse, "Activity_EndorsePlanCodi"));

    String stalled = walk.start("TH-60", year++, 1);
    walk.forumStage(stalled, "TH-60");
    walk.visitStage(stalled, "TH-60");
    for (int round = 1; round <= 3; round++) {
      walk.draftPlan(stalled);
      walk.endorse(stalled, "TH-60", "endorse", "request-revision", "endorse");
    }
    add(
        "joint-design-decide-stalled-plan",
        "manager",
        act.task(stalled, "Activity_DecideStalledPlan"));

    String carryOut = walk.start("TH-60", year++, 1);
    walk.forumStage(carryOut, "TH-60");
    walk.visitStage(carryOut, "TH-60");
    walk.designStage(carryOut, "TH-60");
    add("implementation-carry-out-plan", ns, act.task(carryOut, "Activity_CarryOutPlan"));
    act.fireTimer(carryOut, "Event_MonthlyReportDue");
    add("implementation-monthly-report", ns, act.task(carryOut, "Activity_SubmitMonthlyReport"));

    String progress = walk.start("TH-60", year++, 1);
    walk.forumStage(progress, "TH-60");
    walk.visitStage(progress, "TH-60");
    walk.designStage(progress, "TH-60");
    walk.monthlyReport(progress, "TH-60", "off-track");
    add(
        "implementation-decide-intervention",
        "manager",
        act.task(progress, "Activity_DecideIntervention"));
    act.fireTimer(progress, "Event_MonthlyReportDue");
    walk.complete(
        ns,
        progress,
        "Activity_SubmitMonthlyReport",
        Walkthrough.values(
            "reportMonth", "2027-01",
            "activitiesDone", "อบรมแกนนำ",
            "monthlySpending",
                Walkthrough.spending(
                    Walkthrough.line(1, "thaihealth", 15000), Walkthrough.line(2, "codi", 0)),
            "problems", "",
            "progressStatus", "at-risk"));
    add("implementation-review-progress", ns, act.task(progress, "Activity_ReviewProgress"));

    String evaluate = walk.start("TH-60", year++, 1);
    walk.forumStage(evaluate, "TH-60");
    walk.visitStage(evaluate, "TH-60");
    walk.designStage(evaluate, "TH-60");
    walk.monthlyReport(evaluate, "TH-60", "on-track");
    walk.completePlan(evaluate, "TH-60");
    add("provincial-pipeline-evaluate", ns, act.task(evaluate, "Activity_EvaluateOutcomes"));

    String programme = "PROGRAMME-2590";
    act.start("manager", "regionalProgramme", programme, programme(2590));
    add(
        "regional-programme-choose-wave-provinces",
        "codi",
        act.task(programme, "Activity_ChooseWaveProvinces"));
    act.fireTimer(programme, "StartEvent_QuarterDue");
    add(
        "regional-programme-quarterly-review",
        "codi",
        act.task(programme, "Activity_RecordQuarterlyReview"));

    String reviewed = "PROGRAMME-2591";
    var second = act.start("manager", "regionalProgramme", reviewed, programme(2591));
    walk.complete(
        "codi",
        reviewed,
        "Activity_ChooseWaveProvinces",
        Walkthrough.values(
            "waveProvinces", Walkthrough.json(List.of("TH-60")), "selectionNote", "นำร่อง"));
    String pilot = "TH-60/2591-1";
    walk.planForum(pilot, "TH-60");
    walk.reviewForum(pilot, "approve", "approve");
    act.fireTimer(pilot, "Event_ForumDay");
    walk.reportForum(pilot, "TH-60", "withdraw");
    act.runAsyncContinuations(second.getId());
    add("regional-programme-review-wave", "manager", act.task(reviewed, "Activity_ReviewWave"));
  }

  static Map<String, Object> programme(int fiscalYear) {
    return Walkthrough.values(
        "programmeName",
        "โครงการทดสอบแบบฟอร์ม ปี " + fiscalYear,
        "fiscalYear",
        (long) fiscalYear,
        "region",
        "central-west");
  }

  static void add(String form, String user, Task task) {
    TASK_FORMS.add(new TaskForm(form, user, task.getId()));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  // ------------------------------------------------------------------------ the browser

  static WebDriver browser(String language, int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=" + width + "," + height,
        "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    if (width < 500) {
      // headless Chromium keeps a window at least 500 pixels wide: a phone is emulated
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0)));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  static WebDriverWait waiting(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  static Object js(WebDriver driver, String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  static void screenshot(WebDriver driver, String name) throws IOException {
    File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(
        file.toPath(),
        SCREENSHOTS.resolve("forms-" + name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void login(WebDriver driver, String user) {
    driver.manage().deleteAllCookies();
    TasklistBrowserIT.login(
        driver, base + "/camunda/app/tasklist/default/", user, By.cssSelector(".tasks-list"));
    pause(1500);
  }

  /** Opens the task in Tasklist (claimed for the user) and waits for its form to render. */
  static void openTask(WebDriver driver, TaskForm form) {
    Task task = engine.getTaskService().createTaskQuery().taskId(form.taskId()).singleResult();
    if (task.getAssignee() == null) {
      engine.getTaskService().claim(form.taskId(), form.user());
    }
    js(
        driver,
        "document.querySelectorAll('.fjs-container').forEach(e => e.setAttribute('data-seen', ''))");
    driver.get(base + "/camunda/app/tasklist/default/#/?task=" + form.taskId());
    waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".fjs-container:not([data-seen]) .fjs-form-field")));
    waiting(driver)
        .until(
            d ->
                d.findElements(
                            By.cssSelector(
                                ".fjs-container:not([data-seen]) .fjs-form-field input:not([disabled]), "
                                    + ".fjs-container:not([data-seen]) .fjs-form-field textarea:not([disabled])"))
                        .size()
                    > 0);
    pause(800);
  }

  // ------------------------------------------------------------------------ typing into a form

  static final String HANDLED =
      "textfield|textarea|number|select|radio|checklist|checkbox|datetime";

  /** Types into, selects or ticks every editable field of the form shown; returns the problems. */
  static List<String> fillEveryField(WebDriver driver, String form, boolean thai) {
    List<String> problems = new ArrayList<>();
    WebElement container = driver.findElement(By.cssSelector(".fjs-container:not([data-seen])"));
    for (WebElement add : container.findElements(By.cssSelector(".fjs-repeat-render-add"))) {
      scroll(driver, add);
      problems.addAll(checkClickable(driver, add, form + " 'Add new'"));
      add.click();
      pause(600);
    }
    List<WebElement> fields =
        container.findElements(
            By.cssSelector(
                ".fjs-form-field:not(.fjs-disabled):not(.fjs-readonly):not(.fjs-form-field-group)"
                    + ":not(.fjs-form-field-dynamiclist):not(.fjs-form-field-text)"
                    + ":not(.fjs-form-field-spacer):not(.fjs-form-field-separator)"));
    for (int i = 0; i < fields.size(); i++) {
      WebElement field = fields.get(i);
      String type =
          Stream.of(field.getAttribute("class").split(" "))
              .filter(c -> c.startsWith("fjs-form-field-"))
              .map(c -> c.substring("fjs-form-field-".length()))
              .findFirst()
              .orElse("?");
      String where = form + " field " + (i + 1) + " (" + type + ", " + label(field) + ")";
      if (type.equals("?")) {
        continue; // form-js's wrapper of a field, not a field
      }
      if (!type.matches(HANDLED)) {
        problems.add(where + ": a field type this test does not fill yet");
        continue;
      }
      scroll(driver, field);
      problems.addAll(checkLabel(driver, field, where));
      switch (type) {
        case "textfield", "textarea", "number" -> {
          WebElement input = field.findElement(By.cssSelector("input.fjs-input, textarea"));
          problems.addAll(checkClickable(driver, input, where));
          input.click();
          input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
          String value = value(type, input.getAttribute("id"));
          type(input, value);
          problems.addAll(checkFits(driver, input, value, where, !type.equals("textarea")));
        }
        case "select" -> problems.addAll(select(driver, field, where));
        case "radio", "checklist", "checkbox" -> {
          WebElement option = field.findElement(By.cssSelector("input"));
          WebElement optionLabel =
              field.findElement(By.cssSelector("label[for='" + option.getAttribute("id") + "']"));
          problems.addAll(checkClickable(driver, optionLabel, where));
          boolean before = option.isSelected();
          optionLabel.click();
          pause(300);
          boolean expected = type.equals("radio") || !before;
          if (option.isSelected() != expected) {
            problems.add(
                where
                    + ": a click on its first option did not "
                    + (expected ? "tick" : "untick")
                    + " it");
          }
        }
        case "datetime" -> problems.addAll(date(driver, field, where, thai));
        default -> problems.add(where + ": unhandled");
      }
    }
    problems.addAll(checkNoOverlap(driver, form));
    return problems;
  }

  static String label(WebElement field) {
    List<WebElement> labels = field.findElements(By.cssSelector(".fjs-form-field-label"));
    return labels.isEmpty() ? "" : labels.get(0).getText().replace('\n', ' ');
  }

  static String value(String type, String id) {
    if (type.equals("number")) {
      return "60000";
    }
    if (id.contains("Link")) {
      return "https://example.org/report";
    }
    if (id.contains("ReportMonth")) {
      return "2026-12";
    }
    return type.equals("textarea") ? "ทดสอบการกรอกข้อความ หลายคำ" : "ทดสอบการกรอก";
  }

  /** Types slowly: form-js drops keystrokes that arrive faster than it re-renders. */
  static void type(WebElement input, String text) {
    for (char c : text.toCharArray()) {
      input.sendKeys(String.valueOf(c));
      pause(35);
    }
    pause(250);
  }

  static void scroll(WebDriver driver, WebElement element) {
    js(driver, "arguments[0].scrollIntoView({block: 'center'})", element);
    pause(150);
  }

  /** Visible, at least 48 pixels wide, and what is at its centre is itself (not another field). */
  static List<String> checkClickable(WebDriver driver, WebElement element, String where) {
    String problem =
        (String)
            js(
                driver,
                "var e = arguments[0], r = e.getBoundingClientRect();"
                    + " if (!e.getClientRects().length || r.width < 1) return 'not visible';"
                    + " if (r.width < 48 && e.tagName !== 'LABEL' && e.tagName !== 'BUTTON')"
                    + "   return 'only ' + Math.round(r.width) + ' px wide';"
                    + " var x = r.left + Math.min(r.width / 2, 20), y = r.top + r.height / 2;"
                    + " var hit = document.elementFromPoint(x, y);"
                    + " var group = e.closest('.fjs-input-group, .fjs-form-field, .fjs-repeat-render-footer') || e;"
                    + " if (!hit || !(hit === e || e.contains(hit) || group.contains(hit)))"
                    + "   return 'covered by ' + (hit ? hit.tagName + '.' + hit.className : 'nothing');"
                    + " return null;",
                element);
    return problem == null ? List.of() : List.of(where + ": " + problem);
  }

  /** The label is not cut off, its required asterisk shown. */
  static List<String> checkLabel(WebDriver driver, WebElement field, String where) {
    String problem =
        (String)
            js(
                driver,
                "var l = arguments[0].querySelector('.fjs-form-field-label'); if (!l) return null;"
                    + " if (l.scrollWidth > l.clientWidth + 1) return 'its label is cut off';"
                    + " var a = l.querySelector('.fjs-asterix'); if (!a) return null;"
                    + " var r = a.getBoundingClientRect(), f = arguments[0].getBoundingClientRect();"
                    + " return r.width > 0 && r.right <= f.right + 1 ? null : 'its required asterisk is hidden';",
                field);
    return problem == null ? List.of() : List.of(where + ": " + problem);
  }

  /** The input holds the value typed and shows all of it (a single line: no hidden overflow). */
  static List<String> checkFits(
      WebDriver driver, WebElement input, String value, String where, boolean singleLine) {
    List<String> problems = new ArrayList<>(checkClickable(driver, input, where));
    String shown = input.getAttribute("value");
    if (!value.equals(shown)) {
      problems.add(where + ": typed '" + value + "' but it holds '" + shown + "'");
    }
    if (singleLine) {
      Boolean fits =
          (Boolean)
              js(driver, "var e = arguments[0]; return e.scrollWidth <= e.clientWidth + 1;", input);
      if (!fits) {
        problems.add(where + ": too narrow to show '" + value + "'");
      }
    }
    return problems;
  }

  /**
   * Reached as by Tab (the focus without a pointer), then clicked: the list stays open; the first
   * option is chosen and shows inside the field.
   */
  static List<String> select(WebDriver driver, WebElement field, String where) {
    List<String> problems = new ArrayList<>();
    WebElement group = field.findElement(By.cssSelector(".fjs-input-group"));
    problems.addAll(checkClickable(driver, group, where));
    List<WebElement> hidden = field.findElements(By.cssSelector("input.fjs-select-hidden-input"));
    if (!hidden.isEmpty()) {
      // Tab from the field before it, as a keyboard user arrives
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
      pause(300);
      if (!hidden.get(0).equals(driver.switchTo().activeElement())) {
        js(driver, "arguments[0].focus()", hidden.get(0));
        pause(300);
      }
      if (field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty()) {
        problems.add(where + ": reached by Tab, its list did not open");
      }
      group.click();
      pause(300);
      if (field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty()) {
        problems.add(where + ": reached by Tab, then clicked, its list closed");
        group.click();
        pause(300);
      }
    } else {
      group.click();
      pause(300);
    }
    List<WebElement> items = field.findElements(By.cssSelector(".fjs-dropdownlist-item"));
    if (items.isEmpty()) {
      problems.add(where + ": no list to choose from");
      return problems;
    }
    String chosen = items.get(0).getText();
    items.get(0).click();
    pause(400);
    String problem =
        (String)
            js(
                driver,
                "var f = arguments[0], d = f.querySelector('.fjs-select-display, input.fjs-input');"
                    + " var text = d.value !== undefined && d.tagName === 'INPUT' ? d.value : d.textContent;"
                    + " if (!text || !text.trim()) return 'shows nothing chosen';"
                    + " var r = d.getBoundingClientRect(), g = f.querySelector('.fjs-input-group').getBoundingClientRect();"
                    + " if (r.right > g.right + 1 || r.bottom > g.bottom + 1) return 'its value spills out of it';"
                    + " if (d.scrollWidth > d.clientWidth + 1) return 'too narrow for ' + text;"
                    + " return null;",
                field);
    if (problem != null) {
      problems.add(where + ": chose '" + chosen + "' and it " + problem);
    }
    return problems;
  }

  /** Types a date 30 days ahead in the field's own order; the Thai calendar shows B.E. too. */
  static List<String> date(WebDriver driver, WebElement field, String where, boolean thai) {
    List<String> problems = new ArrayList<>();
    WebElement input = field.findElement(By.cssSelector(".fjs-datepicker input"));
    problems.addAll(checkClickable(driver, input, where));
    input.click();
    pause(400);
    if (thai) {
      String calendar =
          (String)
              js(
                  driver,
                  "var c = arguments[0].querySelector('.flatpickr-calendar');"
                      + " return c ? c.textContent : '';",
                  field);
      if (!calendar.matches(
              "(?s).*(มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม).*")
          || !calendar.contains("พ.ศ.")) {
        problems.add(where + ": its calendar is not in Thai with the B.E. year: " + calendar);
      }
    }
    String text =
        (String)
            js(
                driver,
                "var p = arguments[0]._flatpickr;"
                    + " return p.formatDate(new Date(Date.now() + 30 * 864e5), p.config.dateFormat);",
                input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    type(input, text);
    input.sendKeys(Keys.ENTER);
    pause(300);
    problems.addAll(checkFits(driver, input, text, where, true));
    if (thai) {
      String hint = field.getAttribute("data-thai-date-hint");
      if (hint == null || !hint.contains("พ.ศ. ")) {
        problems.add(where + ": no B.E. reading of the date under it: " + hint);
      }
    }
    return problems;
  }

  /** No two fields, nor a list's 'Add new', overlap. */
  @SuppressWarnings("unchecked")
  static List<String> checkNoOverlap(WebDriver driver, String form) {
    List<String> overlaps =
        (List<String>)
            js(
                driver,
                "var c = document.querySelector('.fjs-container:not([data-seen])');"
                    + " var els = [].slice.call(c.querySelectorAll('.fjs-form-field:not(.fjs-form-field-group):not(.fjs-form-field-dynamiclist), .fjs-repeat-render-add'));"
                    + " var out = [];"
                    + " for (var i = 0; i < els.length; i++) for (var j = i + 1; j < els.length; j++) {"
                    + "   if (els[i].contains(els[j]) || els[j].contains(els[i])) continue;"
                    + "   var a = els[i].getBoundingClientRect(), b = els[j].getBoundingClientRect();"
                    + "   var w = Math.min(a.right, b.right) - Math.max(a.left, b.left);"
                    + "   var h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);"
                    + "   if (w > 2 && h > 2) out.push((els[i].querySelector('label') || els[i]).textContent.trim().slice(0, 40)"
                    + "     + ' overlaps ' + (els[j].querySelector('label') || els[j]).textContent.trim().slice(0, 40));"
                    + " }"
                    + " return out;");
    return overlaps.stream().map(o -> form + ": " + o).toList();
  }

  // ------------------------------------------------------------------------ English on a Thai page

  /** Visible text and placeholder / aria-label / title with Latin words and no Thai at all. */
  @SuppressWarnings("unchecked")
  static void collectEnglish(WebDriver driver, String page) {
    List<String> found =
        (List<String>)
            js(
                driver,
                "var out = [], thai = /[\\u0E00-\\u0E7F]/, latin = /[A-Za-z]{3,}/;"
                    + " function visible(e) { return e && e.getClientRects().length > 0"
                    + "   && getComputedStyle(e).visibility !== 'hidden'; }"
                    + " var w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), n;"
                    + " while ((n = w.nextNode())) { var t = n.data.replace(/\\s+/g, ' ').trim();"
                    + "   var p = n.parentElement; if (!p || /^(SCRIPT|STYLE|NOSCRIPT)$/.test(p.tagName)) continue;"
                    + "   if (t && latin.test(t) && !thai.test(t) && visible(p)) out.push(t); }"
                    + " document.querySelectorAll('[placeholder], [aria-label], [title]').forEach(function (e) {"
                    + "   if (!visible(e)) return;"
                    + "   ['placeholder', 'aria-label', 'title'].forEach(function (a) { var v = e.getAttribute(a);"
                    + "     if (v && latin.test(v) && !thai.test(v)) out.push(a + '=' + v.trim()); }); });"
                    + " return out;");
    PAGES_WALKED.add(page);
    for (String text : found) {
      String bare = text.replaceFirst("^(placeholder|aria-label|title)=", "");
      if (ALLOWED_ENGLISH.contains(bare)) {
        ALLOWED_SEEN.add(bare);
      } else {
        ENGLISH_SEEN.computeIfAbsent(text, k -> new TreeSet<>()).add(page);
      }
    }
  }

  // ------------------------------------------------------------------------ the walks

  static void walk(int width, int height) throws IOException {
    boolean desktop = width > 500;
    List<String> problems = new ArrayList<>();
    Map<String, List<TaskForm>> byUser =
        TASK_FORMS.stream()
            .filter(f -> walked(f.form()))
            .collect(
                Collectors.groupingBy(TaskForm::user, LinkedHashMap::new, Collectors.toList()));
    WebDriver driver = browser("th-TH", width, height);
    try {
      for (var entry : byUser.entrySet()) {
        login(driver, entry.getKey());
        if (desktop) {
          collectEnglish(driver, "task list of " + entry.getKey());
        }
        for (TaskForm form : entry.getValue()) {
          openTask(driver, form);
          if (!desktop) {
            Double top =
                ((Number)
                        js(
                            driver,
                            "return document.querySelector('.task-details').getBoundingClientRect().top;"))
                    .doubleValue();
            if (top > height / 2.0) {
              problems.add(form.form() + ": on the phone its task starts " + top + " px down");
            }
            screenshot(driver, width + "-" + form.form() + "-opened");
          }
          problems.addAll(fillEveryField(driver, form.form(), true));
          js(
              driver,
              "document.querySelector('.fjs-container:not([data-seen]) .fjs-form-field').scrollIntoView({block: 'start'})");
          pause(300);
          screenshot(driver, width + "-" + form.form());
          if (desktop) {
            collectEnglish(driver, form.form());
          }
        }
      }
      login(driver, "manager");
      for (StartForm start : START_FORMS) {
        if (!walked(start.form())) {
          continue;
        }
        openStartForm(driver, start);
        problems.addAll(fillEveryField(driver, start.form(), true));
        screenshot(driver, width + "-" + start.form());
        if (desktop) {
          collectEnglish(driver, start.form());
        }
        closeStartDialog(driver);
      }
    } finally {
      driver.quit();
    }
    assertThat(problems).as("fields that cannot be used at " + width + " px").isEmpty();
  }

  /**
   * Closes the start dialog with its own close button (ปิด) and waits until no dialog is left, so
   * the next start form is opened in a fresh dialog and not behind this one.
   */
  static void closeStartDialog(WebDriver driver) {
    WebElement close =
        driver.findElement(
            By.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space(.)='ปิด']"));
    js(driver, "arguments[0].click()", close);
    waiting(driver)
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".modal-dialog"), 0));
    pause(500);
  }

  static boolean walked(String form) {
    return ONLY.isBlank() || List.of(ONLY.split(",")).contains(form);
  }

  static void openStartForm(WebDriver driver, StartForm start) {
    js(
        driver,
        "document.querySelectorAll('.fjs-container').forEach(e => e.setAttribute('data-seen', ''))");
    WebElement open =
        waiting(driver)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.xpath(
                        "//*[contains(@class,'start-process-action') or normalize-space(.)='เริ่มกระบวนการ'][self::a or self::button]")));
    js(driver, "arguments[0].click()", open);
    WebElement process =
        waiting(driver)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.xpath(
                        "//*[contains(@class,'modal')]//a[contains(normalize-space(.),'"
                            + start.processName()
                            + "')]")));
    js(driver, "arguments[0].click()", process);
    waiting(driver)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".modal .fjs-container:not([data-seen]) .fjs-form-field input")));
    pause(800);
    List<WebElement> headers = driver.findElements(By.cssSelector(".modal .modal-header"));
    assertThat(headers).as("one start dialog open").hasSize(1);
    assertThat(headers.get(0).getText())
        .as("the start dialog opened the form of " + start.processName())
        .contains(start.processName());
    PAGES_WALKED.add("start dialog");
  }

  @Test
  @Order(1)
  void everyFieldOfEveryFormIsUsableAt1366Pixels() throws IOException {
    Set<String> forms;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      forms =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> f.endsWith(".form"))
              .map(f -> f.substring(0, f.length() - ".form".length()))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> covered = new TreeSet<>();
    TASK_FORMS.forEach(f -> covered.add(f.form()));
    START_FORMS.forEach(f -> covered.add(f.form()));
    assertThat(covered).as("every form in forms/ is opened by this test").isEqualTo(forms);
    walk(1366, 900);
  }

  @Test
  @Order(2)
  void everyFieldOfEveryFormIsUsableOnA390PixelPhone() throws IOException {
    walk(390, 844);
  }

  @Test
  @Order(3)
  void aThaiPageShowsNoEnglishOnlyString() {
    if (ONLY.isBlank()) {
      assertThat(PAGES_WALKED)
          .as("the walk opened every form (run with the 1366-pixel walk)")
          .hasSizeGreaterThan(TASK_FORMS.size());
    }
    assertThat(ALLOWED_SEEN)
        .as("the walk does see English where there is some: the footer's product name")
        .contains("Camunda Platform");
    assertThat(ENGLISH_SEEN)
        .as(
            "English-only strings on Thai pages (string -> pages); translate them or add them to ALLOWED_ENGLISH with a reason")
        .isEmpty();
  }

  @Test
  @Order(4)
  void aRefusedSubmissionSaysWhatIsWrongAboveTheCompleteButton() throws IOException {
    WebDriver driver = browser("th-TH", 1366, 900);
    try {
      login(driver, "nakhonsawan");
      TaskForm plan = new TaskForm("understanding-forum-plan", "nakhonsawan", forumPlanTask);
      openTask(driver, plan);
      for (String[] typed :
          new String[][] {
            {"Field_Venue", "ศาลาประชาคม"},
            {"Field_ExpectedParticipants", "80"},
            {"Field_ForumBudgetRequested", "25000"},
            {"Field_Agenda", "ทำความเข้าใจความร่วมมือ"}
          }) {
        WebElement input =
            driver.findElement(
                By.cssSelector(
                    ".fjs-container:not([data-seen]) [id$='"
                        + typed[0]
                        + "'].fjs-input, .fjs-container:not([data-seen]) textarea[id$='"
                        + typed[0]
                        + "']"));
        scroll(driver, input);
        input.click();
        type(input, typed[1]);
      }
      JointPlanBrowserIT.choose(driver, "Field_ForumBudgetSource", 0, "สสส. / ThaiHealth");
      WebElement councils =
          driver.findElement(By.xpath("//label[contains(.,'สภาองค์กรชุมชนตำบล')]"));
      scroll(driver, councils);
      councils.click();
      // the forum's date typed with its Buddhist Era year, as a Thai reader might
      WebElement field =
          driver.findElement(
              By.cssSelector(".fjs-container:not([data-seen]) .fjs-form-field-datetime"));
      WebElement input = field.findElement(By.cssSelector(".fjs-datepicker input"));
      String text =
          (String)
              js(
                  driver,
                  "var p = arguments[0]._flatpickr, d = new Date(Date.now() + 30 * 864e5);"
                      + " d.setFullYear(d.getFullYear() + 543);"
                      + " return p.formatDate(d, p.config.dateFormat);",
                  input);
      scroll(driver, input);
      input.click();
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      type(input, text);
      input.sendKeys(Keys.ENTER);
      pause(500);
      assertThat(field.getAttribute("class"))
          .as("a B.E. year is pointed out at once")
          .contains("thai-date-warning");
      assertThat(field.getAttribute("data-thai-date-hint")).contains("พ.ศ.").contains("ค.ศ.");
      screenshot(driver, "1366-buddhist-year-warned");

      WebElement complete =
          driver.findElement(By.xpath("//button[contains(normalize-space(.),'ส่งงาน')]"));
      scroll(driver, complete);
      complete.click();
      WebElement toast =
          waiting(driver)
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector(
                          ".page-notifications .alert, .page-notifications [class*=notification]")));
      pause(800);
      screenshot(driver, "1366-refused-submission");
      String said = toast.getText();
      assertThat(said.replace("ส่งแบบฟอร์มของงานไม่สำเร็จ", "").replaceAll("[\\s:×]", ""))
          .as("the toast says what is wrong, not only that it failed: " + said)
          .isNotBlank();
      Boolean overlaps =
          (Boolean)
              js(
                  driver,
                  "var a = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();"
                      + " return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;",
                  toast,
                  complete);
      assertThat(overlaps).as("the toast leaves ส่งงาน free").isFalse();
      assertThat(engine.getTaskService().createTaskQuery().taskId(forumPlanTask).count())
          .as("nothing submitted")
          .isOne();
    } finally {
      driver.quit();
    }
  }

  @Test
  @Order(5)
  void anEnglishBrowserKeepsFormJsEnglish() throws IOException {
    WebDriver driver = browser("en-US", 1366, 900);
    try {
      login(driver, "nakhonsawan");
      openTask(driver, new TaskForm("joint-design-draft-plan", "nakhonsawan", draftPlanTask));
      String text = driver.findElement(By.cssSelector(".fjs-container:not([data-seen])")).getText();
      screenshot(driver, "1366-english-draft-plan");
      assertThat(text).contains("Add new").doesNotContain("เพิ่มรายการ");
    } finally {
      driver.quit();
    }
  }
}
