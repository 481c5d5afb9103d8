package th.or.codi.programme.messages;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The programme's own texts in Thai and English, from {@code messages_th.properties} and {@code
 * messages_en.properties} (UTF-8, {@link MessageFormat} patterns with {@code {0}} arguments).
 *
 * <p>{@link #both} gives what the programme shows today, "ไทย / English"; {@link #thai} and {@link
 * #english} each language alone (an e-mail in the language a person chose). Plain Java on {@link
 * ResourceBundle}, which caches the bundles itself: engine listeners, plugins and records use it as
 * well as Spring beans, and nothing needs to be wired. A key is named by the package and class that
 * use it ({@code provinces.referenceData.notFound}); {@code MessageBundlesTest} checks that both
 * files have the same keys and placeholders and that every key is used.
 */
public final class Messages {

  public static final Locale THAI = Locale.forLanguageTag("th");
  public static final Locale ENGLISH = Locale.ENGLISH;

  /**
   * The base name of the bundle: {@code messages_th.properties}, {@code messages_en.properties}.
   */
  public static final String BUNDLE = "messages";

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Messages() {}

  /**
   * An argument written differently in each language, such as a province's name: {@code
   * both("identity.groups.community", localized(p.nameTh(), p.nameEn()))}.
   */
  public record Localized(String thai, String english) {
    String in(Locale locale) {
      return THAI.getLanguage().equals(locale.getLanguage()) ? thai : english;
    }
  }

  public static Localized localized(String thai, String english) {
    return new Localized(thai, english);
  }

  /** "ไทย / English": the Thai text, then the English one. */
  public static String both(String key, Object... arguments) {
    return thai(key, arguments) + " / " + english(key, arguments);
  }

  public static String thai(String key, Object... arguments) {
    return in(THAI, key, arguments);
  }

  public static String english(String key, Object... arguments) {
    return in(ENGLISH, key, arguments);
  }

  /**
   * The text in one language, Thai or English (English for any other). Numbers are written as they
   * are ({@code 2569}, not {@code 2,569}), unless the pattern formats the argument itself ({@code
   * {0,choice,1#problem|1<problems}}).
   */
  public static String in(Locale locale, String key, Object... arguments) {
    Locale language = THAI.getLanguage().equals(locale.getLanguage()) ? THAI : ENGLISH;
    String pattern = ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK).getString(key);
    Object[] shown = arguments.clone();
    for (int i = 0; i < shown.length; i++) {
      if (shown[i] instanceof Localized localized) {
        shown[i] = localized.in(language);
      } else if (shown[i] instanceof Number && !formatsItself(pattern, i)) {
        shown[i] = String.valueOf(shown[i]);
      }
    }
    return new MessageFormat(pattern, language).format(shown);
  }

  private static boolean formatsItself(String pattern, int index) {
    return Pattern.compile("\\{" + index + "\\s*,").matcher(pattern).find();
  }
}
