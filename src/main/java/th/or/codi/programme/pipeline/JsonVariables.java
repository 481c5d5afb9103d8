package th.or.codi.programme.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import th.or.codi.programme.messages.Messages;

/**
 * Lists travel as JSON between Tasklist's forms (checklists and dynamic lists arrive as {@code
 * Json} variables) and the models; these conversions keep that in one place.
 */
public final class JsonVariables {

  private JsonVariables() {}

  /** A list of strings from a Json variable, a Java collection or a JSON text; null → empty. */
  static List<String> strings(Object value) {
    List<String> result = new ArrayList<>();
    if (value == null) {
      return result;
    }
    if (value instanceof Collection<?> collection) {
      collection.forEach(item -> result.add(String.valueOf(item)));
      return result;
    }
    SpinJsonNode node = value instanceof SpinJsonNode json ? json : Spin.JSON(value.toString());
    if (!node.isArray()) {
      throw new IllegalArgumentException(Messages.both("pipeline.json.notAList", node.toString()));
    }
    node.elements().forEach(element -> result.add(element.stringValue()));
    return result;
  }

  /** Elements of a JSON list of objects (e.g. the plan's activities). */
  static List<SpinJsonNode> objects(Object value) {
    if (value == null) {
      return List.of();
    }
    SpinJsonNode node = value instanceof SpinJsonNode json ? json : Spin.JSON(value.toString());
    return node.isArray() ? node.elements() : List.of();
  }

  /**
   * A JSON list of flat objects as rows of plain values (text, number, true/false or null), e.g.
   * the regional programme's readiness results and wave outcomes.
   */
  static List<Map<String, Object>> rows(Object json) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SpinJsonNode node : objects(json)) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (String field : node.fieldNames()) {
        SpinJsonNode value = node.prop(field);
        row.put(
            field,
            value.isNull()
                ? null
                : value.isNumber()
                    ? value.numberValue()
                    : value.isBoolean() ? value.boolValue() : value.stringValue());
      }
      rows.add(row);
    }
    return rows;
  }

  /** A Json variable from a list or map. */
  public static JsonValue json(Object listOrMap) {
    return SpinValues.jsonValue(Spin.JSON(listOrMap)).create();
  }
}
