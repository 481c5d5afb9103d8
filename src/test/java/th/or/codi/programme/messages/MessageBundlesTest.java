package th.or.codi.programme.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two message bundles against each other and against the Java code: the same keys, the same
 * {@code {n}} arguments per key, nothing empty, Thai in the Thai file, every key the code names
 * present and every key in the files used, so a message cannot be left in one language or behind.
 */
class MessageBundlesTest {

  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern THAI = Pattern.compile("[\\u0E00-\\u0E7F]");
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

  /** The key of a call to {@link Messages} ({@code in(locale, key)}: the second argument). */
  private static final Pattern KEY_IN_CALL =
      Pattern.compile("Messages\\.(?:both|thai|english|in)\\(\\s*(?:[\\w.]+,\\s*)?\"([^\"]+)\"");

  /** A literal shaped like a key ({@code validation.rules.meetingInFuture}), wherever passed. */
  private static final Pattern KEY_LIKE_LITERAL =
      Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[a-z][A-Za-z]*){2,})\"");

  static Properties bundle(String language) throws IOException {
    Properties properties = new Properties();
    try (Reader in =
        Files.newBufferedReader(
            RESOURCES.resolve("messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }

  static Set<Integer> arguments(String pattern) {
    Set<Integer> found = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(pattern);
    while (m.find()) {
      found.add(Integer.valueOf(m.group(1)));
    }
    return found;
  }

  static String javaSources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .map(
              p -> {
                try {
                  return Files.readString(p);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              })
          .collect(Collectors.joining("\n"));
    }
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    assertThat(bundle("en").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(bundle("th").stringPropertyNames());
  }

  @Test
  void eachKeyHasTheSameArgumentsInBothLanguages() throws IOException {
    Properties th = bundle("th");
    Properties en = bundle("en");
    TreeMap<String, String> different = new TreeMap<>();
    for (String key : th.stringPropertyNames()) {
      if (en.containsKey(key)
          && !arguments(th.getProperty(key)).equals(arguments(en.getProperty(key)))) {
        different.put(key, th.getProperty(key) + " | " + en.getProperty(key));
      }
    }
    assertThat(different).isEmpty();
  }

  @Test
  void noValueIsEmptyAndEveryValueIsAValidPattern() throws IOException {
    for (String language : new String[] {"th", "en"}) {
      Properties messages = bundle(language);
      for (String key : messages.stringPropertyNames()) {
        String value = messages.getProperty(key);
        assertThat(value).as(language + " " + key).isNotBlank();
        assertThat(new MessageFormat(value)).as(language + " " + key).isNotNull();
        // a lone ' starts a quoted part in MessageFormat and silently swallows the {0} after it
        assertThat(value.replace("''", "")).as(language + " " + key).doesNotContain("'");
      }
    }
  }

  @Test
  void theThaiFileIsInThaiAndTheEnglishFileInEnglish() throws IOException {
    Properties th = bundle("th");
    Properties en = bundle("en");
    assertThat(th.stringPropertyNames())
        .allSatisfy(key -> assertThat(th.getProperty(key)).as(key).containsPattern(THAI));
    assertThat(en.stringPropertyNames())
        .allSatisfy(key -> assertThat(en.getProperty(key)).as(key).doesNotContainPattern(THAI));
  }

  @Test
  void everyKeyTheCodeNamesExistsAndEveryKeyIsUsed() throws IOException {
    String sources = javaSources();
    Set<String> keys = bundle("th").stringPropertyNames();
    Set<String> prefixes =
        keys.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
    Set<String> named = new TreeSet<>();
    Matcher call = KEY_IN_CALL.matcher(sources);
    while (call.find()) {
      named.add(call.group(1));
    }
    Matcher literal = KEY_LIKE_LITERAL.matcher(sources);
    while (literal.find()) {
      String candidate = literal.group(1);
      if (prefixes.contains(candidate.substring(0, candidate.indexOf('.')))) {
        named.add(candidate);
      }
    }

    assertThat(named).as("keys named in src/main/java").isNotEmpty();
    assertThat(keys).as("keys the code names").containsAll(named);

    // every key appears as a string literal somewhere in the code
    Set<String> unused = new TreeSet<>();
    for (String key : keys) {
      if (!sources.contains("\"" + key + "\"")) {
        unused.add(key);
      }
    }
    assertThat(unused).as("keys no Java source names").isEmpty();
  }

  @Test
  void bothIsThaiThenEnglishAndEachLanguageStandsAlone() {
    assertThat(Messages.both("validation.values.tooDeep", 32))
        .isEqualTo("ซ้อนกันลึกเกิน 32 ชั้น / is nested deeper than 32 levels");
    assertThat(Messages.thai("validation.values.tooDeep", 32)).isEqualTo("ซ้อนกันลึกเกิน 32 ชั้น");
    assertThat(Messages.english("validation.values.tooDeep", 32))
        .isEqualTo("is nested deeper than 32 levels");
  }

  @Test
  void numbersAreWrittenAsTheyAreAndQuotesSurvive() {
    assertThat(Messages.both("provinces.referenceData.thaiHealthYearCommonEra", 2569))
        .isEqualTo(
            "ดูเหมือนเป็นปี ค.ศ.; ใช้ พ.ศ. 2569 / looks like a C.E. year; write the B.E. year 2569");
    assertThat(Messages.english("provinces.options.notInProgramme", "TH-61"))
        .isEqualTo("Province 'TH-61' is not a programme province");
    assertThat(Messages.english("validation.rejected.summary", 1, "x")).isEqualTo("1 problem: x");
    assertThat(Messages.english("validation.rejected.summary", 2, "x; y"))
        .isEqualTo("2 problems: x; y");
  }

  @Test
  void aLocalizedArgumentIsWrittenInEachLanguage() {
    assertThat(
            Messages.both(
                "identity.groups.community", Messages.localized("นครสวรรค์", "Nakhon Sawan")))
        .isEqualTo(
            "ขบวนองค์กรชุมชนจังหวัดนครสวรรค์ / Nakhon Sawan community-organisation movement");
  }

  @Test
  void aReaderOfAnotherLanguageGetsEnglishAndThaiInAnyRegionGetsThai() {
    assertThat(Messages.in(Locale.GERMAN, "history.values.file")).isEqualTo("file");
    assertThat(Messages.in(Locale.forLanguageTag("th-TH"), "history.values.file"))
        .isEqualTo("ไฟล์");
  }

  @Test
  void anUnknownKeyFailsLoudlyRatherThanShowingTheKey() {

    assertThatThrownBy(() -> Messages.both("no.such.key"))
        .isInstanceOf(MissingResourceException.class);
  }
}
