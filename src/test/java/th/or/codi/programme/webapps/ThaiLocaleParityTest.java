package th.or.codi.programme.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Thai locale of each webapp against Camunda 7.24's English one, read from the
 * camunda-webapp-webjar on the classpath: every key is there, translated (not left in English),
 * with the same placeholders and markup, so an upgrade that adds keys fails here.
 */
class ThaiLocaleParityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}|%[sd]");
  private static final Pattern TAG =
      Pattern.compile("<(/?(?:a|b|br|code|em|i|span|strong|p|ul|li))(?:\\s[^>]*)?/?>");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

  static JsonNode english(String app) throws IOException {
    String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json";
    try (InputStream in = ThaiLocaleParityTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path + " from the camunda-webapp-webjar").isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      return JSON.readTree(text);
    }
  }

  static JsonNode thai(String app) throws IOException {
    return JSON.readTree(
        Files.readString(
            Path.of(
                "src/main/resources/META-INF/resources/webjars/camunda/app",
                app,
                "locales/th.json")));
  }

  static Map<String, String> flatten(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    flatten("", node, out);
    return out;
  }

  private static void flatten(String path, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(path + "/" + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "/" + i, node.get(i), out);
      }
    } else {
      out.put(path, node.asText());
    }
  }

  static TreeSet<String> all(Pattern pattern, String text) {
    TreeSet<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void everyEnglishKeyIsTranslated(String app) throws IOException {
    Map<String, String> en = flatten(english(app));
    Map<String, String> th = flatten(thai(app));

    assertThat(th.keySet()).as(app + ": keys missing from th.json").containsAll(en.keySet());
    assertThat(en.keySet())
        .as(app + ": keys in th.json that English does not have")
        .containsAll(th.keySet());
    for (Map.Entry<String, String> entry : en.entrySet()) {
      String key = app + entry.getKey();
      String english = entry.getValue();
      String translated = th.get(entry.getKey());
      if (entry.getKey().startsWith("/dateLocales/week/")
          || entry.getKey().startsWith("/dateLocales/longDateFormat/")
          || entry.getKey().equals("/dateLocales/calendar/sameElse")) {
        // moment.js settings and format tokens, not words
        assertThat(translated).as(key).isNotBlank();
        continue;
      }
      if (LATIN_WORD.matcher(english.replaceAll("<[^>]*>|\\{\\{[^}]*}}|&[a-z]+;", "")).find()) {
        assertThat(translated)
            .as(key + " is translated (English: " + english + ")")
            .containsPattern("\\p{InThai}");
      }
      assertThat(all(PLACEHOLDER, translated))
          .as(key + " keeps the placeholders")
          .isEqualTo(all(PLACEHOLDER, english));
      assertThat(all(TAG, translated).stream().map(t -> t.replaceAll(" .*", "")).toList())
          .as(key + " keeps the markup")
          .isEqualTo(all(TAG, english).stream().map(t -> t.replaceAll(" .*", "")).toList());
    }
  }
}
