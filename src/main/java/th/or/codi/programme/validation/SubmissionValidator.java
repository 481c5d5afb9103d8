package th.or.codi.programme.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import th.or.codi.programme.messages.Messages;

/**
 * Checks a submission against its Camunda Form, field by field, as form-js would in the browser but
 * on the server: required fields, then each given value by its field's type ({@link ValueChecks}:
 * types, ranges, lengths, patterns, e-mail, option lists, dates and the Buddhist Era), dynamic
 * lists item by item. Fields the form hides ({@code conditional.hide}, a FEEL expression evaluated
 * on the submitted values) are skipped, as form-js skips them.
 */
public final class SubmissionValidator {

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
        errors.add(FieldMessages.required(field, path));
      }
      return;
    }
    switch (field.type()) {
      case "number" -> ValueChecks.number(field, path, value, errors);
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          errors.add(FieldMessages.notTrueOrFalse(field, path));
        }
      }
      case "radio", "select" -> ValueChecks.option(field, path, value, values, errors);
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> chosen)) {
          errors.add(FieldMessages.notAListOfChoices(field, path));
        } else {
          for (Object one : chosen) {
            ValueChecks.option(field, path, one, values, errors);
          }
        }
      }
      case "datetime" -> ValueChecks.date(field, path, value, today, errors);
      default -> ValueChecks.text(field, path, value, errors);
    }
  }

  /**
   * A dynamic list: each item's fields, with the item's values over the submission's, their errors
   * said as the item's ({@code planActivities[2].activityBudget}).
   */
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
      errors.add(FieldMessages.notAList(list, path));
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + (i + 1) + "]";
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        errors.add(FieldMessages.invalidItem(list, itemPath, i + 1));
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
            errors.add(FieldMessages.inItem(list, i + 1, e));
          }
        }
      }
    }
  }

  static boolean hidden(FormField field, Map<String, Object> context) {
    if (field.hide() == null) {
      return false;
    }
    EvaluationResult result = FEEL.evaluateExpression(field.hide(), context);
    if (!result.isSuccess()) {
      throw new IllegalStateException(
          Messages.both(
              "validation.validator.conditionUnevaluable",
              field.hide(),
              field.key(),
              result.failure().message()));
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
}
