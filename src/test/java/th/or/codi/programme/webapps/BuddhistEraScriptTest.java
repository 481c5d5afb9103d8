package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the tests of the webapps' Buddhist Era module (Tasklist's scripts/buddhist-era.js, which the
 * Cockpit plugin imports too) with node's own test runner: {@code src/test/js/*.test.mjs}. Node is
 * the one that lints the models (tools/bpmn); where it is missing the test is skipped with a
 * message saying so.
 */
class BuddhistEraScriptTest {

  @Test
  void theModulesOwnTestsPass() throws Exception {
    assumeTrue(nodeVersion() != null, "node is not installed: the JavaScript tests did not run");
    Process node =
        new ProcessBuilder("node", "--test", "src/test/js/").redirectErrorStream(true).start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output).as("node ran the tests").contains("# pass").doesNotContain("# pass 0");
  }

  private static String nodeVersion() {
    try {
      Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0 ? text : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }
}
