package th.or.codi.programme.validation;

import java.util.List;
import java.util.Map;

/**
 * One input of a Camunda Form (form-js schema 16) with the constraints the form declares.
 *
 * @param key the variable the field writes (for a field inside a dynamic list, the key within each
 *     item)
 * @param type the form-js component type: textfield, textarea, number, checkbox, radio, select,
 *     checklist, taglist, datetime, dynamiclist, ...
 * @param label the label as written, "ไทย / English"
 * @param description the help text under the field, or null
 * @param options the allowed values of a radio, select, checklist or taglist with static options
 * @param optionLabels the label of each static option, by value
 * @param valuesKey the variable holding the options, when they are dynamic
 * @param hide the FEEL expression of {@code conditional.hide} (without the leading "="), or null
 * @param items the fields of each item of a dynamic list
 */
public record FormField(
    String key,
    String type,
    String label,
    String description,
    boolean required,
    Double min,
    Double max,
    Integer minLength,
    Integer maxLength,
    String pattern,
    String validationType,
    Integer decimalDigits,
    List<String> options,
    Map<String, String> optionLabels,
    String valuesKey,
    String dateSubtype,
    boolean disallowPassedDates,
    String hide,
    List<FormField> items) {

  public boolean isDynamicList() {
    return "dynamiclist".equals(type);
  }

  public boolean isMultiValue() {
    return "checklist".equals(type) || "taglist".equals(type);
  }

  public boolean hasOptions() {
    return "radio".equals(type) || "select".equals(type) || isMultiValue();
  }

  /** The Thai part of the label. */
  public String labelTh() {
    return thai(label);
  }

  /** The English part of the label. */
  public String labelEn() {
    return english(label);
  }

  /** The label of an option value ("ไทย / English"), or the value itself. */
  public String optionLabel(Object value) {
    String label = optionLabels == null ? null : optionLabels.get(String.valueOf(value));
    return label == null ? String.valueOf(value) : label;
  }

  static String thai(String bilingual) {
    int slash = bilingual.indexOf(" / ");
    return slash < 0 ? bilingual : bilingual.substring(0, slash).trim();
  }

  static String english(String bilingual) {
    int slash = bilingual.indexOf(" / ");
    return slash < 0 ? bilingual : bilingual.substring(slash + 3).trim();
  }
}
