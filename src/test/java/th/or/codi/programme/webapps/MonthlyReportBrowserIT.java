package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.JointProgrammeApplication;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;

/**
 * The monthly report filled in Tasklist as the province fills it, in a real browser (Debian's
 * Chromium, headless). What it proves first: form-js 1.8.7 in Tasklist 7.24 renders a select with
 * {@code valuesKey} INSIDE a dynamic list with the value the process prefilled (each spending item
 * shows its plan line's label, each indicator item its indicator's). Then: the budget so far is
 * shown read-only, a month that takes a line above its approved budget is refused with the line,
 * the approved and the cumulative amounts named, and accepted once the reason is given. Screenshots
 * go to {@code target/browser-screenshots/}.
 */
class MonthlyReportBrowserIT {

  static final String KEY = "TH-60/2565-1";

  @TempDir static java.nio.file.Path dataDir;
  static ConfigurableApplicationContext app;
  static ProcessEngine engine;
  static int shot;

  @BeforeAll
  static void startTheApplicationWithASecondMonthToReport() throws IOException {
    Assumptions.assumeTrue(
        new File(TasklistBrowserIT.CHROMIUM).canExecute()
            && new File(TasklistBrowserIT.CHROMEDRIVER).canExecute(),
        "SKIPPED: browser tests need Debian's chromium and chromium-driver");
    Files.createDirectories(JointPlanBrowserIT.SCREENSHOTS);
    app =
        new SpringApplicationBuilder(JointProgrammeApplication.class)
            .profiles("demo")
            .run(
                "--PROGRAMME_DATA_DIR=" + dataDir,
                "--server.port=0",
                "--programme.demo.data=false",
                "--camunda.bpm.job-execution.enabled=false");
    engine = app.getBean(ProcessEngine.class);
    TasklistBrowserIT.base =
        "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    PersonActions act = app.getBean(PersonActions.class);
    Walkthrough walk = new Walkthrough(act, code -> "nakhonsawan", t -> {});
    String key = walk.start("TH-60", 2565, 1);
    assertThat(key).isEqualTo(KEY);
    walk.forumStage(key, "TH-60");
    walk.visitStage(key, "TH-60");
    walk.designStage(key, "TH-60");
    walk.monthlyReport(key, "TH-60", "on-track"); // 12,000 on line 1 (50,000 approved)
    act.fireTimer(key, "Event_MonthlyReportDue");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static void screenshot(WebDriver driver, String step) throws IOException {
    JointPlanBrowserIT.screenshot(driver, "monthly-" + (++shot) + "-" + step);
  }

  /** The select fields of list items whose component id contains {@code componentId}. */
  static List<WebElement> selects(WebDriver driver, String componentId) {
    return driver.findElements(
        By.xpath(
            "//*[contains(@class,'fjs-form-field-select')][.//*[contains(@id,'"
                + componentId
                + "')] or .//label[contains(@for,'"
                + componentId
                + "')]]"));
  }

  static void retype(WebDriver driver, WebElement input, String text) {
    JointPlanBrowserIT.scrollTo(driver, input);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    TasklistBrowserIT.type(input, text);
  }

  static void send(WebDriver driver) {
    WebElement send =
        driver.findElement(By.xpath("//button[contains(normalize-space(.),'ส่งงาน')]"));
    JointPlanBrowserIT.scrollTo(driver, send);
    send.click();
  }

  @Test
  void theProvinceReportsSpendingPerPlanLineAndAnOverspendNeedsItsReason() throws IOException {
    WebDriver driver = TasklistBrowserIT.browser("th-TH");
    try {
      JointPlanBrowserIT.login(driver, "nakhonsawan");
      JointPlanBrowserIT.openTask(driver, "ส่งรายงาน");

      List<WebElement> lines = selects(driver, "Field_SpendingLine");
      assertThat(lines).as("one spending item per plan line, prefilled").hasSize(2);
      JointPlanBrowserIT.scrollTo(driver, lines.get(0));
      screenshot(driver, "prefilled-lines");
      assertThat(lines.get(0).getText()).contains("1. เวทีสภาองค์กรชุมชน");
      assertThat(lines.get(1).getText()).contains("2. พัฒนาศักยภาพแกนนำ");
      List<WebElement> sources = selects(driver, "Field_SpendingSource");
      assertThat(sources.get(0).getText()).contains("สสส.");
      assertThat(sources.get(1).getText()).contains("พอช.");
      List<WebElement> indicators = selects(driver, "Field_ProgressIndicator");
      assertThat(indicators).hasSize(3);
      assertThat(indicators.get(0).getText()).contains("1. ครัวเรือนที่ทำบัญชีครัวเรือน");
      assertThat(indicators.get(2).getText()).contains("3. สมาชิกกองทุนสวัสดิการชุมชน");
      WebElement toDate = JointPlanBrowserIT.inputs(driver, "Context_SpendingToDate").get(0);
      assertThat(toDate.getAttribute("value"))
          .contains("ใช้แล้ว 12,000.00 · คงเหลือ 38,000.00")
          .contains("ทั้งแผน: อนุมัติ 80,000.00 · ใช้แล้ว 12,000.00");

      retype(driver, JointPlanBrowserIT.inputs(driver, "Field_ReportMonth").get(0), "2027-01");
      List<WebElement> amounts = JointPlanBrowserIT.inputs(driver, "Field_SpendingAmount");
      retype(driver, amounts.get(0), "40000");
      retype(driver, amounts.get(1), "4500");
      retype(driver, JointPlanBrowserIT.inputs(driver, "Field_IndicatorReached").get(0), "180");
      retype(
          driver,
          JointPlanBrowserIT.inputs(driver, "Field_ActivitiesDone").get(0),
          "จัดเวทีสภาองค์กรชุมชน 3 ตำบล");
      WebElement onTrack = driver.findElement(By.xpath("//label[contains(.,'ตามแผน / On track')]"));
      JointPlanBrowserIT.scrollTo(driver, onTrack);
      onTrack.click();
      TasklistBrowserIT.pause(400);
      screenshot(driver, "filled-above-line-budget");

      send(driver);
      await("Tasklist shows the refusal")
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> driver.findElement(By.tagName("body")).getText().contains("เกินงบที่อนุมัติ"));
      screenshot(driver, "refused-overspend");
      assertThat(driver.findElement(By.tagName("body")).getText())
          .contains("รายการที่ 1 “เวทีสภาองค์กรชุมชน” ใช้จ่ายสะสม 52,000.00 บาท")
          .contains("50,000.00");

      retype(
          driver,
          JointPlanBrowserIT.inputs(driver, "Field_OverspendReason").get(0),
          "ค่าเช่าเต็นท์และเครื่องเสียงขึ้นราคา");
      send(driver);
      await("the report submitted")
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  engine
                          .getTaskService()
                          .createTaskQuery()
                          .processInstanceBusinessKey(KEY)
                          .taskDefinitionKey("Activity_SubmitMonthlyReport")
                          .count()
                      == 0);
      screenshot(driver, "submitted");
    } finally {
      driver.quit();
    }

    Task review =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(KEY)
            .taskDefinitionKey("Activity_ReviewProgress")
            .singleResult();
    Map<String, Object> values = engine.getTaskService().getVariables(review.getId());
    assertThat(((Number) values.get("moneySpent")).doubleValue()).isEqualTo(44500);
    assertThat(values.get("overspent")).isEqualTo(true);
    assertThat(((Number) values.get("planSpentToDate")).doubleValue()).isEqualTo(56500);
    SpinJsonNode spent = Spin.JSON(values.get("monthlySpending").toString());
    assertThat(spent.elements())
        .extracting(
            n -> n.prop("spendingLine").stringValue(),
            n -> n.prop("spendingSource").stringValue(),
            n -> n.prop("spendingAmount").numberValue().intValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", "thaihealth", 40000),
            org.assertj.core.groups.Tuple.tuple("2", "codi", 4500));
    SpinJsonNode progress = Spin.JSON(values.get("indicatorProgress").toString());
    assertThat(progress.elements())
        .extracting(n -> n.prop("indicatorReached").numberValue().intValue())
        .containsExactly(180, 3, 850);
  }
}
