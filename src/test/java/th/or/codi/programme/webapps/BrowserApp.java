package th.or.codi.programme.webapps;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import th.or.codi.programme.JointProgrammeApplication;

/**
 * The application as a browser IT drives it: the demo profile without the demo programme, on a file
 * database in the given folder, job executor off, a free port that becomes {@link
 * TasklistBrowserIT#base}; skipped (with a message) where Debian's chromium is missing.
 */
final class BrowserApp {

  private BrowserApp() {}

  static ConfigurableApplicationContext start(Path dataDir) throws IOException {
    Assumptions.assumeTrue(
        new File(TasklistBrowserIT.CHROMIUM).canExecute()
            && new File(TasklistBrowserIT.CHROMEDRIVER).canExecute(),
        "SKIPPED: browser tests need Debian's chromium and chromium-driver; .ci/run installs"
            + " them: apt-get install -y chromium chromium-driver");
    Files.createDirectories(TasklistBrowserIT.SCREENSHOTS);
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(JointProgrammeApplication.class)
            .profiles("demo")
            .run(
                "--PROGRAMME_DATA_DIR=" + dataDir,
                "--server.port=0",
                "--programme.demo.data=false",
                "--camunda.bpm.job-execution.enabled=false");
    TasklistBrowserIT.base =
        "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    return app;
  }
}
