package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.evidence.EvidenceSamples;
import th.or.codi.programme.evidence.EvidenceService;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * The evidence tab of Tasklist (the {@code evidence} Tasklist plugin, issue 17) in a real browser:
 * Nakhon Sawan's movement opens its forum report, sees the file attached earlier to the forum plan
 * of the same pipeline, attaches a JPEG through the file picker and a PDF by dropping it on the
 * tab, both with Thai names (a web page named .pdf, dropped, is refused with the server's Thai and
 * English message and nothing stored); both are listed with their type, size, uploader and a
 * Buddhist Era time; the report is then completed with the files as its evidence (no link), and the
 * engine holds both files byte for byte with their SHA-256. The tab is also looked at on a 390 px
 * wide phone screen. Screenshots go to {@code target/browser-screenshots/evidence-*.png} (the docs'
 * copy, {@code docs/screenshots/tasklist-evidence-tab.png}, with {@code -Dscreenshots.docs=true}).
 * Skipped where Chromium or ChromeDriver is missing.
 */
class EvidenceBrowserIT {

  static final Path SCREENSHOTS = Path.of("target/browser-screenshots");
  static final String PHOTO = "รูปเวทีประชาคม.jpg";
  static final String MINUTES = "รายงานการประชุม.pdf";
  static final String PLAN = "แผนเวที.png";

  @TempDir static Path dataDir;
  @TempDir static Path files;
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

  @Test
  void nakhonSawanAttachesThaiNamedFilesToTheForumReportAndCompletesIt() throws Exception {
    PersonActions act = app.getBean(PersonActions.class);
    EvidenceService evidence = app.getBean(EvidenceService.class);
    Walkthrough walk = new Walkthrough(act, code -> "nakhonsawan", t -> {});
    String key = walk.start("TH-60", 2581, 1);
    // an earlier task of the same pipeline with a file of its own
    Task plan = act.task(key, "Activity_PlanForum");
    act.as(
        "nakhonsawan",
        () -> evidence.upload(plan.getId(), PLAN, new ByteArrayInputStream(EvidenceSamples.png())));
    walk.planForum(key, "TH-60");
    walk.reviewForum(key, "approve", "approve");
    act.fireTimer(key, "Event_ForumDay");
    Task report = act.task(key, "Activity_ReportForum");

    byte[] jpeg = jpeg();
    byte[] pdf = EvidenceSamples.pdf();
    Path photo = Files.write(files.resolve(PHOTO), jpeg);

    WebDriver driver = TasklistBrowserIT.browser("th-TH");
    try {
      TasklistBrowserIT.login(driver, "nakhonsawan");
      driver.get(
          TasklistBrowserIT.base + "/camunda/app/tasklist/default/#/?task=" + report.getId());
      WebElement tabLink =
          TasklistBrowserIT.waiting(driver)
              .until(
                  ExpectedConditions.elementToBeClickable(
                      By.xpath("//ul[contains(@class,'nav-tabs')]//a[contains(.,'หลักฐาน')]")));
      assertThat(tabLink.getText()).isEqualTo("หลักฐาน / Evidence");
      tabLink.click();
      WebElement tab =
          TasklistBrowserIT.waiting(driver)
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("[data-programme=evidence]")));
      assertThat(tab.getText())
          .contains("เลือกไฟล์ / Choose files")
          .contains("หรือลากไฟล์มาวางที่นี่")
          .contains("ไฟล์ละไม่เกิน 20 MB")
          .contains("each file at most 20 MB, 100 MB per task")
          .contains("PDF, JPEG, PNG")
          .contains("ยังไม่มีไฟล์ / No files yet");
      // the earlier task's file, under its task's name
      WebElement earlier = driver.findElement(By.cssSelector("[data-programme=evidence-earlier]"));
      assertThat(earlier.getText()).contains(PLAN).contains(plan.getName()).contains("PNG");
      assertThat(earlier.findElements(By.cssSelector("[data-programme=evidence-remove]")))
          .as("an earlier, completed task's file cannot be removed")
          .isEmpty();
      shot(driver, "tab-empty");

      // the JPEG through the file picker
      driver
          .findElement(By.cssSelector("[data-programme=evidence-input]"))
          .sendKeys(photo.toString());
      waitForFiles(driver, 1);
      // a web page named .pdf, dropped: the server's refusal shown as it comes, nothing stored
      drop(
          driver,
          "หน้าเว็บ.pdf",
          "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      WebElement refused =
          TasklistBrowserIT.waiting(driver)
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector(".programme-evidence-status.alert-danger")));
      assertThat(refused.getText())
          .contains("ไม่รับไฟล์ \"หน้าเว็บ.pdf\"")
          .contains("text/html")
          .contains("The file \"หน้าเว็บ.pdf\" is refused");
      shot(driver, "refused");
      assertThat(waitForFiles(driver, 1)).hasSize(1);
      // the PDF dropped on the tab (a drop event carrying a File, as the browser makes one)
      drop(driver, MINUTES, pdf);
      List<WebElement> listed = waitForFiles(driver, 2);
      assertThat(driver.findElement(By.cssSelector(".programme-evidence-status")).getText())
          .contains("แนบแล้ว 1 ไฟล์ / Attached 1 file(s): " + MINUTES);
      String buddhistYear = String.valueOf(java.time.LocalDate.now().getYear() + 543);
      assertThat(listed.get(0).getText())
          .contains(PHOTO)
          .contains("JPEG")
          .contains("KB")
          .contains("nakhonsawan (ท่าน / you)")
          .contains(buddhistYear)
          .contains("ลบ / Remove");
      assertThat(listed.get(1).getText())
          .contains(MINUTES)
          .contains("PDF")
          .contains(buddhistYear)
          .contains("ลบ / Remove");
      assertThat(
              listed
                  .get(0)
                  .findElement(By.cssSelector("[data-programme=evidence-download]"))
                  .getAttribute("href"))
          .contains("/camunda/api/tasklist/plugin/evidence/default/files/")
          .endsWith("/content");
      TasklistBrowserIT.pause(1800);
      shot(driver, "uploaded");
      docs(driver, "tasklist-evidence-tab");

      // the download link answers the very bytes, in the browser's session
      Object downloaded =
          ((JavascriptExecutor) driver)
              .executeAsyncScript(
                  "var done = arguments[arguments.length - 1];"
                      + " fetch(arguments[0], { credentials: 'same-origin' })"
                      + " .then(function (r) { return r.arrayBuffer().then(function (b) {"
                      + "   return [r.status, r.headers.get('Content-Type'),"
                      + "     r.headers.get('Content-Disposition'), new Uint8Array(b).length]; }); })"
                      + " .then(done, function (e) { done(String(e)); });",
                  listed
                      .get(1)
                      .findElement(By.cssSelector("[data-programme=evidence-download]"))
                      .getAttribute("href"));
      assertThat(downloaded.toString())
          .contains("200")
          .contains("application/pdf")
          .contains("UTF-8''" + java.net.URLEncoder.encode(MINUTES, "UTF-8"))
          .contains(String.valueOf(pdf.length));

      // a phone's width: the tab fits, nothing wider than the screen
      driver.manage().window().setSize(new Dimension(390, 844));
      TasklistBrowserIT.pause(1000);
      ((JavascriptExecutor) driver)
          .executeScript(
              "var tabs = document.querySelector('.tabbed-content .nav-tabs');"
                  + " tabs.scrollIntoView({block: 'start'});"
                  // Tasklist scrolls the task in a pane under its fixed header: show the tabs too
                  + " var pane = tabs.parentElement;"
                  + " while (pane && pane.scrollHeight <= pane.clientHeight) { pane = pane.parentElement; }"
                  + " if (pane) { pane.scrollTop -= 110; }");
      TasklistBrowserIT.pause(500);
      shot(driver, "phone");
      ((JavascriptExecutor) driver)
          .executeScript(
              "document.querySelector('[data-programme=evidence-task]')"
                  + ".scrollIntoView({block: 'center'})");
      TasklistBrowserIT.pause(500);
      shot(driver, "phone-files");
      Map<?, ?> fit =
          (Map<?, ?>)
              ((JavascriptExecutor) driver)
                  .executeScript(
                      "var tab = document.querySelector('[data-programme=evidence]');"
                          + " var r = tab.getBoundingClientRect();"
                          + " var widest = Array.from(tab.querySelectorAll('*')).reduce(function (m, e) {"
                          + "   return Math.max(m, e.getBoundingClientRect().right); }, 0);"
                          + " return { width: window.innerWidth, right: r.right, widest: widest };");
      assertThat(((Number) fit.get("widest")).doubleValue())
          .as("the tab's content on a 390 px screen: %s", fit)
          .isLessThanOrEqualTo(((Number) fit.get("width")).doubleValue() + 0.5);
    } finally {
      driver.quit();
    }

    // the files are the report's evidence: completed without a link
    act.complete(
        "nakhonsawan",
        report,
        Walkthrough.values(
            "participantsCommunity",
            60L,
            "participantsCodi",
            5L,
            "participantsThaiHealth",
            4L,
            "participantsOther",
            10L,
            "agreements",
            "ตกลงร่วมขับเคลื่อนงานระดับจังหวัด",
            "forumMoneySpent",
            24000L,
            "forumDecision",
            "proceed",
            "forumDecisionReason",
            ""));
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskId(report.getId())
                .finished()
                .count())
        .as("the forum report completed")
        .isOne();

    TaskService tasks = engine.getTaskService();
    List<Attachment> stored = tasks.getTaskAttachments(report.getId());
    assertThat(stored).extracting(Attachment::getName).containsExactly(PHOTO, MINUTES);
    for (Attachment attachment : stored) {
      byte[] sent = attachment.getName().equals(PHOTO) ? jpeg : pdf;
      byte[] bytes;
      try (InputStream in = tasks.getAttachmentContent(attachment.getId())) {
        bytes = in.readAllBytes();
      }
      assertThat(bytes).as(attachment.getName()).isEqualTo(sent);
      assertThat(attachment.getType())
          .isEqualTo(attachment.getName().equals(PHOTO) ? "image/jpeg" : "application/pdf");
      var description = new ObjectMapper().readTree(attachment.getDescription());
      assertThat(description.get("evidence").asInt()).isOne();
      assertThat(description.get("sha256").asText()).isEqualTo(sha256(sent));
      assertThat(description.get("size").asLong()).isEqualTo(sent.length);
      assertThat(attachment.getProcessInstanceId()).isEqualTo(report.getProcessInstanceId());
    }

    // the auditor: both files in the pipeline's trail in Cockpit, and all of them as one ZIP
    String pipeline =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .processDefinitionKey(ProgrammeProcesses.PIPELINE)
            .singleResult()
            .getId();
    Path downloads = Files.createDirectories(files.resolve("downloads"));
    WebDriver auditor = CockpitBrowserIT.browser(downloads);
    try {
      auditor.get(TasklistBrowserIT.base + "/camunda/app/cockpit/default/");
      WebElement name =
          TasklistBrowserIT.waiting(auditor)
              .until(
                  ExpectedConditions.visibilityOfElementLocated(
                      By.cssSelector("input[type=text]")));
      name.sendKeys("auditor");
      auditor.findElement(By.cssSelector("input[type=password]")).sendKeys("auditor");
      auditor.findElement(By.cssSelector("button[type=submit]")).click();
      TasklistBrowserIT.waiting(auditor)
          .until(
              ExpectedConditions.invisibilityOfElementLocated(
                  By.cssSelector("input[type=password]")));
      auditor.get(
          TasklistBrowserIT.base
              + "/camunda/app/cockpit/default/#/programme-audit?instance="
              + pipeline);
      By rows = By.cssSelector("table.programme-trail tr[data-kind=EVIDENCE]");
      TasklistBrowserIT.waiting(auditor)
          .until(ExpectedConditions.numberOfElementsToBeMoreThan(rows, 2));
      String trail =
          auditor.findElements(rows).stream()
              .map(r -> r.getAttribute("textContent"))
              .reduce("", String::concat);
      assertThat(trail)
          .contains(PHOTO, MINUTES, PLAN)
          .contains(sha256(jpeg), sha256(pdf))
          .contains("nakhonsawan");
      WebElement zip = auditor.findElement(By.cssSelector("a.programme-download-zip"));
      ((JavascriptExecutor) auditor)
          .executeScript("arguments[0].scrollIntoView({block: 'center'})", zip);
      shot(auditor, "auditor-trail");
      ((JavascriptExecutor) auditor).executeScript("arguments[0].click()", zip);
      Path archive =
          await("the ZIP downloaded")
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> {
                    try (var list = Files.list(downloads)) {
                      return list.filter(f -> f.toString().endsWith(".zip"))
                          .findFirst()
                          .orElse(null);
                    }
                  },
                  java.util.Objects::nonNull);
      java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
      try (java.util.zip.ZipInputStream in =
          new java.util.zip.ZipInputStream(Files.newInputStream(archive))) {
        for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
      assertThat(entries.get("Activity_ReportForum/" + PHOTO)).isEqualTo(jpeg);
      assertThat(entries.get("Activity_ReportForum/" + MINUTES)).isEqualTo(pdf);
      assertThat(entries).containsKeys("manifest.csv", "manifest.json", "SHA256SUMS");
      for (String line :
          new String(entries.get("SHA256SUMS"), java.nio.charset.StandardCharsets.UTF_8)
              .split("\n")) {
        String[] parts = line.split("  ", 2);
        assertThat(sha256(entries.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
      }
    } finally {
      auditor.quit();
    }
  }

  /** Drops a file on the tab: the drag events a browser fires, their DataTransfer with a File. */
  private static void drop(WebDriver driver, String name, byte[] bytes) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "var bytes = Uint8Array.from(atob(arguments[1]), function (c) { return c.charCodeAt(0); });"
                + " var file = new File([bytes], arguments[0]);"
                + " var data = new DataTransfer(); data.items.add(file);"
                + " var zone = document.querySelector('[data-programme=evidence-drop]');"
                + " ['dragenter', 'dragover', 'drop'].forEach(function (type) {"
                + "   zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true,"
                + "     dataTransfer: data })); });",
            name,
            Base64.getEncoder().encodeToString(bytes));
  }

  private static List<WebElement> waitForFiles(WebDriver driver, int count) {
    return TasklistBrowserIT.waiting(driver)
        .until(
            d -> {
              List<WebElement> items =
                  d.findElements(
                      By.cssSelector(
                          "[data-programme=evidence-task] [data-programme=evidence-file]"));
              return items.size() == count ? items : null;
            });
  }

  /** A real (small) JPEG, as a phone's camera would write one, only smaller. */
  private static byte[] jpeg() throws IOException {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40, 120, 200));
    g.fillRect(0, 0, 64, 48);
    g.setColor(Color.ORANGE);
    g.fillOval(16, 8, 32, 32);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static void shot(WebDriver driver, String step) throws IOException {
    File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(
        file.toPath(),
        SCREENSHOTS.resolve("evidence-" + step + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static void docs(WebDriver driver, String name) throws IOException {
    if (Boolean.getBoolean("screenshots.docs")) {
      File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(
          file.toPath(),
          Path.of("docs/screenshots/" + name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
