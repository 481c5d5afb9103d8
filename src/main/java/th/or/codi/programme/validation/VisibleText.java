package th.or.codi.programme.validation;

/**
 * What a person can see of a text. A required field filled with zero-width spaces, a byte-order
 * mark, direction marks or no-break spaces looks empty in Tasklist, in Cockpit and in the audit
 * trail, so the server counts it as empty; a minimum length counts only what can be seen.
 *
 * <p>Invisible: every format character (Unicode category Cf: soft hyphen U+00AD, zero-width space,
 * joiners and direction marks U+200B–U+200F, embeddings and overrides U+202A–U+202E, word joiner
 * and invisible operators U+2060–U+2064, isolates U+2066–U+2069, byte-order mark U+FEFF, tags …),
 * every control character (Cc), every space and separator (Java's whitespace and categories Zs, Zl,
 * Zp: NBSP U+00A0, U+2007, U+202F, the ideographic space U+3000 …) and the few letters and marks
 * that draw nothing: the combining grapheme joiner U+034F, the Hangul fillers, the Braille blank,
 * the Khmer inherent vowels, the variation selectors.
 *
 * <p>Visible: everything else, in particular Thai's combining vowels and tone marks (ั ิ ี ึ ื ุ ู
 * ็ ่ ้ ๊ ๋ ์, category Mn): each is a character a person typed and sees.
 */
public final class VisibleText {

  private VisibleText() {}

  /** True when the text shows nothing: null, empty, or only invisible characters. */
  public static boolean isBlank(CharSequence text) {
    return text == null || text.codePoints().noneMatch(VisibleText::isVisible);
  }

  /**
   * The length a person sees: visible characters, with invisible ones left out, spaces at either
   * end left out and every run of spaces between words counted as one.
   */
  public static int length(CharSequence text) {
    if (text == null) {
      return 0;
    }
    int count = 0;
    boolean seenVisible = false;
    boolean pendingSpace = false;
    for (int cp : (Iterable<Integer>) text.codePoints()::iterator) {
      if (isSpace(cp)) {
        pendingSpace = seenVisible;
      } else if (isVisible(cp)) {
        count += pendingSpace ? 2 : 1;
        pendingSpace = false;
        seenVisible = true;
      }
    }
    return count;
  }

  /** A character that draws something. */
  public static boolean isVisible(int codePoint) {
    return !isSpace(codePoint) && !isInvisible(codePoint);
  }

  /**
   * Space between words: whitespace, no-break and ideographic spaces, line and paragraph
   * separators.
   */
  static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  /** A character that is neither a space nor drawn. */
  static boolean isInvisible(int codePoint) {
    int type = Character.getType(codePoint);
    if (type == Character.FORMAT || type == Character.CONTROL) {
      return true;
    }
    return codePoint == 0x034F // combining grapheme joiner
        || codePoint == 0x115F
        || codePoint == 0x1160
        || codePoint == 0x3164
        || codePoint == 0xFFA0 // Hangul fillers
        || codePoint == 0x17B4
        || codePoint == 0x17B5 // Khmer inherent vowels
        || codePoint >= 0x180B
            && codePoint <= 0x180F // Mongolian variation selectors, vowel separator
        || codePoint == 0x2800 // Braille pattern blank
        || codePoint >= 0xFE00 && codePoint <= 0xFE0F // variation selectors
        || codePoint >= 0xE0100 && codePoint <= 0xE01EF; // variation selectors supplement
  }
}
