package th.or.codi.programme.validation;

import java.util.List;
import th.or.codi.programme.messages.Messages;

/**
 * The errors a submission's fields can have, each a {@link FieldError} naming the field's path and
 * label and saying, Thai first then English, what is wrong and what to write instead. Wording only,
 * from the {@code validation.fields.*} messages: {@link ValueChecks} and {@link
 * SubmissionValidator} decide when each applies.
 */
final class FieldMessages {

  private FieldMessages() {}

  static FieldError required(FormField field, String path) {
    return error(field, path, "validation.fields.required");
  }

  static FieldError notTrueOrFalse(FormField field, String path) {
    return error(field, path, "validation.fields.notTrueOrFalse");
  }

  static FieldError notAListOfChoices(FormField field, String path) {
    return error(field, path, "validation.fields.notAListOfChoices");
  }

  static FieldError notAList(FormField list, String path) {
    return error(list, path, "validation.fields.notAList");
  }

  /** An item of a dynamic list that is no object; {@code number} counts from 1. */
  static FieldError invalidItem(FormField list, String path, int number) {
    return error(list, path, "validation.fields.invalidItem", number);
  }

  /** An error of a field inside item {@code number} of a dynamic list, said as such. */
  static FieldError inItem(FormField list, int number, FieldError e) {
    return FieldError.of(
        e.field(),
        e.label(),
        "validation.fields.inItem",
        label(list),
        number,
        Messages.localized(e.th(), e.en()));
  }

  static FieldError notFinite(FormField field, String path, Object value) {
    return error(field, path, "validation.fields.notFinite", String.valueOf(value));
  }

  static FieldError notANumber(FormField field, String path) {
    return error(field, path, "validation.fields.notANumber");
  }

  static FieldError tooManyDecimals(FormField field, String path) {
    int digits = field.decimalDigits();
    return digits == 0
        ? error(field, path, "validation.fields.notAWholeNumber")
        : error(field, path, "validation.fields.tooManyDecimals", digits);
  }

  /**
   * Below the field's minimum; {@code meantYear}, when not null, is the Buddhist Era year a Common
   * Era year written into a Buddhist Era field stands for.
   */
  static FieldError belowMinimum(FormField field, String path, String written, Long meantYear) {
    String minimum = FieldValues.plain(field.min());
    return meantYear == null
        ? error(field, path, "validation.fields.belowMinimum", minimum)
        : error(
            field,
            path,
            "validation.fields.belowMinimumBuddhistEra",
            minimum,
            written,
            String.valueOf(meantYear));
  }

  static FieldError aboveMaximum(FormField field, String path) {
    return error(field, path, "validation.fields.aboveMaximum", FieldValues.plain(field.max()));
  }

  /**
   * A province the field's list does not offer, in the words {@code ProvinceOptions} gives: the
   * field's label and those words, with nothing of its own to say.
   */
  static FieldError provinceNotOffered(FormField field, String path, String[] thEn) {
    return new FieldError(
        path,
        field.label(),
        "“" + field.labelTh() + "”: " + thEn[0],
        "“" + field.labelEn() + "”: " + thEn[1]);
  }

  static FieldError notAnOption(FormField field, String path, Object value, List<String> allowed) {
    return error(
        field, path, "validation.fields.notAnOption", String.valueOf(value), allowed.toString());
  }

  static FieldError notADateText(FormField field, String path) {
    return error(field, path, "validation.fields.notADateText");
  }

  static FieldError inThePast(FormField field, String path, String date) {
    return error(field, path, "validation.fields.inThePast", date);
  }

  static FieldError invalidDate(FormField field, String path, String date) {
    return error(field, path, "validation.fields.invalidDate", date);
  }

  /** A plainly Buddhist Era year, explained, with the Common Era value meant. */
  static FieldError buddhistEraYear(FormField field, String path, int year, String meant) {
    return error(field, path, "validation.fields.buddhistEraYear", year, meant);
  }

  static FieldError notText(FormField field, String path) {
    return error(field, path, "validation.fields.notText");
  }

  static FieldError tooShort(FormField field, String path) {
    return error(field, path, "validation.fields.tooShort", field.minLength());
  }

  static FieldError tooLong(FormField field, String path, int length) {
    return error(field, path, "validation.fields.tooLong", field.maxLength(), length);
  }

  /** Not in the field's pattern; the field's description, if any, says what the pattern wants. */
  static FieldError notInPattern(FormField field, String path) {
    String hint = field.description();
    return hint == null
        ? error(field, path, "validation.fields.notInPattern")
        : error(
            field,
            path,
            "validation.fields.notInPatternWithHint",
            Messages.localized(FormField.thai(hint), FormField.english(hint)));
  }

  static FieldError notAnEmailAddress(FormField field, String path) {
    return error(field, path, "validation.fields.notAnEmailAddress");
  }

  static FieldError notAPhoneNumber(FormField field, String path) {
    return error(field, path, "validation.fields.notAPhoneNumber");
  }

  /** The error {@code key}, whose {@code {0}} is the field's label, then {@code arguments}. */
  private static FieldError error(FormField field, String path, String key, Object... arguments) {
    Object[] all = new Object[arguments.length + 1];
    all[0] = label(field);
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    return FieldError.of(path, field.label(), key, all);
  }

  private static Messages.Localized label(FormField field) {
    return Messages.localized(field.labelTh(), field.labelEn());
  }
}
