package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.notifications.PreferenceStore;
import th.or.codi.programme.notifications.Preferences;
import th.or.codi.programme.notifications.Preferences.Delivery;
import th.or.codi.programme.notifications.Preferences.Language;
import th.or.codi.programme.notifications.TestMail;

/**
 * The notification settings in Tasklist (the {@code notifications} Tasklist plugin), in a real
 * browser: a person opens the dialog from the header, sees their profile's e-mail address, chooses
 * once a day in Thai, and it is saved as theirs (a PUT with the session's CSRF token); the footer
 * link of every message ({@code #/?notifications}) opens the dialog by itself, and Escape closes it
 * and takes the word out of the address; a person without an e-mail address is told where to add
 * one. Screenshots go to {@code target/browser-screenshots/notifications-*.png}. Skipped where
 * Chromium or ChromeDriver is missing.
 */
class NotificationsBrowserIT {

  static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

  @TempDir static Path dataDir;
  static ConfigurableApplicationContext app;
  static ProcessEngine engine;

  @BeforeAll
  static void startTheApplication() throws IOException {
    app = BrowserApp.start(dataDir);
    engine = app.getBean(ProcessEngine.class);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /**
   * The README's promise: a task starts, its people's message lands as an .eml file (demo mode),
   * and the link in it opens that very task in Tasklist.
   */
  @Test
  void theLinkInADemoMessageOpensTheTaskInTasklist() throws Exception {
    Path mail = Path.of(app.getEnvironment().getProperty("programme.notifications.mail.directory"));
    PersonActions act = app.getBean(PersonActions.class);
    String key = new Walkthrough(act, code -> "nakhonsawan", t -> {}).start("TH-60", 2577, 1);
    org.camunda.bpm.engine.task.Task plan = act.task(key, "Activity_PlanForum");
    Path eml =
        await("the message written as an .eml file")
            .atMost(Duration.ofSeconds(30))
            .until(() -> emlAbout(mail, plan.getId()), java.util.Objects::nonNull);
    MimeMessage message;
    try (var in = Files.newInputStream(eml)) {
      message = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
    }
    assertThat(message.getAllRecipients()[0].toString()).contains("nakhonsawan@example.org");
    String text = TestMail.part(message, "text/plain");
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("https?://\\S+/camunda/app/tasklist/default/#/\\?task=\\S+")
            .matcher(text);
    assertThat(link.find()).as(text).isTrue();
    // the public URL names the address people use; here the test's own port stands in for it
    String path = link.group().replaceFirst("^https?://[^/]+", "");
    assertThat(path).isEqualTo("/camunda/app/tasklist/default/#/?task=" + plan.getId());

    WebDriver driver = TasklistBrowserIT.browser("th-TH");
    try {
      TasklistBrowserIT.login(driver, "nakhonsawan");
      driver.get(TasklistBrowserIT.base + path);
      TasklistBrowserIT.waiting(driver)
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
      TasklistBrowserIT.waiting(driver)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector("[cam-tasklist-task], .task-details, body"), plan.getName()));
      assertThat(driver.getCurrentUrl()).contains("task=" + plan.getId());
      TasklistBrowserIT.pause(500);
      screenshot(driver, "link-opens-task", false);
    } finally {
      driver.quit();
    }
  }

  private static Path emlAbout(Path mail, String taskId) throws IOException {
    if (!Files.isDirectory(mail)) {
      return null;
    }
    try (var files = Files.list(mail)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
        if (!p.getFileName().toString().contains("nakhonsawan")) {
          continue;
        }
        try (var in = Files.newInputStream(p)) {
          MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
          String text = TestMail.part(m, "text/plain");
          if (text != null && text.contains("?task=" + taskId)) {
            return p;
          }
        } catch (Exception e) {
          throw new IOException(p + " is not a readable message", e);
        }
      }
    }
    return null;
  }

  @Test
  void aPersonSetsTheirOwnNotificationsInTasklist() throws IOException {
    PreferenceStore store = new PreferenceStore(engine.getIdentityService());
    store.save("nakhonsawan", new Preferences(Delivery.IMMEDIATE, Language.BOTH, null));
    WebDriver driver = TasklistBrowserIT.browser("th-TH");
    try {
      TasklistBrowserIT.login(driver, "nakhonsawan");
      WebElement opener =
          TasklistBrowserIT.waiting(driver)
              .until(
                  ExpectedConditions.elementToBeClickable(
                      By.cssSelector("[data-programme=notifications-open]")));
      assertThat(opener.getText()).contains("การแจ้งเตือน");
      opener.click();
      WebElement dialog = dialog(driver);
      TasklistBrowserIT.waiting(driver)
          .until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("[data-programme=email]")));
      assertThat(dialog.getText())
          .contains("การแจ้งเตือนทางอีเมล / E-mail notifications")
          .contains("nakhonsawan@example.org")
          .contains("ทันที / Immediately", "สรุปวันละครั้ง / Once a day", "ไม่รับ / None")
          .contains("ไทยและอังกฤษ / Thai and English", "ไทย / Thai", "English / อังกฤษ")
          .contains("สรุปรายสัปดาห์");
      assertThat(checked(driver, "delivery")).isEqualTo("immediate");
      assertThat(checked(driver, "language")).isEqualTo("both");
      TasklistBrowserIT.pause(300);
      screenshot(driver, "preferences", true);

      driver.findElement(By.id("programme-notifications-delivery-digest")).click();
      driver.findElement(By.id("programme-notifications-language-th")).click();
      driver.findElement(By.cssSelector("[data-programme=save]")).click();
      await("the choice saved")
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  store
                      .of("nakhonsawan")
                      .equals(new Preferences(Delivery.DIGEST, Language.TH, null)));
      TasklistBrowserIT.waiting(driver)
          .until(
              ExpectedConditions.invisibilityOfElementLocated(
                  By.cssSelector("[data-programme=notifications]")));

      // the link in every message's footer opens the dialog, with what was saved
      driver.get(TasklistBrowserIT.base + "/camunda/app/tasklist/default/#/?notifications");
      dialog(driver);
      TasklistBrowserIT.waiting(driver)
          .until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("input[name=delivery]")));
      assertThat(checked(driver, "delivery")).isEqualTo("digest");
      assertThat(checked(driver, "language")).isEqualTo("th");
      screenshot(driver, "from-link", false);
      driver.findElement(By.cssSelector("body")).sendKeys(Keys.ESCAPE);
      TasklistBrowserIT.waiting(driver)
          .until(
              ExpectedConditions.invisibilityOfElementLocated(
                  By.cssSelector("[data-programme=notifications]")));
      assertThat(driver.getCurrentUrl()).doesNotContain("notifications");
      // Tasklist takes the address as it now is: the word does not come back, nor the dialog
      TasklistBrowserIT.pause(1500);
      assertThat(driver.getCurrentUrl()).doesNotContain("notifications");
      assertThat(driver.findElements(By.cssSelector("[data-programme=notifications]"))).isEmpty();
      assertThat(store.of("nakhonsawan"))
          .isEqualTo(new Preferences(Delivery.DIGEST, Language.TH, null));
    } finally {
      driver.quit();
      store.save("nakhonsawan", new Preferences(Delivery.IMMEDIATE, Language.BOTH, null));
    }
  }

  @Test
  void aPersonWithoutAnAddressIsToldWhereToAddOne() throws IOException {
    IdentityService identity = engine.getIdentityService();
    User chainat = identity.createUserQuery().userId("chainat").singleResult();
    String address = chainat.getEmail();
    chainat.setEmail(null);
    identity.saveUser(chainat);
    WebDriver driver = TasklistBrowserIT.browser("th-TH");
    try {
      TasklistBrowserIT.login(driver, "chainat");
      TasklistBrowserIT.waiting(driver)
          .until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector("[data-programme=notifications-open]")))
          .click();
      WebElement note =
          TasklistBrowserIT.waiting(driver)
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector(".programme-notifications-no-email")));
      assertThat(note.getText())
          .contains("ยังไม่มีอีเมลในโปรไฟล์ของท่าน")
          .contains("There is no e-mail address in your profile");
      assertThat(note.findElement(By.tagName("a")).getAttribute("href"))
          .endsWith("/camunda/app/welcome/default/");
      screenshot(driver, "no-address", false);
    } finally {
      driver.quit();
      chainat = identity.createUserQuery().userId("chainat").singleResult();
      chainat.setEmail(address);
      identity.saveUser(chainat);
    }
  }

  private static WebElement dialog(WebDriver driver) {
    return TasklistBrowserIT.waiting(driver)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-programme=notifications]")));
  }

  private static String checked(WebDriver driver, String name) {
    return (String)
        ((JavascriptExecutor) driver)
            .executeScript(
                "var e = document.querySelector('input[name=' + arguments[0] + ']:checked');"
                    + " return e && e.value;",
                name);
  }

  /** To {@code target/browser-screenshots/}; the docs' copy when {@code docs} is set. */
  private static void screenshot(WebDriver driver, String step, boolean docs) throws IOException {
    File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path shot = SCREENSHOTS.resolve("notifications-" + step + ".png");
    Files.copy(file.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    if (docs && Boolean.getBoolean("screenshots.docs")) {
      Files.copy(
          shot,
          Path.of("docs/screenshots/notifications-" + step + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
