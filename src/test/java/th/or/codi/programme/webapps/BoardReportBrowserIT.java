package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.processes.ProgrammeProcesses;

/**
 * The dashboard's timeline, charts and board report in a real browser, on a programme with a
 * history: the three pilots started months ago (Chai Nat's study visit overran its time), Sing
 * Buri's first wave ended, and a second wave for Sing Buri running. Checked on the page's own
 * elements: the lanes by wave, each lane's bars in the order of its stages with the running one
 * ending at today, the overrun hatched, the months in the Buddhist Era, the four charts drawn by
 * Chart.js, and the print view (A4 landscape, the dashboard alone with its header and the date in
 * the Buddhist Era) printed to PDF. Screenshots under {@code target/browser-screenshots/} and
 * {@code docs/screenshots/} ({@code cockpit-timeline-charts.png}, {@code board-report-print.png}).
 */
class BoardReportBrowserIT {

  @TempDir static Path dataDir;
  @TempDir static Path downloads;
  static ConfigurableApplicationContext app;
  static String chaiNat;
  static String singBuriFirst;
  static String singBuriSecond;

  /** The region's programme provinces besides the pilots and Sing Buri. */
  static final List<String> OTHER_PROVINCES =
      List.of(
          "TH-61", "TH-15", "TH-16", "TH-14", "TH-72", "TH-71", "TH-70", "TH-73", "TH-74", "TH-75",
          "TH-76", "TH-77");

  private static void at(int daysAgo) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS)));
  }

  @BeforeAll
  static void startAProgrammeWithAHistory() throws IOException {
    app = BrowserApp.start(dataDir);
    CockpitBrowserIT.base = TasklistBrowserIT.base;
    PersonActions act = app.getBean(PersonActions.class);
    try {
      Walkthrough singBuri = new Walkthrough(act, code -> "singburi", t -> {});
      at(200);
      singBuriFirst = singBuri.start("TH-17", 2569, 1);
      at(170);
      app.getBean(RuntimeService.class)
          .deleteProcessInstance(
              app.getBean(RuntimeService.class)
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(singBuriFirst)
                  .processDefinitionKey(ProgrammeProcesses.PIPELINE)
                  .singleResult()
                  .getId(),
              "ยุติระลอกแรก / first wave stopped");
      Walkthrough nakhonSawan = new Walkthrough(act, code -> "nakhonsawan", t -> {});
      at(130);
      String ns = nakhonSawan.start("TH-60", 2570, 1);
      at(100);
      nakhonSawan.forumStage(ns, "TH-60");
      Walkthrough chaiNatWalk = new Walkthrough(act, code -> "chainat", t -> {});
      at(125);
      chaiNat = chaiNatWalk.start("TH-18", 2570, 1);
      at(95);
      chaiNatWalk.forumStage(chaiNat, "TH-18");
      at(30);
      act.fireTimer(chaiNat, "Event_VisitStageOverrun");
      at(20);
      chaiNatWalk.visitStage(chaiNat, "TH-18");
      at(60);
      Walkthrough saraburi = new Walkthrough(act, code -> "saraburi", t -> {});
      saraburi.start("TH-19", 2570, 1);
      at(10);
      singBuriSecond = singBuri.start("TH-17", 2570, 2);
      // the rest of the region, three waves each: the dashboard at 16 provinces and several waves
      int day = 190;
      for (String code : OTHER_PROVINCES) {
        for (int wave = 1; wave <= 3; wave++) {
          at(day);
          new Walkthrough(act, c -> "manager", t -> {}).start(code, 2565 + wave, wave);
          day -= 4;
        }
      }
    } finally {
      ClockUtil.reset();
    }
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static Object js(WebDriver driver, String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static List<WebElement> bars(WebDriver driver, String businessKey) {
    return driver.findElements(
        By.cssSelector(
            ".programme-tl-lane[data-business-key='" + businessKey + "'] .programme-tl-bar"));
  }

  @Test
  void theManagerSeesTheTimelineAndTheChartsAndPrintsTheBoardReport() throws Exception {
    WebDriver driver = CockpitBrowserIT.browser(downloads);
    try {
      long opened = System.nanoTime();
      CockpitBrowserIT.login(driver, "manager");
      By drawn = By.cssSelector(".programme-charts[data-drawn=true]");
      CockpitBrowserIT.waiting(driver).until(ExpectedConditions.presenceOfElementLocated(drawn));
      CockpitBrowserIT.waiting(driver)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("svg.programme-map-svg path[data-province='TH-18']")));
      System.out.printf(
          "BoardReportBrowserIT: login to map, timeline and charts drawn in %d ms%n",
          (System.nanoTime() - opened) / 1_000_000);
      System.out.println(
          "BoardReportBrowserIT: "
              + js(
                  driver,
                  "const root = document.querySelector('[data-programme=dashboard]');"
                      + " const charts = document.querySelector('.programme-charts');"
                      + " const took = (name) => performance.getEntriesByType('resource')"
                      + ".filter(e => e.name.split('?')[0].endsWith(name))"
                      + ".map(e => Math.round(e.duration)).join(',');"
                      + " return 'dashboard to charts drawn ' + (charts.dataset.drawnAt"
                      + " - root.dataset.beganAt) + ' ms; GET dashboard ' + took('/dashboard')"
                      + " + ' ms, GET timeline ' + took('/timeline') + ' ms, lanes '"
                      + " + document.querySelectorAll('.programme-tl-lane').length;"));

      // lanes by wave: the first wave's four, then Sing Buri's second wave
      List<String> keys =
          driver.findElements(By.cssSelector(".programme-tl-lane")).stream()
              .map(l -> l.getAttribute("data-business-key"))
              .toList();
      assertThat(keys).contains(chaiNat, singBuriFirst, singBuriSecond);
      assertThat(keys.indexOf(singBuriSecond)).isGreaterThan(keys.indexOf(chaiNat));
      assertThat(driver.findElements(By.cssSelector(".programme-tl-wave")))
          .extracting(WebElement::getText)
          .contains("ระลอก 1 / Wave 1", "ระลอก 2 / Wave 2");

      // Chai Nat: forum, visit (overran), design running to today, bars left to right in order
      List<WebElement> chaiNatBars = bars(driver, chaiNat);
      assertThat(chaiNatBars)
          .extracting(b -> b.getAttribute("data-stage"))
          .containsExactly("understanding-forum", "study-visit", "joint-design");
      double previousEnd = 0;
      for (WebElement bar : chaiNatBars) {
        WebElement rect = bar.findElement(By.cssSelector("rect.programme-tl-stage"));
        double x = Double.parseDouble(rect.getAttribute("x"));
        double width = Double.parseDouble(rect.getAttribute("width"));
        assertThat(x).as(bar.getAttribute("data-stage")).isGreaterThanOrEqualTo(previousEnd - 0.5);
        assertThat(width).isGreaterThan(10);
        previousEnd = x + width;
      }
      assertThat(chaiNatBars.get(1).getAttribute("data-overran")).isNotEmpty();
      assertThat(chaiNatBars.get(1).findElements(By.cssSelector("rect.programme-tl-overrun")))
          .hasSize(1);
      assertThat(chaiNatBars.get(0).getAttribute("data-overran")).isEmpty();
      WebElement running = chaiNatBars.get(2);
      assertThat(running.getAttribute("class")).contains("programme-tl-running");
      assertThat(running.getAttribute("data-end")).isEmpty();
      double today =
          Double.parseDouble(
              driver.findElement(By.cssSelector("line.programme-tl-today")).getAttribute("x1"));
      assertThat(previousEnd).as("the running stage ends at today").isCloseTo(today, within(0.5));
      // the ended first wave: its bar stops before today
      List<WebElement> ended = bars(driver, singBuriFirst);
      assertThat(ended).isNotEmpty();
      assertThat(ended.get(0).getAttribute("data-end")).isNotEmpty();
      // Buddhist Era months on the axis: seven months back is in 2569 B.E. (2026) at the latest
      String axis = driver.findElement(By.cssSelector(".programme-tl-axis")).getText();
      assertThat(axis).containsPattern("25[6-9]\\d");
      assertThat(
              driver.findElements(By.cssSelector(".programme-tl-month")).stream()
                  .map(WebElement::getText)
                  .allMatch(t -> t.matches(".+ 25\\d\\d")))
          .as("every month label in the Buddhist Era")
          .isTrue();

      // one province's timeline
      js(
          driver,
          "const s = document.getElementById('programme-tl-province'); s.value = 'TH-17';"
              + " s.dispatchEvent(new Event('change'));");
      assertThat(driver.findElements(By.cssSelector(".programme-tl-lane")))
          .extracting(l -> l.getAttribute("data-province"))
          .containsOnly("TH-17")
          .hasSize(2);
      js(
          driver,
          "const s = document.getElementById('programme-tl-province'); s.value = '';"
              + " s.dispatchEvent(new Event('change'));");

      // the four charts, drawn by Chart.js on their canvases with the server's figures
      @SuppressWarnings("unchecked")
      Map<String, Object> charts =
          (Map<String, Object>)
              js(
                  driver,
                  "const out = {}; document.querySelectorAll('.programme-chart').forEach(h => {"
                      + " out[h.dataset.chart] = h.chart ? {type: h.chart.config.type,"
                      + " datasets: h.chart.data.datasets.length,"
                      + " total: h.chart.data.datasets.reduce((a, d) => a"
                      + " + d.data.reduce((x, y) => x + Number(y), 0), 0),"
                      + " width: h.querySelector('canvas').width} : null; }); return out;");
      assertThat(charts).containsKeys("stages", "statuses", "money", "indicators");
      @SuppressWarnings("unchecked")
      Map<String, Object> stages = (Map<String, Object>) charts.get("stages");
      assertThat(stages.get("type")).isEqualTo("bar");
      assertThat(((Number) stages.get("datasets")).intValue()).isEqualTo(6);
      assertThat(((Number) stages.get("total")).doubleValue())
          .as("pipelines counted month by month")
          .isGreaterThan(5);
      assertThat(((Number) stages.get("width")).intValue()).isGreaterThan(100);
      @SuppressWarnings("unchecked")
      Map<String, Object> money = (Map<String, Object>) charts.get("money");
      assertThat(((Number) money.get("datasets")).intValue()).isEqualTo(2);

      js(
          driver,
          "document.querySelector('[data-programme=timeline]').scrollIntoView();"
              + " window.scrollBy(0, -40);");
      CockpitBrowserIT.screenshot(driver, "timeline-charts");
      copyToDocs("cockpit-timeline-charts.png", "cockpit-timeline-charts.png");

      // the print view: the dashboard alone, with its header and the date in the Buddhist Era
      js(driver, "window.dispatchEvent(new Event('beforeprint'));");
      ((HasCdp) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      WebElement header = driver.findElement(By.cssSelector(".programme-print-header"));
      assertThat(header.isDisplayed()).isTrue();
      assertThat(header.getText())
          .contains("รายงานภาพรวมโครงการ")
          .contains("ข้อมูล ณ วันที่")
          .containsPattern("/25[6-9]\\d ");
      assertThat(driver.findElement(By.cssSelector(".programme-print-report")).isDisplayed())
          .isFalse();
      js(driver, "window.scrollTo(0, 0);");
      CockpitBrowserIT.screenshot(driver, "board-report-print");
      copyToDocs("cockpit-board-report-print.png", "board-report-print.png");

      PrintOptions print = new PrintOptions();
      print.setOrientation(PrintOptions.Orientation.LANDSCAPE);
      print.setPageSize(new PageSize(21.0, 29.7));
      print.setBackground(true);
      byte[] pdf = Base64.getDecoder().decode(((PrintsPage) driver).print(print).getContent());
      Path file = CockpitBrowserIT.SCREENSHOTS.resolve("board-report.pdf");
      Files.write(file, pdf);
      assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo("%PDF-");
      String raw = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(raw)
          .as("A4 landscape pages")
          .containsPattern("/MediaBox \\[0 0 84[12]\\.?\\d* 59[56]");
      System.out.printf("BoardReportBrowserIT: board report %s, %d bytes%n", file, pdf.length);
      ((HasCdp) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
      js(driver, "window.dispatchEvent(new Event('afterprint'));");
    } finally {
      driver.quit();
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }

  private static void copyToDocs(String screenshot, String name) throws IOException {
    Files.createDirectories(Path.of("docs/screenshots"));
    Files.copy(
        CockpitBrowserIT.SCREENSHOTS.resolve(screenshot),
        Path.of("docs/screenshots/" + name),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
