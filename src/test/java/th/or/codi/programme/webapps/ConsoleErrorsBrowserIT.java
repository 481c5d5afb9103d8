package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.JointProgrammeApplication;
import th.or.codi.programme.demo.PersonActions;

/**
 * A walk of the three webapps, in Debian's Chromium (headless), leaves the browser console clean:
 * no console error and no failed request (4xx/5xx; Chromium logs each one as a SEVERE console
 * entry, which {@code goog:loggingPrefs} hands to the test), from the login page on. The
 * administrator walks Tasklist, Cockpit (dashboard, a process instance, the audit page) and Admin
 * (users, create user, groups); a manager walks Tasklist and Cockpit (Admin is not among a
 * manager's applications, so Camunda does not offer it); CODI's officer opens the regional
 * quarterly review in Tasklist, its form and its evidence tab. On the process instance, Cockpit
 * offers the administrator its actions (cancel, add variable, suspend) and the manager none of
 * them. Screenshots go to {@code target/browser-screenshots/console-*.png}. Skipped, with a
 * message, where Chromium or ChromeDriver is missing.
 */
class ConsoleErrorsBrowserIT {

  static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

  @TempDir static Path dataDir;
  static ConfigurableApplicationContext app;
  static String base;
  static String instanceId;
  static String quarterlyReviewId;

  /** The actions Cockpit's process-instance toolbar offers, by user. */
  static final Map<String, Integer> actions = new HashMap<>();

  @BeforeAll
  static void startTheDemo() throws IOException {
    Assumptions.assumeTrue(
        new File(CockpitBrowserIT.CHROMIUM).canExecute()
            && new File(CockpitBrowserIT.CHROMEDRIVER).canExecute(),
        "SKIPPED: browser tests need Debian's chromium and chromium-driver; .ci/run installs"
            + " them: apt-get install -y chromium chromium-driver");
    Files.createDirectories(SCREENSHOTS);
    app =
        new SpringApplicationBuilder(JointProgrammeApplication.class)
            .profiles("demo")
            .run(
                "--PROGRAMME_DATA_DIR=" + dataDir,
                "--server.port=0",
                "--programme.demo.data=true",
                "--camunda.bpm.job-execution.enabled=false");
    base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    instanceId =
        app.getBean(ProcessEngine.class)
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey("TH-60/2562-1")
            .processDefinitionKey("provincialPipeline")
            .singleResult()
            .getId();
    // the programme's first quarterly review, for the working group
    PersonActions act = app.getBean(PersonActions.class);
    act.fireTimer("PROGRAMME-2562", "StartEvent_QuarterDue");
    quarterlyReviewId = act.task("PROGRAMME-2562", "Activity_RecordQuarterlyReview").getId();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theAdministratorsWalkOfTheThreeAppsLeavesTheConsoleClean() throws IOException {
    walk(
        "admin",
        List.of(
            "tasklist/default/",
            "cockpit/default/#/dashboard",
            "cockpit/default/#/process-instance/" + instanceId + "/runtime",
            "cockpit/default/#/programme-audit",
            "admin/default/#/users",
            "admin/default/#/user-create",
            "admin/default/#/groups",
            "admin/default/#/users/nakhonsawan?tab=notifications",
            "admin/default/#/system?section=programme-notifications-system"));
  }

  @Test
  void cockpitOffersAManagerOnlyWhatTheEngineLetsThemDo() throws IOException {
    if (!actions.containsKey("manager")) {
      aManagersWalkOfTasklistAndCockpitLeavesTheConsoleClean();
    }
    if (!actions.containsKey("admin")) {
      theAdministratorsWalkOfTheThreeAppsLeavesTheConsoleClean();
    }
    assertThat(actions.get("admin"))
        .as("the administrator: cancel, refresh, add variable, suspend")
        .isGreaterThanOrEqualTo(4);
    assertThat(actions.get("manager")).as("a manager: refresh only").isEqualTo(1);
  }

  @Test
  void codiOpensTheQuarterlyReviewInTasklistWithACleanConsole() throws IOException {
    walk(
        "codi",
        List.of(
            "tasklist/default/",
            "tasklist/default/#/?task=" + quarterlyReviewId + "&detailsTab=task-detail-form",
            // the evidence tab (plugin-webapp/evidence): its list request answers 200
            "tasklist/default/#/?task=" + quarterlyReviewId + "&detailsTab=programme-evidence"));
  }

  @Test
  void aManagersWalkOfTasklistAndCockpitLeavesTheConsoleClean() throws IOException {
    walk(
        "manager",
        List.of(
            "tasklist/default/",
            "cockpit/default/#/dashboard",
            "cockpit/default/#/process-instance/" + instanceId + "/runtime",
            "cockpit/default/#/programme-audit"));
  }

  private static void walk(String user, List<String> pages) throws IOException {
    WebDriver driver = browser();
    List<String> problems = new ArrayList<>();
    try {
      // log in on the first app's login page (the login page itself is part of the walk)
      String first = pages.get(0);
      driver.get(base + "/camunda/app/" + first);
      // the first page of a fresh application loads its scripts slowly on a busy machine
      try {
        new WebDriverWait(driver, Duration.ofSeconds(120))
            .until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]")))
            .sendKeys(user);
      } catch (RuntimeException e) {
        screenshot(driver, user + "-no-login-form");
        collect(driver, "login page " + first, problems);
        throw new AssertionError(
            "no login form at " + driver.getCurrentUrl() + "; console: " + problems, e);
      }
      driver.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(
              ExpectedConditions.invisibilityOfElementLocated(
                  By.cssSelector("input[type=password]")));
      settle(driver);
      collect(driver, "login → " + first, problems);
      for (String page : pages) {
        driver.get(base + "/camunda/app/" + page);
        settle(driver);
        screenshot(driver, user + "-" + page.replaceAll("[^a-z-]+", "-").replaceAll("-+$", ""));
        collect(driver, page, problems);
        if (page.contains("/process-instance/")) {
          actions.put(user, driver.findElements(By.cssSelector(".ctn-toolbar > span")).size());
        }
      }
    } finally {
      driver.quit();
    }
    assertThat(problems).as("console errors and failed requests of %s's walk", user).isEmpty();
  }

  /** Waits until Angular has rendered the page and its requests have been answered. */
  private static void settle(WebDriver driver) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    try {
      // deliberately: the apps load their plugins and views after the document is complete; a
      // console error is an absence of nothing to wait for
      Thread.sleep(2500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void collect(WebDriver driver, String page, List<String> problems) {
    Object rawKey =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var m = document.body.textContent.match(/CAM_WIDGET_[A-Z_]+/); return m && m[0];");
    if (rawKey != null) {
      problems.add(page + ": the page shows the raw translation key " + rawKey);
    }
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        problems.add(page + ": " + entry.getMessage());
      }
    }
  }

  private static WebDriver browser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CockpitBrowserIT.CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,900",
        "--lang=th-TH");
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("intl.accept_languages", "th-TH");
    options.setExperimentalOption("prefs", prefs);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CockpitBrowserIT.CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static void screenshot(WebDriver driver, String step) throws IOException {
    File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(
        file.toPath(),
        SCREENSHOTS.resolve("console-" + step + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
