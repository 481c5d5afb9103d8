package th.or.codi.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation as a reader meets it: a short front door, links and anchors that lead
 * somewhere, and {@code docs/processes.md} naming every activity of the models and none they do not
 * have.
 */
class DocumentationTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
  private static final Pattern ACTIVITY =
      Pattern.compile(
          "<bpmn:(?:userTask|serviceTask|scriptTask|businessRuleTask|sendTask|receiveTask|callActivity|task|subProcess)\\b[^>]*\\bid=\"([^\"]+)\"");

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("bench/README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /**
   * GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens (Thai kept).
   */
  static String anchor(String heading) {
    String plain = heading.replaceAll("`", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
    return plain
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{M}\\p{N}\\- _]", "")
        .replace(' ', '-');
  }

  private static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new TreeSet<>();
    Matcher m = HEADING.matcher(Files.readString(page));
    while (m.find()) {
      anchors.add(anchor(m.group(1).trim()));
    }
    return anchors;
  }

  @Test
  void theReadmeIsAFrontDoorOfAtMostTenKilobytes() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(10 * 1024);
    assertThat(readme)
        .contains("## Two commands", "### Demo logins", "## Read on")
        .containsPattern("\\p{InThai}{10,}");
  }

  @Test
  void everyRelativeLinkLeadsToAFileAndEveryAnchorToAHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      Matcher m = LINK.matcher(Files.readString(page));
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // http(s), mailto
        }
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
        Path resolved =
            file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(page + ": " + target + " (no such file)");
        } else if (fragment != null
            && resolved.toString().endsWith(".md")
            && !anchors(resolved).contains(fragment)) {
          broken.add(
              page + ": " + target + " (no such heading; there are " + anchors(resolved) + ")");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void processesMdNamesEveryActivityOfTheModelsAndNoOther() throws IOException {
    Set<String> activities = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher m = ACTIVITY.matcher(Files.readString(model));
        while (m.find()) {
          activities.add(m.group(1));
        }
      }
    }
    assertThat(activities).as("activities in the models").hasSizeGreaterThan(20);
    String processes = Files.readString(Path.of("docs/processes.md"));
    assertThat(activities)
        .allSatisfy(id -> assertThat(processes).as("docs/processes.md names " + id).contains(id));
    Matcher named = Pattern.compile("\\bActivity_[A-Za-z0-9]+").matcher(processes);
    Set<String> unknown = new TreeSet<>();
    while (named.find()) {
      if (!activities.contains(named.group())) {
        unknown.add(named.group());
      }
    }
    assertThat(unknown).as("named in docs/processes.md but in no model").isEmpty();
  }
}
