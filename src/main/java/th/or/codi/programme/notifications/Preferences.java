package th.or.codi.programme.notifications;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a person chose: how often they are told, in which language, and whether they get the weekly
 * digest. Stored in the engine's identity as user info ({@link PreferenceStore}).
 */
public record Preferences(Delivery delivery, Language language, Boolean weeklyDigest) {

  public Preferences {
    delivery = delivery == null ? Delivery.IMMEDIATE : delivery;
    language = language == null ? Language.BOTH : language;
  }

  /** How often a person is told. */
  public enum Delivery {
    /** Each message as it happens. */
    IMMEDIATE,
    /** One message a day with all that waited. */
    DIGEST,
    /** Nothing (the person reads Tasklist). */
    NONE;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Delivery of(String key) {
      return parse(values(), key);
    }
  }

  /** The language of a person's messages: Thai with English below, or one of them only. */
  public enum Language {
    BOTH,
    TH,
    EN;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean thai() {
      return this != EN;
    }

    public boolean english() {
      return this != TH;
    }

    public static Language of(String key) {
      return parse(values(), key);
    }
  }

  static <E extends Enum<E>> E parse(E[] values, String key) {
    if (key == null || key.isBlank()) {
      return null;
    }
    return Arrays.stream(values)
        .filter(v -> v.name().equalsIgnoreCase(key.trim()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(key));
  }
}
