package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
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
 * The dashboard's map in a real browser, checked on the SVG's own elements: the three pilots
 * coloured by the stages their pipelines are at (Saraburi at the forum, Nakhon Sawan at the study
 * visit, Chai Nat at the joint design), the other programme provinces drawn as not started, Sa Kaeo
 * marked as the host, the legend and the attribution shown, and a click on a province opening its
 * audit trail. Screenshots: {@code target/browser-screenshots/cockpit-map.png} and {@code
 * docs/screenshots/cockpit-map.png}.
 */
class MapBrowserIT {

  @TempDir static Path dataDir;
  @TempDir static Path downloads;
  static ConfigurableApplicationContext app;
  static String chaiNat;

  @BeforeAll
  static void startWithThreePilots() throws IOException {
    app = BrowserApp.start(dataDir);
    CockpitBrowserIT.base = TasklistBrowserIT.base;
    PersonActions act = app.getBean(PersonActions.class);
    Walkthrough saraburi = new Walkthrough(act, code -> "saraburi", t -> {});
    saraburi.start("TH-19", 2570, 1);
    Walkthrough nakhonSawan = new Walkthrough(act, code -> "nakhonsawan", t -> {});
    String ns = nakhonSawan.start("TH-60", 2570, 1);
    nakhonSawan.forumStage(ns, "TH-60");
    Walkthrough chaiNatWalk = new Walkthrough(act, code -> "chainat", t -> {});
    chaiNat = chaiNatWalk.start("TH-18", 2570, 1);
    chaiNatWalk.forumStage(chaiNat, "TH-18");
    chaiNatWalk.visitStage(chaiNat, "TH-18");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static String stageOf(WebDriver driver, String code) {
    return driver
        .findElement(By.cssSelector("svg.programme-map-svg path[data-province='" + code + "']"))
        .getAttribute("data-stage");
  }

  @Test
  void theManagerSeesThePilotsByStageOnTheMapAndOpensOne() throws Exception {
    WebDriver driver = CockpitBrowserIT.browser(downloads);
    try {
      CockpitBrowserIT.login(driver, "manager");
      By drawn = By.cssSelector("svg.programme-map-svg path[data-province='TH-18']");
      CockpitBrowserIT.waiting(driver).until(ExpectedConditions.presenceOfElementLocated(drawn));

      assertThat(stageOf(driver, "TH-19")).isEqualTo("understanding-forum");
      assertThat(stageOf(driver, "TH-60")).isEqualTo("study-visit");
      assertThat(stageOf(driver, "TH-18")).isEqualTo("joint-design");
      assertThat(stageOf(driver, "TH-61")).isEqualTo("not-started");
      assertThat(stageOf(driver, "TH-27")).isEqualTo("study-visit-host");
      WebElement chaiNatPath = driver.findElement(drawn);
      assertThat(chaiNatPath.getAttribute("fill")).isEqualTo("url(#programme-stage-joint-design)");
      assertThat(chaiNatPath.getCssValue("fill"))
          .as("the fill the browser paints, not the stylesheet's grey")
          .contains("programme-stage-joint-design");
      assertThat(
              driver
                  .findElement(By.cssSelector("svg.programme-map-svg path[data-province='TH-19']"))
                  .getAttribute("fill"))
          .isEqualTo("url(#programme-stage-understanding-forum)");
      // every programme province and the host are drawn, and the map names none as missing
      List<WebElement> provinces =
          driver.findElements(By.cssSelector("svg.programme-map-svg path.programme-map-province"));
      assertThat(provinces).hasSize(17);
      assertThat(driver.findElements(By.cssSelector(".programme-map-missing"))).isEmpty();
      // besides colour: the stage's number on the province
      assertThat(
              driver
                  .findElement(By.cssSelector("svg.programme-map-svg text[data-province='TH-18']"))
                  .getAttribute("textContent"))
          .isEqualTo("3");
      // hovering: the province's figures
      assertThat(chaiNatPath.findElement(By.tagName("title")).getAttribute("textContent"))
          .contains("ชัยนาท / Chai Nat (TH-18)")
          .contains(chaiNat)
          .contains("ใช้จ่าย");
      String legend = driver.findElement(By.cssSelector(".programme-map-legend")).getText();
      assertThat(legend)
          .contains("ยังไม่เริ่ม / Not started")
          .contains("สระแก้ว: พื้นที่ศึกษาดูงาน / Sa Kaeo: study-visit host")
          .contains("Thick outline");
      assertThat(driver.findElement(By.cssSelector(".programme-map-attribution")).getText())
          .contains("CC BY 4.0")
          .contains("@svg-maps/thailand 2.0.0");

      ((JavascriptExecutor) driver)
          .executeScript(
              "document.querySelector('[data-programme=dashboard]').scrollIntoView();"
                  + " window.scrollBy(0, -50);");
      CockpitBrowserIT.screenshot(driver, "map");
      Files.createDirectories(Path.of("docs/screenshots"));
      Files.copy(
          CockpitBrowserIT.SCREENSHOTS.resolve("cockpit-map.png"),
          Path.of("docs/screenshots/cockpit-map.png"),
          StandardCopyOption.REPLACE_EXISTING);

      // a click opens the province's audit trail
      ((JavascriptExecutor) driver)
          .executeScript(
              "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", chaiNatPath);
      CockpitBrowserIT.waiting(driver)
          .until(ExpectedConditions.urlContains("programme-audit?instance="));
    } finally {
      driver.quit();
    }
  }
}
