package th.or.codi.programme.validation;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import th.or.codi.programme.calendar.ThaiCalendar;

/**
 * How people write what the forms ask for, beyond a field's own constraints: e-mail addresses and
 * international phone numbers as form-js 1.8.7 accepts them, and years in the Buddhist Era (พ.ศ. =
 * ค.ศ. + 543), which a person in Thailand writes where the form records the Common Era (and the
 * other way round).
 */
final class InputConventions {

  /** form-js 1.8.7's own e-mail and phone patterns. */
  static final Pattern EMAIL =
      Pattern.compile(
          "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");

  static final Pattern PHONE =
      Pattern.compile(
          "(\\+|00)(297|93|244|1264|358|355|376|971|54|374|1684|1268|61|43|994|257|32|229|226|880|359|973|1242|387|590|375|501|1441|591|55|1246|673|975|267|236|1|61|41|56|86|225|237|243|242|682|57|269|238|506|53|5999|61|1345|357|420|49|253|1767|45|1809|1829|1849|213|593|20|291|212|34|372|251|358|679|500|33|298|691|241|44|995|44|233|350|224|590|220|245|240|30|1473|299|502|594|1671|592|852|504|385|509|36|62|44|91|246|353|98|964|354|972|39|1876|44|962|81|76|77|254|996|855|686|1869|82|383|965|856|961|231|218|1758|423|94|266|370|352|371|853|590|212|377|373|261|960|52|692|389|223|356|95|382|976|1670|258|222|1664|596|230|265|60|262|264|687|227|672|234|505|683|31|47|977|674|64|968|92|507|64|51|63|680|675|48|1787|1939|850|351|595|970|689|974|262|40|7|250|966|249|221|65|500|4779|677|232|503|378|252|508|381|211|239|597|421|386|46|268|1721|248|963|1649|235|228|66|992|690|993|670|676|1868|216|90|688|886|255|256|380|598|1|998|3906698|379|1784|58|1284|1340|84|678|681|685|967|27|260|263)(9[976]\\d|8[987530]\\d|6[987]\\d|5[90]\\d|42\\d|3[875]\\d|2[98654321]\\d|9[8543210]|8[6421]|6[6543210]|5[87654321]|4[987654310]|3[9643210]|2[70]|7|1)\\d{4,20}$");

  static final Pattern YEAR_FIRST = Pattern.compile("^(\\d{4})(-.*)?$");

  /** Years a person in Thailand writes in the Buddhist Era (พ.ศ.) = Common Era + 543. */
  static final int BE_FROM = 2400;

  static final int BE_TO = 2799;
  static final int BE_OFFSET = ThaiCalendar.BUDDHIST_ERA_OFFSET;

  /**
   * A date (or month) written with a plainly Buddhist Era year, and the Common Era text meant.
   *
   * @param meant e.g. {@code 2026-12-24} for {@code 2569-12-24}
   */
  record BuddhistEraYear(int year, String meant) {}

  private InputConventions() {}

  static boolean isEmail(String value) {
    return EMAIL.matcher(value).matches();
  }

  /** As form-js tests it: a search for the pattern. */
  static boolean isPhone(String value) {
    return PHONE.matcher(value).find();
  }

  /** The Buddhist Era year the text starts with, or null when it starts with no such year. */
  static BuddhistEraYear buddhistEraYear(String value) {
    Matcher m = YEAR_FIRST.matcher(value.trim());
    if (!m.matches()) {
      return null;
    }
    int year = Integer.parseInt(m.group(1));
    if (year < BE_FROM || year > BE_TO) {
      return null;
    }
    return new BuddhistEraYear(year, (year - BE_OFFSET) + (m.group(2) == null ? "" : m.group(2)));
  }

  /**
   * The Buddhist Era year meant when a Common Era year is written into a field whose minimum is a
   * Buddhist Era year (a fiscal year), or null when the number is no such year.
   */
  static Long buddhistEraMeant(Double minimum, BigDecimal number) {
    double d = number.doubleValue();
    if (minimum >= BE_FROM
        && d >= BE_FROM - BE_OFFSET
        && d <= BE_TO - BE_OFFSET
        && number.scale() <= 0) {
      return number.longValue() + BE_OFFSET;
    }
    return null;
  }
}
