package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
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
import th.or.codi.programme.evidence.EvidenceService;
import th.or.codi.programme.evidence.EvidenceService.Upload;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * Cockpit in a real browser (Debian's Chromium, headless) with the demo programme: the manager sees
 * the three pilot provinces at their stages on the dashboard; the auditor opens, from Cockpit's
 * header, the audit trail of a completed pipeline and downloads it as CSV; Nakhon Sawan's movement
 * is refused. Screenshots go to {@code target/browser-screenshots/}. Skipped, with a message, where
 * Chromium or ChromeDriver is missing ({@code .ci/run} installs them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CockpitBrowserIT {

  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String CHROMEDRIVER =
      System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/browser-screenshots");
  static final String COMPLETED = "TH-60/2570-1";
  static final String PHOTO = "ภาพเวทีประชาคม นครสวรรค์.jpg";
  static final String MINUTES = "บันทึกการประชุมเวที.pdf";
  static final Path DOCS_SCREENSHOT = Path.of("docs/screenshots/cockpit-audit-evidence.png");

  /** A JPEG as its bytes tell: SOI, a JFIF header, noise, EOI. */
  static byte[] jpeg(int size) {
    byte[] bytes = new byte[size];
    new java.util.Random(60).nextBytes(bytes);
    byte[] head = {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xE0,
      0,
      16,
      'J',
      'F',
      'I',
      'F',
      0,
      1,
      1,
      0,
      0,
      1,
      0,
      1,
      0,
      0
    };
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[size - 2] = (byte) 0xFF;
    bytes[size - 1] = (byte) 0xD9;
    return bytes;
  }

  static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF\n"
        .getBytes(StandardCharsets.UTF_8);
  }

  @TempDir static Path dataDir;
  @TempDir static Path downloads;
  static ConfigurableApplicationContext app;
  static ProcessEngine engine;
  static String base;

  @BeforeAll
  static void startTheDemoProgrammeWithOneCompletedPipeline() throws IOException {
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
                "--programme.demo.data=true",
                "--camunda.bpm.job-execution.enabled=false");
    engine = app.getBean(ProcessEngine.class);
    base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    Walkthrough walk =
        new Walkthrough(app.getBean(PersonActions.class), code -> "nakhonsawan", t -> {});
    String key = walk.start("TH-60", 2570, 1);
    assertThat(key).isEqualTo(COMPLETED);
    // the forum's report with two evidence files, as Nakhon Sawan's movement uploads them
    walk.planForum(key, "TH-60");
    walk.reviewForum(key, "approve", "approve");
    PersonActions act = app.getBean(PersonActions.class);
    act.fireTimer(key, "Event_ForumDay");
    String report = act.task(key, "Activity_ReportForum").getId();
    EvidenceService evidence = app.getBean(EvidenceService.class);
    act.as(
        "nakhonsawan",
        () ->
            evidence.upload(
                report,
                List.of(
                    new Upload(PHOTO, new ByteArrayInputStream(jpeg(400_000))),
                    new Upload(MINUTES, new ByteArrayInputStream(pdf())))));
    walk.reportForum(key, "TH-60", "proceed");
    walk.visitStage(key, "TH-60");
    walk.designStage(key, "TH-60");
    walk.monthlyReport(key, "TH-60", "on-track");
    walk.completePlan(key, "TH-60");
    walk.evaluate(key, "expand");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static WebDriver browser() {
    return browser(downloads);
  }

  /** Chromium in Thai that saves downloads into the folder without asking. */
  static WebDriver browser(Path downloads) {
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
        "--window-size=1600,1100",
        "--lang=th-TH");
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("intl.accept_languages", "th-TH");
    prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
    prefs.put("download.prompt_for_download", false);
    // a second download from the same page (a file, then the ZIP) without Chromium's question
    prefs.put("profile.default_content_setting_values.automatic_downloads", 1);
    options.setExperimentalOption("prefs", prefs);
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
        SCREENSHOTS.resolve("cockpit-" + step + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  static WebDriverWait waiting(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  static void login(WebDriver driver, String user) {
    driver.get(base + "/camunda/app/cockpit/default/");
    WebElement name =
        waiting(driver)
            .until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]")));
    name.sendKeys(user);
    driver.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
  }

  static String text(WebDriver driver, String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  @Test
  @Order(1)
  void theManagerSeesTheThreePilotsAtTheirStages() throws IOException {
    WebDriver driver = browser();
    try {
      login(driver, "manager");
      By nakhonSawan = By.cssSelector("[data-programme=dashboard] tr[data-province='TH-60']");
      waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(nakhonSawan));
      ((JavascriptExecutor) driver)
          .executeScript("document.querySelector('[data-programme=dashboard]').scrollIntoView()");
      screenshot(driver, "manager-dashboard");

      assertThat(driver.findElement(nakhonSawan).getAttribute("data-stage"))
          .isEqualTo("implementation");
      assertThat(driver.findElement(nakhonSawan).getText())
          .contains("นครสวรรค์")
          .contains("4 ปฏิบัติการและกำกับติดตาม");
      WebElement saraburi =
          driver.findElement(
              By.cssSelector("[data-programme=dashboard] tr[data-province='TH-19']"));
      assertThat(saraburi.getAttribute("data-stage")).isEqualTo("study-visit");
      assertThat(saraburi.getText()).contains("สระบุรี").contains("2 ศึกษาดูงาน");
      assertThat(saraburi.findElement(By.cssSelector("td[data-party=thaihealth]")).getText())
          .startsWith("1");
      WebElement chaiNat =
          driver.findElement(
              By.cssSelector("[data-programme=dashboard] tr[data-province='TH-18']"));
      assertThat(chaiNat.getAttribute("data-stage")).isEqualTo("understanding-forum");
      assertThat(chaiNat.getText()).contains("ชัยนาท").contains("1 เวทีทำความเข้าใจ");
      assertThat(text(driver, "body"))
          .as("Cockpit itself in Thai")
          .contains("การตัดสินใจ")
          .contains("งานของผู้ใช้");
      assertThat(text(driver, "[data-programme=dashboard]"))
          .contains("ภาพรวมโครงการรายจังหวัด")
          .contains("งานค้าง พอช.")
          .contains("เลยกำหนด");
      assertThat(
              driver.findElements(
                  By.cssSelector("[data-programme=dashboard] .programme-audit-link")))
          .as("a manager reads the audit trail too")
          .hasSize(3);
      assertThat(
              driver.findElements(
                  By.cssSelector("[data-programme=dashboard] .programme-cockpit-link")))
          .hasSize(3);
    } finally {
      driver.quit();
    }
  }

  @Test
  @Order(2)
  void theAuditorOpensTheTrailOfACompletedPipelineFromCockpitAndDownloadsTheCsv() throws Exception {
    WebDriver driver = browser();
    try {
      login(driver, "auditor");
      // Cockpit's header links to the audit trail page
      waiting(driver)
          .until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath("//a[contains(normalize-space(.),'บันทึกการตรวจสอบ')]")))
          .click();
      By completed = By.cssSelector("tr[data-pipeline='" + COMPLETED + "'] a.programme-open-trail");
      waiting(driver).until(ExpectedConditions.elementToBeClickable(completed));
      assertThat(
              driver
                  .findElement(By.cssSelector("tr[data-pipeline='" + COMPLETED + "']"))
                  .getAttribute("data-state"))
          .isEqualTo("completed");
      screenshot(driver, "auditor-pipelines");
      driver.findElement(completed).click();

      try {
        waiting(driver)
            .until(
                ExpectedConditions.numberOfElementsToBeMoreThan(
                    By.cssSelector("table.programme-trail tr[data-kind=TASK_COMPLETED]"), 13));
      } catch (RuntimeException e) {
        screenshot(driver, "auditor-trail-missing");
        throw new AssertionError(
            "no trail at " + driver.getCurrentUrl() + ":\n" + text(driver, "body"), e);
      }
      String trail =
          (String)
              ((JavascriptExecutor) driver)
                  .executeScript(
                      "return document.querySelector('table.programme-trail').textContent");
      assertThat(trail)
          .contains("เริ่มกระบวนการ")
          .contains("ทำงานเสร็จ")
          .contains("nakhonsawan")
          .contains("codi")
          .contains("thaihealth")
          .contains("กระบวนการสิ้นสุด");
      assertThat(
              driver.findElements(
                  By.cssSelector("table.programme-trail tr[data-kind=TASK_COMPLETED]")))
          .hasSizeGreaterThanOrEqualTo(14);
      screenshot(driver, "auditor-trail");

      driver.findElement(By.cssSelector("a.programme-download-csv")).click();
      Path csv =
          await("the CSV downloaded to " + downloads)
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () -> {
                    try (Stream<Path> files = Files.list(downloads)) {
                      return files
                          .filter(f -> f.toString().endsWith(".csv"))
                          .findFirst()
                          .orElse(null);
                    }
                  },
                  Objects::nonNull);
      byte[] bytes = Files.readAllBytes(csv);
      assertThat(bytes[0]).isEqualTo((byte) 0xEF);
      String content = new String(bytes, StandardCharsets.UTF_8);
      assertThat(content)
          .contains("auditor")
          .contains("ทำงานเสร็จ")
          .contains("นครสวรรค์")
          .contains(COMPLETED);
      assertThat(csv.getFileName().toString()).startsWith("audit-trail-TH-60_2570-1-");

      // a running instance has the trail as a tab of Cockpit's own instance view
      String running =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey("TH-19/2562-1")
              .processDefinitionKey(ProgrammeProcesses.PIPELINE)
              .singleResult()
              .getId();
      driver.get(base + "/camunda/app/cockpit/default/#/process-instance/" + running + "/runtime");
      waiting(driver)
          .until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath(
                      "//a[contains(normalize-space(.),'บันทึกการตรวจสอบ / Audit trail') and ancestor::*[contains(@class,'nav-tabs') or contains(@class,'ctn-tabbed')]]")))
          .click();
      waiting(driver)
          .until(
              ExpectedConditions.numberOfElementsToBeMoreThan(
                  By.cssSelector(
                      "[data-programme=audit-tab] table.programme-trail tr[data-kind=TASK_COMPLETED]"),
                  0));
      screenshot(driver, "auditor-instance-tab");
    } finally {
      driver.quit();
    }
  }

  @Test
  @Order(4)
  void theAuditorSeesTheForumsEvidenceInTheTrailAndDownloadsItAllAsAZip() throws Exception {
    WebDriver driver = browser();
    try {
      login(driver, "auditor");
      waiting(driver)
          .until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath("//a[contains(normalize-space(.),'บันทึกการตรวจสอบ')]")))
          .click();
      By completed = By.cssSelector("tr[data-pipeline='" + COMPLETED + "'] a.programme-open-trail");
      waiting(driver).until(ExpectedConditions.elementToBeClickable(completed)).click();
      By files = By.cssSelector("table.programme-trail tr[data-kind=EVIDENCE]");
      try {
        waiting(driver).until(ExpectedConditions.numberOfElementsToBe(files, 2));
      } catch (RuntimeException e) {
        screenshot(driver, "auditor-evidence-missing");
        throw new AssertionError("no evidence in the trail:\n" + text(driver, "body"), e);
      }
      List<WebElement> rows = driver.findElements(files);
      ((JavascriptExecutor) driver)
          .executeScript("arguments[0].scrollIntoView({block: 'center'})", rows.get(0));
      assertThat(rows.get(0).getAttribute("textContent"))
          .contains("หลักฐาน")
          .contains("nakhonsawan")
          .contains(PHOTO)
          .contains("image/jpeg")
          .contains("390.6 KB")
          .contains(sha256(jpeg(400_000)));
      assertThat(rows.get(1).getAttribute("textContent"))
          .contains(MINUTES)
          .contains("application/pdf");
      WebElement link = rows.get(0).findElement(By.cssSelector("a.programme-evidence-download"));
      assertThat(link.getAttribute("href"))
          .contains("/camunda/api/cockpit/plugin/programme/default/evidence/files/")
          .endsWith("/content");
      WebElement zip = driver.findElement(By.cssSelector("a.programme-download-zip"));
      assertThat(zip.getAttribute("textContent"))
          .contains("ดาวน์โหลดหลักฐานทั้งหมด (ZIP) / Download all evidence (ZIP)");
      ((JavascriptExecutor) driver)
          .executeScript("arguments[0].scrollIntoView({block: 'center'})", rows.get(0));
      screenshot(driver, "audit-evidence");
      Files.createDirectories(DOCS_SCREENSHOT.getParent());
      Files.copy(
          SCREENSHOTS.resolve("cockpit-audit-evidence.png"),
          DOCS_SCREENSHOT,
          StandardCopyOption.REPLACE_EXISTING);

      // one file by its link, then everything as a ZIP
      ((JavascriptExecutor) driver).executeScript("arguments[0].click()", link);
      Path photo = downloaded(".jpg");
      assertThat(photo.getFileName().toString()).isEqualTo(PHOTO);
      assertThat(sha256(Files.readAllBytes(photo))).isEqualTo(sha256(jpeg(400_000)));
      ((JavascriptExecutor) driver)
          .executeScript("arguments[0].scrollIntoView({block: 'center'})", zip);
      screenshot(driver, "audit-evidence-zip");
      Files.copy(
          SCREENSHOTS.resolve("cockpit-audit-evidence-zip.png"),
          DOCS_SCREENSHOT.resolveSibling("cockpit-audit-evidence-zip.png"),
          StandardCopyOption.REPLACE_EXISTING);
      ((JavascriptExecutor) driver).executeScript("arguments[0].click()", zip);
      Path archive = downloaded(".zip");
      assertThat(archive.getFileName().toString()).isEqualTo("evidence-TH-60-2570-1.zip");
      Map<String, byte[]> entries = new LinkedHashMap<>();
      try (java.util.zip.ZipInputStream in =
          new java.util.zip.ZipInputStream(Files.newInputStream(archive))) {
        for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
      assertThat(entries.keySet())
          .containsExactly(
              "Activity_ReportForum/" + PHOTO,
              "Activity_ReportForum/" + MINUTES,
              "manifest.csv",
              "manifest.json",
              "SHA256SUMS");
      String sums = new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8);
      for (String line : sums.split("\n")) {
        String[] parts = line.split("  ", 2);
        assertThat(sha256(entries.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
      }
    } finally {
      driver.quit();
    }
  }

  static Path downloaded(String extension) {
    return await("a " + extension + " downloaded to " + downloads)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(extension)).findFirst().orElse(null);
              }
            },
            Objects::nonNull);
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  @Order(3)
  void nakhonSawansMovementIsRefused() throws Exception {
    WebDriver driver = browser();
    try {
      login(driver, "nakhonsawan");
      await("Cockpit refuses the login")
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  driver
                      .findElement(By.tagName("body"))
                      .getText()
                      .contains("เข้าสู่ระบบไม่สำเร็จ"));
      screenshot(driver, "nakhonsawan-refused");
      assertThat(driver.findElements(By.cssSelector("[data-programme]"))).isEmpty();
      assertThat(driver.findElements(By.cssSelector("input[type=password]")))
          .as("still at the login form")
          .isNotEmpty();
      assertThat(driver.findElement(By.tagName("body")).getText())
          .as("Cockpit says so, in Thai")
          .contains("เข้าสู่ระบบไม่สำเร็จ");
      driver.get(base + "/camunda/app/cockpit/default/#/programme-audit");
      Thread.sleep(
          2000); // deliberately: what is not there cannot be waited for; time for a plugin to
      // render
      assertThat(driver.findElements(By.cssSelector("[data-programme=audit-trail]"))).isEmpty();
      Object status =
          ((JavascriptExecutor) driver)
              .executeAsyncScript(
                  "var done = arguments[arguments.length - 1];"
                      + "fetch('/camunda/api/cockpit/plugin/programme/default/pipelines', {credentials: 'same-origin'})"
                      + ".then(function (r) { done(r.status); }, function () { done(-1); });");
      assertThat(((Number) status).intValue()).isIn(401, 403);
      screenshot(driver, "nakhonsawan-no-audit-trail");
    } finally {
      driver.quit();
    }
  }
}
