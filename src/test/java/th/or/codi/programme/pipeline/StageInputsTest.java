package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.junit.jupiter.api.Test;
import th.or.codi.programme.processes.ProgrammeProcesses;
import th.or.codi.programme.provinces.ProvinceOptions;

/**
 * Each stage receives from its pipeline only the variables named in the call activity's {@code
 * stage-inputs} property ({@link StageResults}): the pipeline's identity and every name the stage's
 * forms, expressions and listeners read. Checked on the files: a form field or an expression added
 * to a stage without its name added fails here. (What a stage then holds, on a pipeline driven
 * through the stages: ProvincialPipelineTest.)
 */
class StageInputsTest {

  /**
   * Who the pipeline is: every stage's tasks show the province, wave and stage (TaskListContext).
   */
  static final List<String> IDENTITY =
      List.of(
          "provinceCode",
          "provinceName",
          "provinceNameEn",
          "communityGroup",
          "jointGroup",
          "programmeName",
          "fiscalYear",
          "wave",
          "cycle",
          "stage",
          "stageKey",
          "studyVisitHost");

  /**
   * Read by Java code in a stage rather than by a form or an expression (JointPlans,
   * ImplementationFigures).
   */
  static final Map<String, List<String>> READ_BY_CODE =
      Map.of(
          ProgrammeProcesses.JOINT_DESIGN,
          List.of("planActivities", "planDurationMonths", "fiscalYear", "provinceCode", "cycle"),
          ProgrammeProcesses.IMPLEMENTATION,
          List.of("planActivities", "planIndicatorList", "planTotalBudget"));

  /** Names in expressions that are beans or the engine's, not variables. */
  static final Set<String> NOT_VARIABLES =
      Set.of(
          "execution",
          "task",
          "deadlines",
          "jointPlans",
          "implementationFigures",
          "taskReminder",
          "thaiDates",
          "stageResults",
          "pipelineStages",
          "true",
          "false",
          "null",
          "empty",
          "not",
          "and",
          "or",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "div",
          "mod");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?!\\s*\\()");

  @Test
  void everyStageIsGivenWhatItsFormsExpressionsAndCodeRead() throws Exception {
    Map<String, Set<String>> formFields = formFields();
    BpmnModelInstance pipeline =
        Bpmn.readModelFromFile(Path.of("bpmn/provincial-pipeline.bpmn").toFile());
    List<CallActivity> stages = List.copyOf(pipeline.getModelElementsByType(CallActivity.class));
    assertThat(stages).hasSize(4);
    for (CallActivity stage : stages) {
      String xml = Files.readString(modelOf(stage.getCalledElement()));
      Set<String> reads = new TreeSet<>(IDENTITY);
      reads.addAll(READ_BY_CODE.getOrDefault(stage.getCalledElement(), List.of()));
      Matcher ref = Pattern.compile("formRef=\"([^\"]+)\"").matcher(xml);
      while (ref.find()) {
        assertThat(formFields).as("form " + ref.group(1)).containsKey(ref.group(1));
        reads.addAll(formFields.get(ref.group(1)));
      }
      Matcher expression = EXPRESSION.matcher(unescape(xml));
      while (expression.find()) {
        Matcher name = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'", ""));
        while (name.find()) {
          if (!NOT_VARIABLES.contains(name.group(1))) {
            reads.add(name.group(1));
          }
        }
      }
      assertThat(StageResults.inputs(stage)).as(stage.getId() + " stage-inputs").containsAll(reads);
    }
  }

  private static Path modelOf(String processKey) throws Exception {
    try (Stream<Path> files = ModelConventionsTest.models()) {
      return files
          .filter(p -> Bpmn.readModelFromFile(p.toFile()).getModelElementById(processKey) != null)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no model of process " + processKey));
    }
  }

  /**
   * Every variable each form in forms/ shows or sets, by form id: field keys, dynamic lists' paths,
   * the variables holding dynamic options other than the province lists. (Not CamundaForm's fields:
   * those are what a submission may set, without the disabled fields that only show a value, such
   * as the plan summary in the implementation stage.)
   */
  private static Map<String, Set<String>> formFields() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, Set<String>> fields = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode form = json.readTree(file.toFile());
        Set<String> keys = new TreeSet<>();
        collect(form, keys);
        fields.put(form.get("id").asText(), keys);
      }
    }
    return fields;
  }

  private static void collect(JsonNode container, Set<String> keys) {
    for (JsonNode component : container.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      if (component.hasNonNull("path")) {
        keys.add(component.get("path").asText());
      }
      // a province list is put on the task from the reference data (ProvinceOptionVariables)
      if (component.hasNonNull("valuesKey")
          && !ProvinceOptions.isList(component.get("valuesKey").asText())) {
        keys.add(component.get("valuesKey").asText());
      }
      collect(component, keys);
    }
  }

  private static String unescape(String xml) {
    return xml.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
