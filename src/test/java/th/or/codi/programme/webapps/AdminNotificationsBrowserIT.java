package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.notifications.PreferenceStore;
import th.or.codi.programme.notifications.Preferences;
import th.or.codi.programme.notifications.Preferences.Delivery;
import th.or.codi.programme.notifications.Preferences.Language;

/**
 * The administrator's side of the notifications in Camunda Admin (the {@code
 * programme-notifications} Admin plugin), in a real browser: {@code admin} opens user {@code
 * nakhonsawan}'s Notifications tab, chooses once a day and saves it (a PUT with the session's CSRF
 * token); on the system page they see the outbox and send a test message to themself, which the
 * demo writes as an .eml file. Screenshots go to {@code
 * target/browser-screenshots/admin-notifications-*.png} (and to {@code docs/screenshots/} with
 * {@code -Dscreenshots.docs=true}). Skipped where Chromium or ChromeDriver is missing.
 */
class AdminNotificationsBrowserIT {

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

  static void loginToAdmin(WebDriver driver, String user) {
    TasklistBrowserIT.login(
        driver,
        TasklistBrowserIT.base + "/camunda/app/admin/default/",
        user,
        By.cssSelector(".dashboard"));
  }

  @Test
  void anAdministratorSetsAPersonsNotificationsOnTheirUserPage() throws IOException {
    PreferenceStore store = new PreferenceStore(engine.getIdentityService());
    store.save("nakhonsawan", new Preferences(Delivery.IMMEDIATE, Language.BOTH, null));
    WebDriver driver = TasklistBrowserIT.browser("th-TH");
    try {
      loginToAdmin(driver, "admin");
      driver.get(TasklistBrowserIT.base + "/camunda/app/admin/default/#/users/nakhonsawan");
      WebElement tab =
          TasklistBrowserIT.waiting(driver)
              .until(
                  ExpectedConditions.elementToBeClickable(
                      By.cssSelector("[data-programme=notifications-tab] a")));
      assertThat(tab.getText()).isEqualTo("การแจ้งเตือน / Notifications");
      tab.click();
      WebElement panel =
          TasklistBrowserIT.waiting(driver)
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("[data-programme=notifications-user] form")));
      assertThat(driver.getCurrentUrl()).endsWith("#/users/nakhonsawan?tab=notifications");
      assertThat(panel.getText())
          .contains("nakhonsawan@example.org")
          .contains("ทันที / Immediately", "สรุปวันละครั้ง / Once a day", "ไม่รับ / None")
          .contains("ไทยและอังกฤษ / Thai and English", "สรุปรายสัปดาห์ / Weekly digest");
      assertThat(checked(driver, "delivery")).isEqualTo("immediate");
      assertThat(checked(driver, "language")).isEqualTo("both");
      // Admin's own sections (the profile form) are not shown with this tab
      assertThat(driver.findElements(By.cssSelector("form[name=editProfileForm]"))).isEmpty();
      assertThat(
              driver
                  .findElement(By.cssSelector("[data-programme=notifications-tab]"))
                  .getAttribute("class"))
          .contains("active");

      driver.findElement(By.id("programme-admin-notifications-delivery-digest")).click();
      driver.findElement(By.cssSelector("[data-programme=save]")).click();
      await("the choice saved")
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  store
                      .of("nakhonsawan")
                      .equals(new Preferences(Delivery.DIGEST, Language.BOTH, null)));
      TasklistBrowserIT.waiting(driver)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector(".programme-admin-notifications-status"), "บันทึกแล้ว / Saved"));
      TasklistBrowserIT.pause(300);
      screenshot(driver, "user");

      // another tab of Admin's takes the form away; coming back shows what was saved
      driver.findElement(By.cssSelector("aside a[href$='?tab=profile']")).click();
      TasklistBrowserIT.waiting(driver)
          .until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("form[name=editProfileForm]")));
      assertThat(driver.findElements(By.cssSelector("[data-programme=notifications-user]")))
          .isEmpty();
      driver.findElement(By.cssSelector("[data-programme=notifications-tab] a")).click();
      TasklistBrowserIT.waiting(driver)
          .until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("[data-programme=notifications-user] form")));
      assertThat(checked(driver, "delivery")).isEqualTo("digest");
    } finally {
      driver.quit();
      store.save("nakhonsawan", new Preferences(Delivery.IMMEDIATE, Language.BOTH, null));
    }
  }

  @Test
  void anAdministratorSeesTheOutboxAndSendsATestMessage() throws IOException {
    Path mail = Path.of(app.getEnvironment().getProperty("programme.notifications.mail.directory"));
    // a message the SMTP server refused until the application gave up, as the outbox keeps it
    String failedId = "failed-" + java.util.UUID.randomUUID();
    java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
    try (java.sql.Connection c = app.getBean(javax.sql.DataSource.class).getConnection();
        java.sql.PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO PROGRAMME_NOTIFICATION (ID_, CHANNEL_, KIND_, RECIPIENT_, STATE_,"
                    + " CREATED_, NEXT_ATTEMPT_, ATTEMPTS_, DONE_, LAST_ERROR_)"
                    + " VALUES (?, 'email', 'task-assigned', 'saraburi', 'FAILED', ?, ?, 7, ?,"
                    + " '550 5.1.1 saraburi@example.org: mailbox unavailable')")) {
      insert.setString(1, failedId);
      insert.setTimestamp(2, now);
      insert.setTimestamp(3, now);
      insert.setTimestamp(4, now);
      insert.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
    WebDriver driver = TasklistBrowserIT.browser("th-TH");
    try {
      loginToAdmin(driver, "admin");
      // the dashboard's System section lists the page
      WebElement link =
          TasklistBrowserIT.waiting(driver)
              .until(
                  ExpectedConditions.elementToBeClickable(
                      By.xpath("//a[contains(., 'การแจ้งเตือน / Notifications')]")));
      link.click();
      WebElement page =
          TasklistBrowserIT.waiting(driver)
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("[data-programme=counts]")));
      assertThat(driver.getCurrentUrl()).contains("section=programme-notifications-system");
      assertThat(page.getText()).contains("ส่งไม่สำเร็จ / Failed", "รอส่ง / Pending");
      assertThat(
              driver
                  .findElement(By.cssSelector("[data-programme=counts] [data-state=failed]"))
                  .getText())
          .endsWith("1");
      assertThat(driver.findElement(By.cssSelector("[data-message='" + failedId + "']")).getText())
          .contains("saraburi", "550 5.1.1 saraburi@example.org: mailbox unavailable");

      List<Path> before = emls(mail);
      driver.findElement(By.cssSelector("[data-programme=send-test]")).click();
      WebElement result =
          TasklistBrowserIT.waiting(driver)
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("[data-programme=test-result] .alert-success")));
      assertThat(result.getText()).contains("admin@example.org");
      Path eml =
          await("the test message written as an .eml file")
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      emls(mail).stream()
                          .filter(p -> !before.contains(p))
                          .filter(p -> p.getFileName().toString().contains("admin"))
                          .findFirst()
                          .orElse(null),
                  java.util.Objects::nonNull);
      assertThat(Files.readString(eml)).contains("admin@example.org");
      driver.findElement(By.cssSelector("[data-programme=refresh]")).click();
      TasklistBrowserIT.waiting(driver)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.cssSelector("[data-programme=counts] [data-state=sent]"), "1"));
      TasklistBrowserIT.pause(300);
      screenshot(driver, "system");
    } finally {
      driver.quit();
      try (java.sql.Connection c = app.getBean(javax.sql.DataSource.class).getConnection();
          java.sql.PreparedStatement delete =
              c.prepareStatement("DELETE FROM PROGRAMME_NOTIFICATION WHERE ID_ = ?")) {
        delete.setString(1, failedId);
        delete.executeUpdate();
      } catch (java.sql.SQLException e) {
        throw new IOException(e);
      }
    }
  }

  private static List<Path> emls(Path mail) throws IOException {
    if (!Files.isDirectory(mail)) {
      return List.of();
    }
    try (var files = Files.walk(mail)) {
      return files.filter(f -> f.toString().endsWith(".eml")).toList();
    }
  }

  private static String checked(WebDriver driver, String name) {
    return (String)
        ((JavascriptExecutor) driver)
            .executeScript(
                "var e = document.querySelector('input[name=' + arguments[0] + ']:checked');"
                    + " return e && e.value;",
                name);
  }

  /** To {@code target/browser-screenshots/}; the docs' copy with {@code screenshots.docs}. */
  private static void screenshot(WebDriver driver, String step) throws IOException {
    File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path shot = SCREENSHOTS.resolve("admin-notifications-" + step + ".png");
    Files.copy(file.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    if (Boolean.getBoolean("screenshots.docs")) {
      Files.copy(
          shot,
          Path.of("docs/screenshots/admin-notifications-" + step + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
