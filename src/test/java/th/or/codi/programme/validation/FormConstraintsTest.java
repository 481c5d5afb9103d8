package th.or.codi.programme.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated from every form in {@code forms/}: for each constraint of each field, one value that
 * satisfies it (the submission passes) and one that breaks it (the submission is rejected naming
 * that field). A new form, or a new field, is covered without touching this test.
 */
class FormConstraintsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  /** Values matching each pattern the forms use; a form with a new pattern needs one here. */
  static final Map<String, String> PATTERN_SAMPLES =
      Map.of(
          "^https?://\\S+$", "https://example.org/report",
          "^20[0-9]{2}-(0[1-9]|1[0-2])$", "2026-12");

  @TestFactory
  Stream<DynamicNode> everyConstraintOfEveryFieldOfEveryForm() throws IOException {
    List<DynamicNode> forms = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        CamundaForm form = CamundaForm.parse(Files.readString(file));
        forms.add(DynamicContainer.dynamicContainer(form.id(), cases(form)));
      }
    }
    assertThat(forms).hasSizeGreaterThanOrEqualTo(20);
    return forms.stream();
  }

  private static List<DynamicNode> cases(CamundaForm form) {
    List<DynamicNode> cases = new ArrayList<>();
    cases.add(
        DynamicTest.dynamicTest(
            "complete valid submission passes",
            () -> assertThat(SubmissionValidation.validate(form, valid(form), TODAY)).isEmpty()));
    for (FormField field : form.fields()) {
      if (field.isDynamicList()) {
        for (FormField child : field.items()) {
          for (Case c : constraints(child)) {
            String path = field.key() + "[1]." + child.key();
            cases.add(
                test(
                    form,
                    path,
                    c,
                    values -> item(values, field).put(child.key(), c.good()),
                    c.goodValid()));
            cases.add(
                test(
                    form, path, c, values -> item(values, field).put(child.key(), c.bad()), false));
          }
        }
        continue;
      }
      for (Case c : constraints(field)) {
        cases.add(
            test(
                form, field.key(), c, values -> put(form, field, values, c.good()), c.goodValid()));
        cases.add(test(form, field.key(), c, values -> put(form, field, values, c.bad()), false));
      }
    }
    return cases;
  }

  private static DynamicTest test(
      CamundaForm form, String path, Case c, Consumer<Map<String, Object>> change, boolean passes) {
    Object shown = passes ? c.good() : c.bad();
    return DynamicTest.dynamicTest(
        path + " · " + c.name() + " · " + (passes ? "valid " : "invalid ") + shown,
        () -> {
          Map<String, Object> values = valid(form);
          change.accept(values);
          List<FieldError> errors = SubmissionValidation.validate(form, values, TODAY);
          if (passes) {
            assertThat(errors).as("errors of a valid value").isEmpty();
          } else {
            assertThat(errors)
                .as("the rejection names " + path)
                .extracting(FieldError::field)
                .contains(path);
            assertThat(errors)
                .filteredOn(e -> e.field().equals(path))
                .allSatisfy(
                    e -> assertThat(e.th()).as("Thai message").containsPattern("\\p{InThai}"))
                .allSatisfy(e -> assertThat(e.en()).as("English message").containsPattern("[a-z]"));
          }
        });
  }

  record Case(String name, Object good, boolean goodValid, Object bad) {
    Case(String name, Object good, Object bad) {
      this(name, good, true, bad);
    }
  }

  /** One valid and one invalid value for each constraint the field declares. */
  static List<Case> constraints(FormField f) {
    List<Case> cases = new ArrayList<>();
    Object good = sample(f);
    if (f.required()) {
      cases.add(new Case("required", good, f.isMultiValue() ? List.of() : null));
    }
    switch (f.type()) {
      case "number" -> {
        cases.add(new Case("type", good, "12"));
        cases.add(new Case("finite (NaN)", good, Double.NaN));
        cases.add(new Case("finite (Infinity)", good, Double.POSITIVE_INFINITY));
        cases.add(new Case("finite (-Infinity)", good, Float.NEGATIVE_INFINITY));
        if (f.min() != null) {
          cases.add(new Case("min", number(f, f.min()), number(f, f.min() - 1)));
        }
        if (f.max() != null) {
          cases.add(new Case("max", number(f, f.max()), number(f, f.max() + 1)));
        }
        if (f.decimalDigits() != null && f.decimalDigits() == 0) {
          cases.add(new Case("whole number", good, ((Number) good).doubleValue() + 0.5));
        }
      }
      case "radio", "select" -> cases.add(new Case("option", good, "not-an-option"));
      case "checklist", "taglist" -> cases.add(new Case("options", good, List.of("not-an-option")));
      case "checkbox" -> cases.add(new Case("type", true, "yes"));
      case "datetime" -> {
        cases.add(new Case("date", good, "2026-13-45"));
        cases.add(new Case("Buddhist Era", good, "2569-12-24"));
        if (f.disallowPassedDates()) {
          cases.add(new Case("not in the past", TODAY.toString(), TODAY.minusDays(1).toString()));
        }
      }
      default -> {
        cases.add(new Case("type", good, 42));
        if (f.minLength() != null && f.minLength() > 1 && f.pattern() == null) {
          cases.add(
              new Case("minLength", "ก".repeat(f.minLength()), "ก".repeat(f.minLength() - 1)));
        }
        if (f.maxLength() != null && f.pattern() == null) {
          cases.add(
              new Case("maxLength", "ก".repeat(f.maxLength()), "ก".repeat(f.maxLength() + 1)));
        }
        if (f.pattern() != null) {
          cases.add(new Case("pattern", good, "not matching"));
        }
        if ("email".equals(f.validationType())) {
          cases.add(new Case("email", "someone@example.org", "someone@"));
        }
      }
    }
    return cases;
  }

  static Object number(FormField f, double value) {
    return f.decimalDigits() != null && f.decimalDigits() == 0
        ? (Object) (long) value
        : (Object) value;
  }

  /** A valid value for the field, as Tasklist would send it. */
  static Object sample(FormField f) {
    return switch (f.type()) {
      case "number" ->
          number(f, f.min() != null ? f.min() : f.max() != null ? Math.min(1, f.max()) : 1);
      case "radio", "select" -> f.options() != null ? f.options().get(0) : "TH-60";
      case "checklist", "taglist" -> List.of(f.options() != null ? f.options().get(0) : "TH-60");
      case "checkbox" -> true;
      case "datetime" -> TODAY.toString();
      default -> {
        if (f.pattern() != null) {
          String sample = PATTERN_SAMPLES.get(f.pattern());
          assertThat(sample)
              .as("a sample value for pattern " + f.pattern() + " in PATTERN_SAMPLES")
              .isNotNull();
          yield sample;
        }
        yield "ข้อความทดสอบ "
            .repeat(Math.max(1, (f.minLength() == null ? 1 : f.minLength()) / 12 + 1))
            .trim();
      }
    };
  }

  /**
   * Every field of the form filled with a valid value; dynamic options offered as Tasklist gets
   * them.
   */
  static Map<String, Object> valid(CamundaForm form) {
    Map<String, Object> values = new HashMap<>();
    for (FormField f : form.fields()) {
      if (f.valuesKey() != null) {
        values.put(
            f.valuesKey(), List.of(Map.of("label", "นครสวรรค์ / Nakhon Sawan", "value", "TH-60")));
      }
      if (f.isDynamicList()) {
        for (FormField child : f.items()) { // a select inside the list with its options' key
          if (child.valuesKey() != null) {
            values.put(
                child.valuesKey(),
                List.of(Map.of("label", "นครสวรรค์ / Nakhon Sawan", "value", "TH-60")));
          }
        }
        Map<String, Object> item = new HashMap<>();
        f.items().forEach(child -> item.put(child.key(), sample(child)));
        if (item.containsKey(
            "indicatorTarget")) { // a business rule: the target is not the baseline
          item.put("indicatorBaseline", 50.0);
          item.put("indicatorTarget", 100.0);
        }
        values.put(f.key(), new ArrayList<>(List.of(item)));
      } else {
        values.put(f.key(), sample(f));
      }
    }
    values.putIfAbsent("visitBudgetRequested", 9_000_000L); // context of the budget decision
    return values;
  }

  /**
   * Sets the value, first making the field visible when the form hides it by default: tries the
   * options of the form's radio fields until its condition shows it.
   */
  static void put(CamundaForm form, FormField field, Map<String, Object> values, Object value) {
    if (field.hide() != null && SubmissionValidator.hidden(field, values)) {
      outer:
      for (FormField radio : form.fields()) {
        if (!"radio".equals(radio.type()) || radio.options() == null) {
          continue;
        }
        for (String option : radio.options()) {
          Map<String, Object> tryValues = new HashMap<>(values);
          tryValues.put(radio.key(), option);
          if (!SubmissionValidator.hidden(field, tryValues)) {
            values.put(radio.key(), option);
            break outer;
          }
        }
      }
      assertThat(SubmissionValidator.hidden(field, values))
          .as("a choice that shows " + field.key())
          .isFalse();
    }
    values.put(field.key(), value);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> item(Map<String, Object> values, FormField list) {
    return ((List<Map<String, Object>>) values.get(list.key())).get(0);
  }
}
