package th.or.codi.programme.validation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.provinces.ProvinceOptions;

/**
 * Checks a submission against its Camunda Form, as form-js would in the browser but on the server:
 * required fields, types, ranges, lengths, patterns, e-mail, option lists, dates (and the Buddhist
 * Era), dynamic lists item by item. Fields the form hides ({@code conditional.hide}, a FEEL
 * expression evaluated on the submitted values) are skipped, as form-js skips them.
 */
public final class SubmissionValidator {

  /** form-js 1.8.7's own e-mail and phone patterns. */
  static final Pattern EMAIL =
      Pattern.compile(
          "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");

  static final Pattern PHONE =
      Pattern.compile(
          "(\\+|00)(297|93|244|1264|358|355|376|971|54|374|1684|1268|61|43|994|257|32|229|226|880|359|973|1242|387|590|375|501|1441|591|55|1246|673|975|267|236|1|61|41|56|86|225|237|243|242|682|57|269|238|506|53|5999|61|1345|357|420|49|253|1767|45|1809|1829|1849|213|593|20|291|212|34|372|251|358|679|500|33|298|691|241|44|995|44|233|350|224|590|220|245|240|30|1473|299|502|594|1671|592|852|504|385|509|36|62|44|91|246|353|98|964|354|972|39|1876|44|962|81|76|77|254|996|855|686|1869|82|383|965|856|961|231|218|1758|423|94|266|370|352|371|853|590|212|377|373|261|960|52|692|389|223|356|95|382|976|1670|258|222|1664|596|230|265|60|262|264|687|227|672|234|505|683|31|47|977|674|64|968|92|507|64|51|63|680|675|48|1787|1939|850|351|595|970|689|974|262|40|7|250|966|249|221|65|500|4779|677|232|503|378|252|508|381|211|239|597|421|386|46|268|1721|248|963|1649|235|228|66|992|690|993|670|676|1868|216|90|688|886|255|256|380|598|1|998|3906698|379|1784|58|1284|1340|84|678|681|685|967|27|260|263)(9[976]\\d|8[987530]\\d|6[987]\\d|5[90]\\d|42\\d|3[875]\\d|2[98654321]\\d|9[8543210]|8[6421]|6[6543210]|5[87654321]|4[987654310]|3[9643210]|2[70]|7|1)\\d{4,20}$");
  static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
  static final Pattern YEAR_FIRST = Pattern.compile("^(\\d{4})(-.*)?$");

  /** Years a person in Thailand writes in the Buddhist Era (พ.ศ.) = Common Era + 543. */
  static final int BE_FROM = 2400;

  static final int BE_TO = 2799;
  static final int BE_OFFSET = ThaiCalendar.BUDDHIST_ERA_OFFSET;

  private static final FeelEngineApi FEEL = FeelEngineBuilder.create().build();

  private SubmissionValidator() {}

  /**
   * @param values the values the task or start event will have: what is submitted over what the
   *     process already holds, as plain Java values (lists and maps for JSON)
   * @param today today in Asia/Bangkok, for "not in the past"
   */
  public static List<FieldError> validate(
      CamundaForm form, Map<String, Object> values, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> context = feelContext(form.fields(), values);
    for (FormField field : form.fields()) {
      if (hidden(field, context)) {
        continue;
      }
      check(field, field.key(), values.get(field.key()), values, today, errors);
    }
    return errors;
  }

  private static void check(
      FormField field,
      String path,
      Object value,
      Map<String, Object> values,
      LocalDate today,
      List<FieldError> errors) {
    if (field.isDynamicList()) {
      checkItems(field, path, value, values, today, errors);
      return;
    }
    if (isEmpty(value)) {
      if (field.required()) {
        errors.add(
            error(
                field,
                path,
                "กรุณากรอก “" + field.labelTh() + "”",
                "“" + field.labelEn() + "” is required"));
      }
      return;
    }
    switch (field.type()) {
      case "number" -> checkNumber(field, path, value, errors);
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          errors.add(
              error(
                  field,
                  path,
                  "“" + field.labelTh() + "” ต้องเป็นใช่หรือไม่ใช่",
                  "“" + field.labelEn() + "” must be true or false"));
        }
      }
      case "radio", "select" -> checkOption(field, path, value, values, errors);
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> chosen)) {
          errors.add(
              error(
                  field,
                  path,
                  "“" + field.labelTh() + "” ต้องเป็นรายการที่เลือก",
                  "“" + field.labelEn() + "” must be a list of choices"));
        } else {
          for (Object one : chosen) {
            checkOption(field, path, one, values, errors);
          }
        }
      }
      case "datetime" -> checkDate(field, path, value, today, errors);
      default -> checkText(field, path, value, errors);
    }
  }

  private static void checkItems(
      FormField list,
      String path,
      Object value,
      Map<String, Object> values,
      LocalDate today,
      List<FieldError> errors) {
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> items)) {
      errors.add(
          error(
              list,
              path,
              "“" + list.labelTh() + "” ต้องเป็นรายการ",
              "“" + list.labelEn() + "” must be a list"));
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + (i + 1) + "]";
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        errors.add(
            error(
                list,
                itemPath,
                "รายการที่ " + (i + 1) + " ของ “" + list.labelTh() + "” ไม่ถูกต้อง",
                "item " + (i + 1) + " of “" + list.labelEn() + "” is not valid"));
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> itemValues = new HashMap<>(values);
      itemValues.putAll((Map<String, Object>) item);
      Map<String, Object> context = feelContext(list.items(), itemValues);
      for (FormField field : list.items()) {
        if (!hidden(field, context)) {
          List<FieldError> found = new ArrayList<>();
          check(
              field, itemPath + "." + field.key(), item.get(field.key()), itemValues, today, found);
          for (FieldError e : found) {
            errors.add(
                new FieldError(
                    e.field(),
                    e.label(),
                    list.labelTh() + " รายการที่ " + (i + 1) + ": " + e.th(),
                    list.labelEn() + " item " + (i + 1) + ": " + e.en()));
          }
        }
      }
    }
  }

  private static void checkNumber(
      FormField field, String path, Object value, List<FieldError> errors) {
    BigDecimal number = decimal(value);
    if (number == null && value instanceof Number) {
      errors.add(
          error(
              field,
              path,
              "“"
                  + field.labelTh()
                  + "” ต้องเป็นตัวเลขที่มีค่าจริง ไม่ใช่ NaN หรืออนันต์ ("
                  + value
                  + ")",
              "“"
                  + field.labelEn()
                  + "” must be a finite number, not NaN or infinity ("
                  + value
                  + ")"));
      return;
    }
    if (number == null) {
      errors.add(
          error(
              field,
              path,
              "“" + field.labelTh() + "” ต้องเป็นตัวเลข",
              "“" + field.labelEn() + "” must be a number"));
      return;
    }
    if (field.decimalDigits() != null
        && number.stripTrailingZeros().scale() > Math.max(0, field.decimalDigits())) {
      errors.add(
          field.decimalDigits() == 0
              ? error(
                  field,
                  path,
                  "“" + field.labelTh() + "” ต้องเป็นจำนวนเต็ม",
                  "“" + field.labelEn() + "” must be a whole number")
              : error(
                  field,
                  path,
                  "“"
                      + field.labelTh()
                      + "” มีทศนิยมได้ไม่เกิน "
                      + field.decimalDigits()
                      + " ตำแหน่ง",
                  "“"
                      + field.labelEn()
                      + "” may have at most "
                      + field.decimalDigits()
                      + " decimal places"));
    }
    double d = number.doubleValue();
    if (field.min() != null && d < field.min()) {
      String th = "“" + field.labelTh() + "” ต้องไม่น้อยกว่า " + plain(field.min());
      String en = "“" + field.labelEn() + "” must be at least " + plain(field.min());
      if (field.min() >= BE_FROM
          && d >= BE_FROM - BE_OFFSET
          && d <= BE_TO - BE_OFFSET
          && number.scale() <= 0) {
        long meant = number.longValue() + BE_OFFSET;
        th += ": ช่องนี้ใช้ปี พ.ศ. (ค.ศ. + 543) " + number.toPlainString() + " คือ พ.ศ. " + meant;
        en +=
            ": this year is in the Buddhist Era (C.E. + 543); "
                + number.toPlainString()
                + " C.E. is "
                + meant
                + " B.E.";
      }
      errors.add(error(field, path, th, en));
    }
    if (field.max() != null && d > field.max()) {
      errors.add(
          error(
              field,
              path,
              "“" + field.labelTh() + "” ต้องไม่เกิน " + plain(field.max()),
              "“" + field.labelEn() + "” must be at most " + plain(field.max())));
    }
  }

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

  private static void checkOption(
      FormField field,
      String path,
      Object value,
      Map<String, Object> values,
      List<FieldError> errors) {
    List<String> allowed = options(field, values);
    if (allowed == null) {
      return; // dynamic options that are not there: nothing to compare with
    }
    if (!(value instanceof String s) || !allowed.contains(s)) {
      String[] province = ProvinceOptions.notOffered(field.valuesKey(), value);
      if (province != null) { // a province list: name the province rather than list them all
        errors.add(
            error(
                field,
                path,
                "“" + field.labelTh() + "”: " + province[0],
                "“" + field.labelEn() + "”: " + province[1]));
        return;
      }
      errors.add(
          error(
              field,
              path,
              "“" + field.labelTh() + "”: เลือกได้เฉพาะจากรายการ (" + value + " ไม่อยู่ในรายการ)",
              "“" + field.labelEn() + "” must be one of " + allowed + ", not " + value));
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

  private static void checkDate(
      FormField field, String path, Object value, LocalDate today, List<FieldError> errors) {
    if (!(value instanceof String s)) {
      errors.add(
          error(
              field,
              path,
              "“" + field.labelTh() + "” ต้องเป็นวันที่แบบ ปปปป-ดด-วว (ค.ศ.)",
              "“" + field.labelEn() + "” must be a date written YYYY-MM-DD"));
      return;
    }
    FieldError buddhist = buddhistEra(field, path, s);
    if (buddhist != null) {
      errors.add(buddhist);
      return;
    }
    try {
      switch (field.dateSubtype()) {
        case "time" -> LocalTime.parse(s);
        case "datetime" -> LocalDateTime.parse(s);
        default -> {
          LocalDate date = LocalDate.parse(s);
          if (field.disallowPassedDates() && date.isBefore(today)) {
            errors.add(
                error(
                    field,
                    path,
                    "“" + field.labelTh() + "” ต้องไม่เป็นวันที่ผ่านมาแล้ว (" + s + ")",
                    "“" + field.labelEn() + "” must not be in the past (" + s + ")"));
          }
        }
      }
    } catch (DateTimeException e) {
      errors.add(
          error(
              field,
              path,
              "“"
                  + field.labelTh()
                  + "” ไม่ใช่วันที่ที่ถูกต้อง: "
                  + s
                  + " (ใช้ ปปปป-ดด-วว ค.ศ. เช่น 2026-12-24)",
              "“"
                  + field.labelEn()
                  + "” is not a valid date: "
                  + s
                  + " (write YYYY-MM-DD, e.g. 2026-12-24)"));
    }
  }

  /** A year that is plainly Buddhist Era, explained, with the Common Era value meant. */
  static FieldError buddhistEra(FormField field, String path, String value) {
    Matcher m = YEAR_FIRST.matcher(value.trim());
    if (!m.matches()) {
      return null;
    }
    int year = Integer.parseInt(m.group(1));
    if (year < BE_FROM || year > BE_TO) {
      return null;
    }
    String meant = (year - BE_OFFSET) + (m.group(2) == null ? "" : m.group(2));
    return error(
        field,
        path,
        "“"
            + field.labelTh()
            + "”: ปี "
            + year
            + " เป็นปี พ.ศ. ระบบบันทึกวันที่เป็นปี ค.ศ. (ค.ศ. = พ.ศ. − 543) หมายถึง "
            + meant
            + " ใช่หรือไม่",
        "“"
            + field.labelEn()
            + "”: "
            + year
            + " is a Buddhist Era (B.E.) year; dates are recorded in the Common Era "
            + "(C.E. = B.E. − 543). Did you mean "
            + meant
            + "?");
  }

  private static void checkText(
      FormField field, String path, Object value, List<FieldError> errors) {
    if (!(value instanceof String s)) {
      errors.add(
          error(
              field,
              path,
              "“" + field.labelTh() + "” ต้องเป็นข้อความ",
              "“" + field.labelEn() + "” must be text"));
      return;
    }
    // a minimum counts what a person sees (VisibleText); a maximum counts every character stored
    int length = s.trim().codePointCount(0, s.trim().length());
    if (field.minLength() != null && VisibleText.length(s) < field.minLength()) {
      errors.add(
          error(
              field,
              path,
              "“" + field.labelTh() + "” สั้นเกินไป: อย่างน้อย " + field.minLength() + " ตัวอักษร",
              "“"
                  + field.labelEn()
                  + "” is too short: at least "
                  + field.minLength()
                  + " characters"));
    }
    if (field.maxLength() != null && length > field.maxLength()) {
      errors.add(
          error(
              field,
              path,
              "“"
                  + field.labelTh()
                  + "” ยาวเกินไป: ไม่เกิน "
                  + field.maxLength()
                  + " ตัวอักษร (มี "
                  + length
                  + ")",
              "“"
                  + field.labelEn()
                  + "” is too long: at most "
                  + field.maxLength()
                  + " characters (has "
                  + length
                  + ")"));
    }
    if (field.pattern() != null) {
      FieldError buddhist = buddhistEra(field, path, s);
      if (buddhist != null && !matches(field.pattern(), s)) {
        errors.add(buddhist);
      } else if (!matches(field.pattern(), s)) {
        String hint = field.description() == null ? null : field.description();
        errors.add(
            error(
                field,
                path,
                "“"
                    + field.labelTh()
                    + "” รูปแบบไม่ถูกต้อง"
                    + (hint == null ? "" : ": " + FormField.thai(hint)),
                "“"
                    + field.labelEn()
                    + "” is not in the expected form"
                    + (hint == null ? "" : ": " + FormField.english(hint))));
      }
    }
    if ("email".equals(field.validationType()) && !EMAIL.matcher(s).matches()) {
      errors.add(
          error(
              field,
              path,
              "“" + field.labelTh() + "” ต้องเป็นอีเมล เช่น name@example.org",
              "“" + field.labelEn() + "” must be an e-mail address such as name@example.org"));
    }
    if ("phone".equals(field.validationType()) && !PHONE.matcher(s).find()) {
      errors.add(
          error(
              field,
              path,
              "“" + field.labelTh() + "” ต้องเป็นหมายเลขโทรศัพท์แบบสากล เช่น +66812345678",
              "“"
                  + field.labelEn()
                  + "” must be an international phone number such as +66812345678"));
    }
  }

  /** As form-js tests a pattern: {@code new RegExp(pattern).test(value)}, a search. */
  static boolean matches(String pattern, String value) {
    try {
      return Pattern.compile(pattern).matcher(value).find();
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException(
          "the form's pattern " + pattern + " is not a valid regular expression", e);
    }
  }

  static boolean hidden(FormField field, Map<String, Object> context) {
    if (field.hide() == null) {
      return false;
    }
    EvaluationResult result = FEEL.evaluateExpression(field.hide(), context);
    if (!result.isSuccess()) {
      throw new IllegalStateException(
          "the condition "
              + field.hide()
              + " of field "
              + field.key()
              + " cannot be evaluated: "
              + result.failure().message());
    }
    return Boolean.TRUE.equals(result.result());
  }

  private static Map<String, Object> feelContext(
      List<FormField> fields, Map<String, Object> values) {
    Map<String, Object> context = new HashMap<>();
    for (FormField f : fields) {
      context.put(f.key(), null); // absent means null, as in form-js
    }
    values.forEach(
        (k, v) -> {
          if (k != null) {
            context.put(k, v);
          }
        });
    return context;
  }

  /**
   * Nothing given: null, an empty list, or a text that shows nothing ({@link VisibleText#isBlank}).
   */
  static boolean isEmpty(Object value) {
    return value == null
        || value instanceof String s && VisibleText.isBlank(s)
        || value instanceof Collection<?> c && c.isEmpty();
  }

  private static FieldError error(FormField field, String path, String th, String en) {
    return new FieldError(path, field.label(), th, en);
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
