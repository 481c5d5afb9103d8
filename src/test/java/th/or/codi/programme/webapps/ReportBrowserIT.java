package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;

/**
 * The programme report from Cockpit's dashboard in a real browser: the manager sees the money
 * columns (spent / approved per source), the indicators and the programme's totals, clicks the
 * download button, and the browser saves {@code programme-report-<date>.xlsx}, a workbook that
 * opens with its summary, a sheet for Chai Nat and the ledger. Screenshot: {@code
 * target/browser-screenshots/cockpit-report-dashboard.png}. Skipped where Chromium is missing.
 */
class ReportBrowserIT {

  @TempDir static Path dataDir;
  @TempDir static Path downloads;
  static ConfigurableApplicationContext app;

  @BeforeAll
  static void startWithAPipeline() throws IOException {
    app = BrowserApp.start(dataDir);
    CockpitBrowserIT.base = TasklistBrowserIT.base;
    Walkthrough walk =
        new Walkthrough(app.getBean(PersonActions.class), code -> "chainat", t -> {});
    String key = walk.start("TH-18", 2582, 1);
    walk.forumStage(key, "TH-18");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theManagerSeesTheMoneyColumnsAndDownloadsTheWorkbook() throws Exception {
    WebDriver driver = CockpitBrowserIT.browser(downloads);
    try {
      CockpitBrowserIT.login(driver, "manager");
      By chaiNat = By.cssSelector("[data-programme=dashboard] tr[data-province='TH-18']");
      CockpitBrowserIT.waiting(driver)
          .until(ExpectedConditions.visibilityOfElementLocated(chaiNat));
      WebElement table = driver.findElement(By.cssSelector("[data-programme=dashboard] table"));
      assertThat(table.findElement(By.tagName("thead")).getText())
          .contains("ใช้จ่าย / อนุมัติ พอช.")
          .contains("Spent / approved: ThaiHealth (THB)")
          .contains("ตัวชี้วัดถึงเป้า");
      List<WebElement> money =
          driver.findElement(chaiNat).findElements(By.cssSelector("td.programme-money"));
      assertThat(money)
          .extracting(m -> m.getAttribute("data-source"))
          .containsExactly("codi", "thaihealth", "other");
      assertThat(driver.findElement(By.cssSelector("tr.programme-totals")).getText())
          .contains("รวมทั้งโครงการ / Programme total");
      WebElement button =
          driver.findElement(
              By.cssSelector("[data-programme=dashboard] a.programme-download-report"));
      assertThat(button.getText()).contains("ดาวน์โหลดรายงานโครงการ (Excel)");
      ((JavascriptExecutor) driver)
          .executeScript("document.querySelector('[data-programme=dashboard]').scrollIntoView()");
      CockpitBrowserIT.screenshot(driver, "report-dashboard");

      button.click();
      Path file =
          await("the workbook downloaded to " + downloads)
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> {
                    try (Stream<Path> files = Files.list(downloads)) {
                      return files
                          .filter(f -> f.getFileName().toString().endsWith(".xlsx"))
                          .findFirst()
                          .orElse(null);
                    }
                  },
                  f -> f != null);
      assertThat(file.getFileName().toString())
          .matches("programme-report-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
      try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
        assertThat(book.getSheet("สรุป Summary")).isNotNull();
        assertThat(book.getSheet("ชัยนาท TH-18")).isNotNull();
        assertThat(book.getSheet("รายการ Ledger")).isNotNull();
      }
    } finally {
      driver.quit();
    }
  }
}
