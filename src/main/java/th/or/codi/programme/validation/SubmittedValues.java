package th.or.codi.programme.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import th.or.codi.programme.messages.Messages;

/**
 * What a form can submit: text, numbers, true/false, dates and JSON (lists and items), nothing
 * else. A submission (task completion, process start, BPMN error or escalation from a task) that
 * carries a serialized Java object ({@code "type": "Object"}), XML, a file or bytes, a JSON value
 * that does not parse, JSON nested deeper than {@link #MAX_DEPTH} levels, or text with the NUL
 * character (which PostgreSQL cannot store) is refused as a {@link SubmissionRejectedException}
 * naming the field, before the engine stores or deserializes anything (which would otherwise fail
 * as a server error, or run arbitrary deserialization).
 */
public final class SubmittedValues {

  /** Deeper than any form's values: a dynamic list of items holding a list of choices is 4. */
  public static final int MAX_DEPTH = 32;

  /**
   * Only asks whether a text parses as JSON ({@code readTree}), which no {@code spring.jackson.*}
   * setting changes. Not Spring's mapper: {@link #check} is called from inside the engine's command
   * chain ({@code security/CommandPolicy}, an interceptor the engine calls, not Spring) as a plain
   * static check; a parser of its own keeps every caller free of carrying one.
   */
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The value types a form's fields have (besides JSON); no object, xml, file or bytes. */
  private static final java.util.Set<String> FORM_TYPES =
      java.util.Set.of(
          ValueType.NULL.getName(),
          ValueType.STRING.getName(),
          ValueType.BOOLEAN.getName(),
          ValueType.SHORT.getName(),
          ValueType.INTEGER.getName(),
          ValueType.LONG.getName(),
          ValueType.DOUBLE.getName(),
          ValueType.NUMBER.getName(),
          ValueType.DATE.getName());

  private SubmittedValues() {}

  /**
   * Throws a {@link SubmissionRejectedException} for the form {@code formId} if a value is not a
   * form's.
   */
  public static void check(String formId, Map<String, ?> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    for (String name : variables.keySet()) {
      Object value =
          variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
      String problem = problem(value);
      if (problem != null) {
        String[] thEn = problem.split(" / ", 2);
        errors.add(
            new FieldError(name, name, "“" + name + "” " + thEn[0], "“" + name + "” " + thEn[1]));
      }
    }
    if (!errors.isEmpty()) {
      throw new SubmissionRejectedException(formId, errors);
    }
  }

  /** What is wrong with the value, "Thai / English", or null. */
  static String problem(Object value) {
    if (value instanceof TypedValue typed && typed.getType() != null) {
      ValueType type = typed.getType();
      String name = type.getName();
      if ("json".equals(name)) {
        return json(typed);
      }
      if (FORM_TYPES.contains(name)) {
        return text(typed.getValue());
      }
      return Messages.both("validation.values.typeNotSubmittable", name);
    }
    Object raw = value instanceof TypedValue untyped ? untyped.getValue() : value;
    if (raw instanceof SpinJsonNode node) {
      return jsonText(node.toString());
    }
    if (raw instanceof String) {
      return text(raw);
    }
    if (raw == null || raw instanceof Number || raw instanceof Boolean || raw instanceof Date) {
      return null;
    }
    if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
      return depth(raw, 1) > MAX_DEPTH ? tooDeep() : null;
    }
    return Messages.both("validation.values.classNotSubmittable", raw.getClass().getSimpleName());
  }

  /** Text with the NUL character, which PostgreSQL cannot store in a text column (a 500 there). */
  private static String text(Object value) {
    return value instanceof String s && s.indexOf('\u0000') >= 0
        ? Messages.both("validation.values.nulCharacter")
        : null;
  }

  private static String json(TypedValue typed) {
    if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return jsonText(serializable.getValueSerialized());
    }
    Object node = typed.getValue();
    return node == null ? null : jsonText(node.toString());
  }

  private static String jsonText(String text) {
    if (text == null) {
      return null;
    }
    if (nesting(text) > MAX_DEPTH) {
      return tooDeep();
    }
    try {
      JSON.readTree(text);
      return null;
    } catch (Exception e) {
      return Messages.both("validation.values.invalidJson");
    }
  }

  private static String tooDeep() {
    return Messages.both("validation.values.tooDeep", MAX_DEPTH);
  }

  /** The deepest nesting of brackets and braces outside JSON strings, counted without recursion. */
  static int nesting(String text) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return deepest;
  }

  /** Nesting of Java lists and maps, looking no deeper than the limit. */
  private static int depth(Object value, int level) {
    if (level > MAX_DEPTH) {
      return level;
    }
    Collection<?> children =
        value instanceof Map<?, ?> map
            ? map.values()
            : value instanceof Collection<?> c ? c : List.of();
    int deepest = level;
    for (Object child : children) {
      if (child instanceof Collection<?> || child instanceof Map<?, ?>) {
        deepest = Math.max(deepest, depth(child, level + 1));
        if (deepest > MAX_DEPTH) {
          break;
        }
      }
    }
    return deepest;
  }
}
