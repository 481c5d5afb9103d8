package th.or.codi.programme.validation;

import java.util.List;

/**
 * The errors a submission's fields can have, each a {@link FieldError} naming the field's path and
 * label and saying, Thai first then English, what is wrong and what to write instead. Wording only:
 * {@link ValueChecks} and {@link SubmissionValidator} decide when each applies.
 */
final class FieldMessages {

  private FieldMessages() {}

  static FieldError required(FormField field, String path) {
    return error(
        field,
        path,
        "กรุณากรอก “" + field.labelTh() + "”",
        "“" + field.labelEn() + "” is required");
  }

  static FieldError notTrueOrFalse(FormField field, String path) {
    return error(
        field,
        path,
        "“" + field.labelTh() + "” ต้องเป็นใช่หรือไม่ใช่",
        "“" + field.labelEn() + "” must be true or false");
  }

  static FieldError notAListOfChoices(FormField field, String path) {
    return error(
        field,
        path,
        "“" + field.labelTh() + "” ต้องเป็นรายการที่เลือก",
        "“" + field.labelEn() + "” must be a list of choices");
  }

  static FieldError notAList(FormField list, String path) {
    return error(
        list,
        path,
        "“" + list.labelTh() + "” ต้องเป็นรายการ",
        "“" + list.labelEn() + "” must be a list");
  }

  /** An item of a dynamic list that is no object; {@code number} counts from 1. */
  static FieldError invalidItem(FormField list, String path, int number) {
    return error(
        list,
        path,
        "รายการที่ " + number + " ของ “" + list.labelTh() + "” ไม่ถูกต้อง",
        "item " + number + " of “" + list.labelEn() + "” is not valid");
  }

  /** An error of a field inside item {@code number} of a dynamic list, said as such. */
  static FieldError inItem(FormField list, int number, FieldError e) {
    return new FieldError(
        e.field(),
        e.label(),
        list.labelTh() + " รายการที่ " + number + ": " + e.th(),
        list.labelEn() + " item " + number + ": " + e.en());
  }

  static FieldError notFinite(FormField field, String path, Object value) {
    return error(
        field,
        path,
        "“"
            + field.labelTh()
            + "” ต้องเป็นตัวเลขที่มีค่าจริง ไม่ใช่ NaN หรืออนันต์ ("
            + value
            + ")",
        "“" + field.labelEn() + "” must be a finite number, not NaN or infinity (" + value + ")");
  }

  static FieldError notANumber(FormField field, String path) {
    return error(
        field,
        path,
        "“" + field.labelTh() + "” ต้องเป็นตัวเลข",
        "“" + field.labelEn() + "” must be a number");
  }

  static FieldError tooManyDecimals(FormField field, String path) {
    int digits = field.decimalDigits();
    return digits == 0
        ? error(
            field,
            path,
            "“" + field.labelTh() + "” ต้องเป็นจำนวนเต็ม",
            "“" + field.labelEn() + "” must be a whole number")
        : error(
            field,
            path,
            "“" + field.labelTh() + "” มีทศนิยมได้ไม่เกิน " + digits + " ตำแหน่ง",
            "“" + field.labelEn() + "” may have at most " + digits + " decimal places");
  }

  /**
   * Below the field's minimum; {@code meantYear}, when not null, is the Buddhist Era year a Common
   * Era year written into a Buddhist Era field stands for.
   */
  static FieldError belowMinimum(FormField field, String path, String written, Long meantYear) {
    String th = "“" + field.labelTh() + "” ต้องไม่น้อยกว่า " + FieldValues.plain(field.min());
    String en = "“" + field.labelEn() + "” must be at least " + FieldValues.plain(field.min());
    if (meantYear != null) {
      th += ": ช่องนี้ใช้ปี พ.ศ. (ค.ศ. + 543) " + written + " คือ พ.ศ. " + meantYear;
      en +=
          ": this year is in the Buddhist Era (C.E. + 543); "
              + written
              + " C.E. is "
              + meantYear
              + " B.E.";
    }
    return error(field, path, th, en);
  }

  static FieldError aboveMaximum(FormField field, String path) {
    return error(
        field,
        path,
        "“" + field.labelTh() + "” ต้องไม่เกิน " + FieldValues.plain(field.max()),
        "“" + field.labelEn() + "” must be at most " + FieldValues.plain(field.max()));
  }

  /** A province the field's list does not offer, in the words {@code ProvinceOptions} gives. */
  static FieldError provinceNotOffered(FormField field, String path, String[] thEn) {
    return error(
        field,
        path,
        "“" + field.labelTh() + "”: " + thEn[0],
        "“" + field.labelEn() + "”: " + thEn[1]);
  }

  static FieldError notAnOption(FormField field, String path, Object value, List<String> allowed) {
    return error(
        field,
        path,
        "“" + field.labelTh() + "”: เลือกได้เฉพาะจากรายการ (" + value + " ไม่อยู่ในรายการ)",
        "“" + field.labelEn() + "” must be one of " + allowed + ", not " + value);
  }

  static FieldError notADateText(FormField field, String path) {
    return error(
        field,
        path,
        "“" + field.labelTh() + "” ต้องเป็นวันที่แบบ ปปปป-ดด-วว (ค.ศ.)",
        "“" + field.labelEn() + "” must be a date written YYYY-MM-DD");
  }

  static FieldError inThePast(FormField field, String path, String date) {
    return error(
        field,
        path,
        "“" + field.labelTh() + "” ต้องไม่เป็นวันที่ผ่านมาแล้ว (" + date + ")",
        "“" + field.labelEn() + "” must not be in the past (" + date + ")");
  }

  static FieldError invalidDate(FormField field, String path, String date) {
    return error(
        field,
        path,
        "“"
            + field.labelTh()
            + "” ไม่ใช่วันที่ที่ถูกต้อง: "
            + date
            + " (ใช้ ปปปป-ดด-วว ค.ศ. เช่น 2026-12-24)",
        "“"
            + field.labelEn()
            + "” is not a valid date: "
            + date
            + " (write YYYY-MM-DD, e.g. 2026-12-24)");
  }

  /** A plainly Buddhist Era year, explained, with the Common Era value meant. */
  static FieldError buddhistEraYear(FormField field, String path, int year, String meant) {
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

  static FieldError notText(FormField field, String path) {
    return error(
        field,
        path,
        "“" + field.labelTh() + "” ต้องเป็นข้อความ",
        "“" + field.labelEn() + "” must be text");
  }

  static FieldError tooShort(FormField field, String path) {
    return error(
        field,
        path,
        "“" + field.labelTh() + "” สั้นเกินไป: อย่างน้อย " + field.minLength() + " ตัวอักษร",
        "“" + field.labelEn() + "” is too short: at least " + field.minLength() + " characters");
  }

  static FieldError tooLong(FormField field, String path, int length) {
    return error(
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
            + ")");
  }

  /** Not in the field's pattern; the field's description, if any, says what the pattern wants. */
  static FieldError notInPattern(FormField field, String path) {
    String hint = field.description();
    return error(
        field,
        path,
        "“"
            + field.labelTh()
            + "” รูปแบบไม่ถูกต้อง"
            + (hint == null ? "" : ": " + FormField.thai(hint)),
        "“"
            + field.labelEn()
            + "” is not in the expected form"
            + (hint == null ? "" : ": " + FormField.english(hint)));
  }

  static FieldError notAnEmailAddress(FormField field, String path) {
    return error(
        field,
        path,
        "“" + field.labelTh() + "” ต้องเป็นอีเมล เช่น name@example.org",
        "“" + field.labelEn() + "” must be an e-mail address such as name@example.org");
  }

  static FieldError notAPhoneNumber(FormField field, String path) {
    return error(
        field,
        path,
        "“" + field.labelTh() + "” ต้องเป็นหมายเลขโทรศัพท์แบบสากล เช่น +66812345678",
        "“" + field.labelEn() + "” must be an international phone number such as +66812345678");
  }

  private static FieldError error(FormField field, String path, String th, String en) {
    return new FieldError(path, field.label(), th, en);
  }
}
