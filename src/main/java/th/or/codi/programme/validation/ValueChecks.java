package th.or.codi.programme.validation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import th.or.codi.programme.provinces.ProvinceOptions;
import th.or.codi.programme.validation.InputConventions.BuddhistEraYear;

/**
 * One given value against its field's constraints, by the field's type: a number's decimals and
 * range, an option against the list offered, a date's form and calendar, a text's length, pattern,
 * e-mail or phone form. Each problem found is added to the errors as {@link FieldMessages} words
 * it.
 */
final class ValueChecks {

  private ValueChecks() {}

  static void number(FormField field, String path, Object value, List<FieldError> errors) {
    BigDecimal number = FieldValues.decimal(value);
    if (number == null && value instanceof Number) {
      errors.add(FieldMessages.notFinite(field, path, value));
      return;
    }
    if (number == null) {
      errors.add(FieldMessages.notANumber(field, path));
      return;
    }
    if (field.decimalDigits() != null
        && number.stripTrailingZeros().scale() > Math.max(0, field.decimalDigits())) {
      errors.add(FieldMessages.tooManyDecimals(field, path));
    }
    double d = number.doubleValue();
    if (field.min() != null && d < field.min()) {
      Long meant = InputConventions.buddhistEraMeant(field.min(), number);
      errors.add(FieldMessages.belowMinimum(field, path, number.toPlainString(), meant));
    }
    if (field.max() != null && d > field.max()) {
      errors.add(FieldMessages.aboveMaximum(field, path));
    }
  }

  static void option(
      FormField field,
      String path,
      Object value,
      Map<String, Object> values,
      List<FieldError> errors) {
    List<String> allowed = FieldValues.options(field, values);
    if (allowed == null) {
      return; // dynamic options that are not there: nothing to compare with
    }
    if (!(value instanceof String s) || !allowed.contains(s)) {
      String[] province = ProvinceOptions.notOffered(field.valuesKey(), value);
      if (province != null) { // a province list: name the province rather than list them all
        errors.add(FieldMessages.provinceNotOffered(field, path, province));
        return;
      }
      errors.add(FieldMessages.notAnOption(field, path, value, allowed));
    }
  }

  static void date(
      FormField field, String path, Object value, LocalDate today, List<FieldError> errors) {
    if (!(value instanceof String s)) {
      errors.add(FieldMessages.notADateText(field, path));
      return;
    }
    FieldError buddhist = buddhistEra(field, path, s);
    if (buddhist != null) {
      errors.add(buddhist);
      return;
    }
    try {
      LocalDate date = FieldValues.parseDate(field, s);
      if (date != null && field.disallowPassedDates() && date.isBefore(today)) {
        errors.add(FieldMessages.inThePast(field, path, s));
      }
    } catch (DateTimeException e) {
      errors.add(FieldMessages.invalidDate(field, path, s));
    }
  }

  static void text(FormField field, String path, Object value, List<FieldError> errors) {
    if (!(value instanceof String s)) {
      errors.add(FieldMessages.notText(field, path));
      return;
    }
    // a minimum counts what a person sees (VisibleText); a maximum counts every character stored
    int length = FieldValues.storedLength(s);
    if (field.minLength() != null && VisibleText.length(s) < field.minLength()) {
      errors.add(FieldMessages.tooShort(field, path));
    }
    if (field.maxLength() != null && length > field.maxLength()) {
      errors.add(FieldMessages.tooLong(field, path, length));
    }
    if (field.pattern() != null && !FieldValues.matches(field.pattern(), s)) {
      FieldError buddhist = buddhistEra(field, path, s);
      errors.add(buddhist != null ? buddhist : FieldMessages.notInPattern(field, path));
    }
    if ("email".equals(field.validationType()) && !InputConventions.isEmail(s)) {
      errors.add(FieldMessages.notAnEmailAddress(field, path));
    }
    if ("phone".equals(field.validationType()) && !InputConventions.isPhone(s)) {
      errors.add(FieldMessages.notAPhoneNumber(field, path));
    }
  }

  /** A year that is plainly Buddhist Era, explained, with the Common Era value meant. */
  private static FieldError buddhistEra(FormField field, String path, String value) {
    BuddhistEraYear year = InputConventions.buddhistEraYear(value);
    return year == null
        ? null
        : FieldMessages.buddhistEraYear(field, path, year.year(), year.meant());
  }
}
