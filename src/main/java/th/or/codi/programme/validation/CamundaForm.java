package th.or.codi.programme.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import th.or.codi.programme.provinces.ProvinceOptions;

/**
 * A Camunda Form read for validation: its id and the inputs a submission must satisfy. Fields that
 * are disabled (context shown read-only, never submitted by Tasklist) and components without a key
 * (text, spacer, ...) are left out; groups are flattened.
 *
 * <p>A field whose static options were written into the deployed form from a province list (custom
 * property {@value ProvinceOptions#MARKER}, see {@link ProvinceOptions}) is read as naming that
 * list with {@code valuesKey}: it is checked against the list as it is when the submission arrives,
 * not against the copy made at deployment.
 *
 * @param valuesKeys every variable the form's components take options from ({@code valuesKey} or
 *     the marker), disabled components included: what must be there when the form is shown
 */
public record CamundaForm(String id, List<FormField> fields, Set<String> valuesKeys) {

  /**
   * Reads a deployed form's JSON as a tree. Not Spring's mapper: forms are parsed by {@link
   * DeployedForms#shared()}, the engine-wide cache that the engine's listeners and command checks
   * use outside Spring, and by this record's static factory; reading a tree depends on no {@code
   * spring.jackson.*} setting.
   */
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> NOT_INPUTS =
      Set.of(
          "text",
          "html",
          "spacer",
          "separator",
          "image",
          "button",
          "iframe",
          "table",
          "expression",
          "documentPreview");

  public static CamundaForm parse(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      String id = root.path("id").asText(null);
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("a Camunda Form without an id");
      }
      Set<String> valuesKeys = new TreeSet<>();
      collectValuesKeys(root.path("components"), valuesKeys);
      return new CamundaForm(id, fields(root.path("components")), Set.copyOf(valuesKeys));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Camunda Form: " + e.getMessage(), e);
    }
  }

  private static void collectValuesKeys(JsonNode components, Set<String> keys) {
    for (JsonNode c : components) {
      String key = valuesKey(c);
      if (key != null) {
        keys.add(key);
      }
      collectValuesKeys(c.path("components"), keys);
    }
  }

  /**
   * The variable a component's options come from: its valuesKey, or the list it was filled from.
   */
  private static String valuesKey(JsonNode c) {
    String marker = text(c.path("properties"), ProvinceOptions.MARKER);
    return marker != null ? marker : text(c, "valuesKey");
  }

  private static List<FormField> fields(JsonNode components) {
    List<FormField> fields = new ArrayList<>();
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (c.path("disabled").asBoolean(false) || NOT_INPUTS.contains(type)) {
        continue;
      }
      if ("group".equals(type) && !c.hasNonNull("path")) {
        fields.addAll(fields(c.path("components")));
        continue;
      }
      String key =
          "dynamiclist".equals(type) || "group".equals(type) ? text(c, "path") : text(c, "key");
      if (key == null) {
        continue;
      }
      JsonNode v = c.path("validate");
      List<String> options = new ArrayList<>();
      Map<String, String> labels = new LinkedHashMap<>();
      String valuesKey = valuesKey(c);
      (valuesKey != null ? JSON.createArrayNode() : c.path("values"))
          .forEach(
              o -> {
                options.add(o.path("value").asText());
                labels.put(
                    o.path("value").asText(), o.path("label").asText(o.path("value").asText()));
              });
      String hide = text(c.path("conditional"), "hide");
      if (hide != null && hide.startsWith("=")) {
        hide = hide.substring(1);
      }
      fields.add(
          new FormField(
              key,
              type,
              c.path("label").asText(c.path("dateLabel").asText(key)),
              text(c, "description"),
              v.path("required").asBoolean(false),
              number(v, "min"),
              number(v, "max"),
              integer(v, "minLength"),
              integer(v, "maxLength"),
              text(v, "pattern"),
              text(v, "validationType"),
              c.has("decimalDigits") ? c.get("decimalDigits").asInt() : null,
              options.isEmpty() ? null : List.copyOf(options),
              options.isEmpty() ? null : labels,
              valuesKey,
              "datetime".equals(type) ? c.path("subtype").asText("date") : null,
              c.path("disallowPassedDates").asBoolean(false),
              hide,
              "dynamiclist".equals(type) || "group".equals(type)
                  ? fields(c.path("components"))
                  : List.of()));
    }
    return List.copyOf(fields);
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isMissingNode() || value.isNull() || value.asText().isBlank()
        ? null
        : value.asText();
  }

  private static Double number(JsonNode node, String name) {
    return node.path(name).isNumber() ? node.get(name).asDouble() : null;
  }

  private static Integer integer(JsonNode node, String name) {
    return node.path(name).isNumber() ? node.get(name).asInt() : null;
  }
}
