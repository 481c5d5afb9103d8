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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * Each stage receives from its pipeline only the variables named in the call activity's
 * {@code stage-inputs} property ({@link StageResults}): the pipeline's identity and every name
 * the stage's forms, expressions and listeners read. Checked on the files (a form field or an
 * expression added to a stage without its name added fails here) and on a pipeline driven
 * through every stage.
 */
@ProcessTest
class StageInputsTest {

  /** Who the pipeline is: every stage's tasks show the province, wave and stage (TaskListContext). */
  static final List<String> IDENTITY = List.of("provinceCode", "provinceName", "provinceNameEn", "communityGroup",
      "programmeName", "fiscalYear", "wave", "cycle", "stage", "stageKey", "studyVisitHost");

  /** Read by Java code in a stage rather than by a form or an expression (JointPlans). */
  static final Map<String, List<String>> READ_BY_CODE = Map.of(
      "jointDesign", List.of("planActivities", "planDurationMonths", "fiscalYear", "provinceCode", "cycle"));

  /** Names in expressions that are beans or the engine's, not variables. */
  static final Set<String> NOT_VARIABLES = Set.of("execution", "task", "deadlines", "jointPlans", "taskReminder",
      "stageResults", "pipelineStages", "true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt",
      "gt", "le", "ge", "div", "mod");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?!\\s*\\()");
  /** A fiscal year and wave no other test uses, so the business key is this test's own. */
  private static final int FISCAL_YEAR = 2594;

  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired ProvinceReferenceData referenceData;

  private Walkthrough drive;

  @BeforeEach
  void init() {
    drive = PipelineDriver.create(engine, act, referenceData);
  }

  @Test
  void everyStageIsGivenWhatItsFormsExpressionsAndCodeRead() throws Exception {
    Map<String, Set<String>> formFields = formFields();
    BpmnModelInstance pipeline = Bpmn.readModelFromFile(Path.of("bpmn/provincial-pipeline.bpmn").toFile());
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

  @Test
  void aStageHoldsThePipelinesIdentityAndWhatItReadsButNotEarlierStagesOtherAnswers() {
    String key = drive.start("TH-60", FISCAL_YEAR, 3);
    drive.forumStage(key, "TH-60");
    drive.visitStage(key, "TH-60");
    drive.designStage(key, "TH-60");

    Set<String> implementation = variableNames(key, "implementation");
    Set<String> pipeline = variableNames(key, "provincialPipeline");
    // the forum's and the visit's answers are the pipeline's, not the implementation stage's
    assertThat(pipeline).contains("forumDecision", "venue", "visitLessons", "approvedBudget");
    assertThat(implementation).doesNotContain("forumDecision", "venue", "visitLessons", "approvedBudget")
        // what its forms show from the joint design, and who the pipeline is
        .contains("agreementNumber", "planSummary", "planEndDate")
        .containsAll(List.of("provinceCode", "provinceName", "wave", "fiscalYear", "communityGroup", "stage"));
    // the stage's results still reach the pipeline
    drive.monthlyReport(key, "TH-60", "on-track");
    drive.completePlan(key, "TH-60");
    assertThat(variableNames(key, "provincialPipeline")).contains("completionSummary", "implementationResult");
  }

  private Set<String> variableNames(String key, String processKey) {
    HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(key).processDefinitionKey(processKey).singleResult();
    Set<String> names = new TreeSet<>();
    for (HistoricVariableInstance v : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      if (v.getTaskId() == null) {
        names.add(v.getName());
      }
    }
    return names;
  }

  private static Path modelOf(String processKey) throws Exception {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn"))
          .filter(p -> Bpmn.readModelFromFile(p.toFile()).getModelElementById(processKey) != null)
          .findFirst().orElseThrow(() -> new AssertionError("no model of process " + processKey));
    }
  }

  /** Field keys (and dynamic lists' paths) of every form in forms/, by form id. */
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
      collect(component, keys);
    }
  }

  private static String unescape(String xml) {
    return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
