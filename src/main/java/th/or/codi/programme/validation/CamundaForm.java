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

  /**
   * A value the form shows without letting the person change it: a disabled or read-only field, a
   * variable a text view names in its templating ({@code {{ planStartDate }}}) or a FEEL expression
   * ({@code =...}), the options of a read-only select.
   *
   * @param component the id of the component that shows it
   * @param variable the variable it reads (for a field inside a dynamic list: the list)
   * @param hiddenWhen the FEEL {@code conditional.hide} expressions (without "=") of the component
   *     and the groups around it: while one of them is true, nothing is shown
   */
  public record ShownValue(String component, String variable, List<String> hiddenWhen) {}

  private static final java.util.regex.Pattern TEMPLATE =
      java.util.regex.Pattern.compile("\\{\\{(.*?)}}", java.util.regex.Pattern.DOTALL);
  private static final java.util.regex.Pattern IDENTIFIER =
      java.util.regex.Pattern.compile("(?<![.\\w#/])([A-Za-z_][A-Za-z0-9_]*)\\b(?!\\s*\\()");
  private static final Set<String> FEEL_WORDS =
      Set.of(
          "if",
          "then",
          "else",
          "null",
          "and",
          "or",
          "not",
          "true",
          "false",
          "for",
          "in",
          "return",
          "some",
          "every",
          "satisfies",
          "between",
          "instance",
          "of",
          "this",
          "parent",
          "_this_",
          "_parent_",
          "loop",
          "function");

  /**
   * Every value the form shows read-only, for a check that each has a value when the task opens
   * (ShownValuesTest).
   */
  public static List<ShownValue> shownValues(String json) {
    try {
      List<ShownValue> shown = new ArrayList<>();
      collectShown(JSON.readTree(json).path("components"), null, List.of(), shown);
      return List.copyOf(shown);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Camunda Form: " + e.getMessage(), e);
    }
  }

  private static void collectShown(
      JsonNode components, String listPath, List<String> hiddenWhen, List<ShownValue> shown) {
    for (JsonNode c : components) {
      String id = c.path("id").asText();
      List<String> hidden = new ArrayList<>(hiddenWhen);
      String hide = text(c.path("conditional"), "hide");
      if (hide != null) {
        hidden.add(hide.startsWith("=") ? hide.substring(1) : hide);
      }
      List<String> when = List.copyOf(hidden);
      String type = c.path("type").asText();
      boolean readOnly = c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false);
      if (readOnly && text(c, "key") != null) {
        shown.add(new ShownValue(id, listPath != null ? listPath : text(c, "key"), when));
        if (text(c, "valuesKey") != null && !c.has("values")) {
          shown.add(new ShownValue(id, text(c, "valuesKey"), when));
        }
      }
      for (String property : List.of("text", "content", "label", "description")) {
        String value = text(c, property);
        if (value == null) {
          continue;
        }
        List<String> expressions = new ArrayList<>();
        if (value.startsWith("=")) {
          expressions.add(value.substring(1));
        } else if ("text".equals(property) || "content".equals(property)) {
          java.util.regex.Matcher template = TEMPLATE.matcher(value);
          while (template.find()) {
            expressions.add(template.group(1));
          }
        }
        for (String expression : expressions) {
          java.util.regex.Matcher name =
              IDENTIFIER.matcher(expression.replaceAll("\"[^\"]*\"", "\"\""));
          while (name.find()) {
            if (!FEEL_WORDS.contains(name.group(1))) {
              shown.add(new ShownValue(id, name.group(1), when));
            }
          }
        }
      }
      String path = "dynamiclist".equals(type) ? text(c, "path") : listPath;
      collectShown(c.path("components"), path, when, shown);
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
