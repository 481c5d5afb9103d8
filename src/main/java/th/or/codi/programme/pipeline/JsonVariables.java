package th.or.codi.programme.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

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
      throw new IllegalArgumentException("Expected a JSON list but got " + node);
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

  /** A Json variable from a list or map. */
  public static JsonValue json(Object listOrMap) {
    return SpinValues.jsonValue(Spin.JSON(listOrMap)).create();
  }
}
