package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;

/**
 * Tasklist in a real browser (Debian's Chromium, headless), as the programme's people use it: a
 * Thai browser gets the Thai UI; Nakhon Sawan's movement plans its forum (an empty required field
 * is caught on the form, then the plan goes through); Saraburi does not see that task; CODI and
 * ThaiHealth approve the plan; an English browser gets English. Screenshots of every step go to
 * {@code target/browser-screenshots/}. Skipped, with a message, where Chromium or ChromeDriver is
 * missing ({@code .ci/run} installs them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistBrowserIT {

  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String CHROMEDRIVER =
      System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/browser-screenshots");
  static final String KEY = "TH-60/2563-1";

  @TempDir static Path dataDir;
  static ConfigurableApplicationContext app;
  static ProcessEngine engine;
  static String base;
  static int shot;

  @BeforeAll
  static void startTheApplicationWithAProvinceAtForumPlanning() throws IOException {
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
    new Walkthrough(app.getBean(PersonActions.class), code -> "nakhonsawan", t -> {})
        .start("TH-60", 2563, 1);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static WebDriver browser(String language) {
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
        "--window-size=1400,1000",
        "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  static void screenshot(WebDriver driver, String step) throws IOException {
    File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(
        file.toPath(),
        SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, step)),
        StandardCopyOption.REPLACE_EXISTING);
  }

  static WebDriverWait waiting(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  /**
   * Logs in to Tasklist. On a loaded machine Tasklist may still be starting when the login form
   * first shows, and re-renders it, dropping what was typed: when the form is still there after the
   * wait, the login is typed again (at most three times).
   */
  static void login(WebDriver driver, String user) {
    login(
        driver,
        base + "/camunda/app/tasklist/default/",
        user,
        By.cssSelector("[cam-tasks], .tasks-list, .task-filters"));
  }

  /**
   * Logs in to the webapp at {@code url} and waits for {@code landed}; the login is typed again
   * when the form is still there after the wait (see {@link #login(WebDriver, String)}). Every
   * browser IT logs in through here.
   */
  static void login(WebDriver driver, String url, String user, By landed) {
    driver.get(url);
    By list = landed;
    for (int attempt = 1; ; attempt++) {
      WebDriverWait wait = waiting(driver);
      WebElement name =
          wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[type=text]")));
      name.clear();
      name.sendKeys(user);
      WebElement password = driver.findElement(By.cssSelector("input[type=password]"));
      password.clear();
      password.sendKeys(user);
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      try {
        wait.until(ExpectedConditions.visibilityOfElementLocated(list));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        boolean formStill = !driver.findElements(By.cssSelector("input[type=password]")).isEmpty();
        if (attempt == 3 || !formStill) {
          try {
            screenshot(driver, "login-" + user + "-failed");
          } catch (IOException | RuntimeException ignored) {
            // the screenshot is for diagnosis only
          }
          throw new AssertionError(
              "Tasklist did not open for "
                  + user
                  + " after "
                  + attempt
                  + " attempts: "
                  + driver.findElement(By.tagName("body")).getText(),
              e);
        }
      }
    }
  }

  static void openGroupTasks(WebDriver driver) {
    waiting(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(text(),'งานของกลุ่ม')]")))
        .click();
    pause(1500);
  }

  static List<String> taskNames(WebDriver driver) {
    return driver.findElements(By.cssSelector(".tasks-list .task h4, .tasks-list h4")).stream()
        .map(WebElement::getText)
        .toList();
  }

  static void openTask(WebDriver driver, String namePart) {
    waiting(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[contains(@class,'tasks-list')]//*[contains(text(),'" + namePart + "')]")))
        .click();
    waiting(driver)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    pause(1000);
  }

  /** The tooltip of the task's due date, which Tasklist writes with its camDate filter. */
  static String dueTooltip(WebDriver driver) {
    return (String)
        ((JavascriptExecutor) driver)
            .executeScript(
                "var e = document.querySelector('[am-time-ago=\"task.due\"]');"
                    + " return e && (e.getAttribute('uib-tooltip') || e.parentElement.getAttribute('uib-tooltip'));");
  }

  static void claim(WebDriver driver) {
    WebElement claim =
        waiting(driver)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[contains(text(),'รับงาน')]")));
    claim.click();
    await("the task claimed")
        .atMost(Duration.ofSeconds(20))
        .until(() -> ExpectedConditions.stalenessOf(claim).apply(driver));
  }

  static WebElement field(WebDriver driver, String componentId) {
    return driver.findElement(
        By.cssSelector("input[id*='" + componentId + "'], textarea[id*='" + componentId + "']"));
  }

  /** Types slowly: form-js drops keystrokes that arrive faster than it re-renders. */
  static void type(WebElement input, String text) {
    input.click();
    pause(300);
    for (char c : text.toCharArray()) {
      input.sendKeys(String.valueOf(c));
      pause(60);
    }
    pause(300);
  }

  static void complete(WebDriver driver) {
    WebElement button =
        waiting(driver)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.xpath(
                        "//button[contains(normalize-space(.),'ส่งงาน') or contains(normalize-space(.),'Complete')]")));
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
    await("the task completed")
        .atMost(Duration.ofSeconds(20))
        .until(() -> ExpectedConditions.stalenessOf(button).apply(driver));
  }

  /**
   * A deliberate pause: for form-js to keep up with typing, for a screenshot to show a state
   * settled.
   */
  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long tasks(String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(KEY)
        .taskDefinitionKey(taskKey)
        .count();
  }

  @Test
  @Order(1)
  void nakhonSawanPlansTheForumInThaiAndTheFormCatchesAnEmptyRequiredField() throws IOException {
    WebDriver driver = browser("th-TH");
    try {
      driver.get(base + "/camunda/app/tasklist/default/");
      waiting(driver)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.tagName("body"), "เข้าสู่ระบบ"));
      screenshot(driver, "thai-login");

      login(driver, "nakhonsawan");
      openGroupTasks(driver);
      assertThat(driver.findElement(By.tagName("body")).getText())
          .contains("งานของกลุ่ม")
          .contains("จังหวัด / Province");
      openTask(driver, "วางแผนเวที");
      screenshot(driver, "nakhonsawan-forum-plan");
      assertThat(dueTooltip(driver))
          .as("the due date as Thai readers read it, Buddhist Era year")
          .contains(String.valueOf(LocalDate.now().getYear() + 543))
          .contains("เวลา");
      // read in one script: Tasklist re-renders the element as time passes (no stale reference)
      assertThat(
              (String)
                  ((JavascriptExecutor) driver)
                      .executeScript(
                          "return document.querySelector(\"[am-time-ago='task.due']\").innerText;"))
          .as("only the display changes: the due date is still due within the day")
          .doesNotContain("ปี");
      claim(driver);

      // leave the venue empty: the form says so and cannot be completed
      field(driver, "Field_Venue").click();
      field(driver, "Field_Agenda").click();
      await("the form marks the empty venue")
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  driver
                      .findElement(By.cssSelector(".fjs-container"))
                      .getText()
                      .contains("ต้องกรอกช่องนี้"));
      screenshot(driver, "nakhonsawan-required-field-empty");
      assertThat(tasks("Activity_PlanForum")).as("nothing submitted").isOne();

      // form-js parses dates in the browser's date order; the Thai UI writes it วว/ดด/ปปปป (ค.ศ.)
      WebElement forumDate = field(driver, "Field_ForumDate");
      assertThat(forumDate.getAttribute("placeholder")).contains("ปปปป").contains("ค.ศ.");
      String date =
          (String)
              ((JavascriptExecutor) driver)
                  .executeScript(
                      "var p = arguments[0]._flatpickr;"
                          + " return p.formatDate(new Date(Date.now() + 30 * 864e5), p.config.dateFormat);",
                      forumDate);
      type(forumDate, date);
      forumDate.sendKeys(Keys.ENTER);
      type(field(driver, "Field_Venue"), "ศาลาประชาคม");
      type(field(driver, "Field_ExpectedParticipants"), "80");
      type(field(driver, "Field_ForumBudgetRequested"), "25000");
      JointPlanBrowserIT.choose(driver, "Field_ForumBudgetSource", 0, "พอช. / CODI");
      type(field(driver, "Field_Agenda"), "ทำความเข้าใจความร่วมมือ");
      WebElement councils =
          driver.findElement(By.xpath("//label[contains(.,'สภาองค์กรชุมชนตำบล')]"));
      ((JavascriptExecutor) driver)
          .executeScript("arguments[0].scrollIntoView({block: 'center'})", councils);
      councils.click();
      pause(500);
      screenshot(driver, "nakhonsawan-forum-plan-filled");
      complete(driver);
      screenshot(driver, "nakhonsawan-completed");

      assertThat(tasks("Activity_PlanForum")).as("the plan was submitted").isZero();
      assertThat(tasks("Activity_ReviewForumPlanCodi"))
          .as("the process moved on to the reviews")
          .isOne();
      assertThat(
              (String)
                  engine
                      .getRuntimeService()
                      .createVariableInstanceQuery()
                      .variableName("venue")
                      .singleResult()
                      .getValue())
          .isEqualTo("ศาลาประชาคม");
    } finally {
      driver.quit();
    }
  }

  @Test
  @Order(2)
  void saraburiDoesNotSeeNakhonSawansTasks() throws IOException {
    WebDriver driver = browser("th-TH");
    try {
      login(driver, "saraburi");
      openGroupTasks(driver);
      screenshot(driver, "saraburi-group-tasks");
      assertThat(driver.findElement(By.cssSelector(".tasks-list, [cam-tasks]")).getText())
          .doesNotContain("วางแผนเวที")
          .doesNotContain("ตรวจแผนเวที")
          .doesNotContain("นครสวรรค์");
    } finally {
      driver.quit();
    }
  }

  @Test
  @Order(3)
  void codiAndThaiHealthApproveThePlan() throws IOException {
    for (String[] party :
        new String[][] {{"codi", "ตรวจแผนเวที (พอช.)"}, {"thaihealth", "ตรวจแผนเวที (สสส.)"}}) {
      WebDriver driver = browser("th-TH");
      try {
        login(driver, party[0]);
        openGroupTasks(driver);
        openTask(driver, party[1]);
        claim(driver);
        assertThat(field(driver, "Context_Venue").getAttribute("value"))
            .as("the plan under review, read-only")
            .isEqualTo("ศาลาประชาคม");
        LocalDate forumDay = LocalDate.now().plusDays(30);
        assertThat(driver.findElement(By.tagName("body")).getText())
            .as("the forum date as ThaiCalendar writes it (thaiDates), Buddhist Era year")
            .contains(ThaiCalendar.thaiDate(forumDay) + " (" + forumDay + ")");
        assertThat(
                driver.findElements(By.cssSelector("input[id*='Context_TargetGroups']")).stream()
                    .filter(WebElement::isSelected)
                    .count())
            .as("the target groups the province chose, read-only")
            .isOne();
        WebElement approve =
            driver.findElement(By.xpath("//label[contains(.,'เห็นชอบ / Approve')]"));
        ((JavascriptExecutor) driver)
            .executeScript("arguments[0].scrollIntoView({block: 'center'})", approve);
        approve.click();
        pause(500);
        screenshot(driver, party[0] + "-approves");
        complete(driver);
      } finally {
        driver.quit();
      }
    }
    assertThat(tasks("Activity_ReviewForumPlanCodi") + tasks("Activity_ReviewForumPlanThaiHealth"))
        .isZero();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(KEY)
                .activityIdIn("Event_ForumDay")
                .count())
        .as("both approved: waiting for the forum day")
        .isOne();
  }

  @Test
  @Order(4)
  void anEnglishBrowserGetsEnglish() throws IOException {
    WebDriver driver = browser("en-US");
    try {
      driver.get(base + "/camunda/app/tasklist/default/");
      waiting(driver)
          .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Log in"));
      screenshot(driver, "english-login");
      login(driver, "nakhonsawan");
      assertThat(driver.findElement(By.tagName("body")).getText())
          .contains("Start process")
          .doesNotContain("เริ่มกระบวนการ");
      screenshot(driver, "english-tasklist");
    } finally {
      driver.quit();
    }
  }
}
