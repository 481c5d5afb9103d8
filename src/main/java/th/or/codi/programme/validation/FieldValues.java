package th.or.codi.programme.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import th.or.codi.programme.messages.Messages;

/**
 * A submitted value read as its form field means it: a number as a decimal, the option values a
 * field offers, a date of the field's subtype, the length of a text as stored, a text against the
 * field's pattern as form-js tests it.
 */
final class FieldValues {

  private FieldValues() {}

  /**
   * A submitted number as a decimal, or null when it is no number or no finite one: NaN and
   * ±Infinity (a {@code Double} or {@code Float}) have no decimal value, and no form field or rule
   * can compare them.
   */
  static BigDecimal decimal(Object value) {
    if (!(value instanceof Number n)
        || n instanceof Double d && !Double.isFinite(d)
        || n instanceof Float f && !Float.isFinite(f)) {
      return null;
    }
    try {
      return new BigDecimal(n.toString());
    } catch (NumberFormatException e) {
      return null; // a Number subclass of no decimal notation
    }
  }

  /** The option values of a field: static, or from the variable its valuesKey names. */
  static List<String> options(FormField field, Map<String, Object> values) {
    if (field.options() != null) {
      return field.options();
    }
    if (field.valuesKey() == null || !(values.get(field.valuesKey()) instanceof List<?> list)) {
      return null;
    }
    List<String> allowed = new ArrayList<>();
    for (Object o : list) {
      allowed.add(o instanceof Map<?, ?> m ? String.valueOf(m.get("value")) : String.valueOf(o));
    }
    return allowed;
  }

  /**
   * The date of a date field's subtype ({@code time}, {@code datetime}, else a date), or a {@link
   * java.time.DateTimeException} when the text is none.
   *
   * @return the date, or null for a time or date-time (no calendar rule applies to them)
   */
  static LocalDate parseDate(FormField field, String text) {
    switch (field.dateSubtype()) {
      case "time" -> LocalTime.parse(text);
      case "datetime" -> LocalDateTime.parse(text);
      default -> {
        return LocalDate.parse(text);
      }
    }
    return null;
  }

  /** The characters a text stores once trimmed (code points: a Thai letter and its marks count). */
  static int storedLength(String text) {
    String trimmed = text.trim();
    return trimmed.codePointCount(0, trimmed.length());
  }

  /** As form-js tests a pattern: {@code new RegExp(pattern).test(value)}, a search. */
  static boolean matches(String pattern, String value) {
    try {
      return Pattern.compile(pattern).matcher(value).find();
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException(
          Messages.both("validation.fieldValues.patternInvalid", pattern), e);
    }
  }

  /** A number as the form wrote it: {@code 10}, not {@code 10.0}. */
  static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
