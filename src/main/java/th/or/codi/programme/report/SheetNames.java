package th.or.codi.programme.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names of a workbook's sheets as Excel accepts them: at most 31 characters, none of {@code
 * []:*?/\}, not starting or ending with an apostrophe, and unique regardless of case (Excel refuses
 * two sheets "A" and "a"). A name that clashes gets " (2)", " (3)", … within the 31 characters.
 */
final class SheetNames {

  static final int MAX_LENGTH = 31;

  private final Set<String> taken = new HashSet<>();

  /** A legal, unused name as close to {@code wanted} as possible; remembered as taken. */
  String unique(String wanted) {
    String base = legal(wanted);
    String name = base;
    for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
      String suffix = " (" + n + ")";
      name = cut(base, MAX_LENGTH - suffix.length()) + suffix;
    }
    taken.add(name.toLowerCase(Locale.ROOT));
    return name;
  }

  static String legal(String wanted) {
    String name = wanted == null ? "" : wanted.replaceAll("[\\[\\]:*?/\\\\]", "-").strip();
    name = name.replaceAll("^'+|'+$", "");
    name = cut(name, MAX_LENGTH).strip();
    return name.isEmpty() ? "-" : name;
  }

  /** At most {@code max} characters, never splitting a surrogate pair. */
  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
