package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The house rules of {@code bpmn/} and {@code forms/}, checked on the files a modeller edits: every
 * user task has a party, a form from the same deployment, a due date and a reminder; every duration
 * comes from configuration; every element has diagram interchange.
 */
class ModelConventionsTest {

  static Stream<Path> models() throws IOException {
    return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        SpinJsonNode json = Spin.JSON(Files.readString(form));
        String id = json.prop("id").stringValue();
        assertThat(form.getFileName().toString())
            .as("file name of form " + id)
            .isEqualTo(id + ".form");
        assertThat(ids.add(id)).as("form id %s is unique", id).isTrue();
      }
    }
    return ids;
  }

  private static BpmnModelInstance read(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyUserTaskHasAPartyAFormADueDateAndAReminder(Path file) throws IOException {
    Set<String> forms = formIds();
    for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
      String what = file + " " + task.getId();
      assertThat(task.getCamundaCandidateGroups()).as(what + " candidate group").isNotBlank();
      assertThat(task.getCamundaAssignee())
          .as(what + " is assigned to a group, not a person")
          .isNull();
      assertThat(task.getCamundaFormRef()).as(what + " formRef").isIn(forms);
      assertThat(task.getCamundaFormRefBinding())
          .as(what + " formRef binding")
          .isEqualTo("deployment");
      assertThat(task.getCamundaDueDate())
          .as(what + " due date from configuration")
          .startsWith("${deadlines.");
      Collection<CamundaTaskListener> listeners =
          task.getExtensionElements()
              .getElementsQuery()
              .filterByType(CamundaTaskListener.class)
              .list();
      assertThat(listeners)
          .as(what + " reminder when overdue")
          .anySatisfy(
              l -> {
                assertThat(l.getCamundaEvent()).isEqualTo("timeout");
                assertThat(l.getCamundaDelegateExpression()).isEqualTo("${taskReminder}");
              });
      assertThat(task.getName()).as(what + " has a Thai name").containsPattern("\\p{InThai}");
      assertThat(task.getDocumentations())
          .as(what + " has a description (documentation)")
          .isNotEmpty();
      List<String> description =
          task.getDocumentations().iterator().next().getTextContent().strip().lines().toList();
      assertThat(description.get(0))
          .as(what + ": Tasklist's description starts with one line of Thai")
          .containsPattern("\\p{InThai}");
      assertThat(description)
          .as(what + ": then the English meaning")
          .hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void startEventsPeopleTriggerHaveAFormAndCalledStagesAreNotStartableInTasklist(Path file)
      throws IOException {
    Set<String> forms = formIds();
    for (Process process : read(file).getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString())
          .as(file + " historyTimeToLive")
          .isNotBlank();
      List<StartEvent> starts = process.getChildElementsByType(StartEvent.class).stream().toList();
      assertThat(starts).hasSize(1);
      if (process.isCamundaStartableInTasklist()) {
        assertThat(starts.get(0).getCamundaFormRef()).as(file + " start form").isIn(forms);
        assertThat(starts.get(0).getCamundaFormRefBinding()).isEqualTo("deployment");
      } else {
        assertThat(starts.get(0).getCamundaFormRef()).isNull();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyTimerComesFromConfiguration(Path file) {
    BpmnModelInstance model = read(file);
    List<String> expressions = new ArrayList<>();
    model.getModelElementsByType(TimeDate.class).forEach(t -> expressions.add(t.getTextContent()));
    model
        .getModelElementsByType(TimeDuration.class)
        .forEach(t -> expressions.add(t.getTextContent()));
    model.getModelElementsByType(TimeCycle.class).forEach(t -> expressions.add(t.getTextContent()));
    assertThat(expressions)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.trim()).startsWith("${deadlines."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyElementHasDiagramInterchangeAndAReadableId(Path file) {
    BpmnModelInstance model = read(file);
    Set<String> shapes = new HashSet<>();
    model
        .getModelElementsByType(BpmnShape.class)
        .forEach(s -> shapes.add(s.getBpmnElement().getId()));
    Set<String> edges = new HashSet<>();
    model
        .getModelElementsByType(BpmnEdge.class)
        .forEach(e -> edges.add(e.getBpmnElement().getId()));
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(shapes).as(file + " DI of " + node.getId()).contains(node.getId());
      assertThat(node.getId())
          .as(file + " readable id")
          .matches("(Activity|Event|StartEvent|Gateway)_[A-Z][A-Za-z]+");
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(edges).as(file + " DI of " + flow.getId()).contains(flow.getId());
      assertThat(flow.getId()).as(file + " readable id").matches("Flow_[A-Z][A-Za-z]+");
    }
    for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
      assertThat(sub.getId()).startsWith("Activity_");
    }
  }

  @Test
  void everyFormIsUsedByAModel() throws IOException {
    Set<String> used = new HashSet<>();
    for (Path file : models().toList()) {
      BpmnModelInstance model = read(file);
      model.getModelElementsByType(UserTask.class).forEach(t -> used.add(t.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).stream()
          .map(StartEvent::getCamundaFormRef)
          .filter(java.util.Objects::nonNull)
          .forEach(used::add);
    }
    assertThat(formIds()).containsExactlyInAnyOrderElementsOf(used);
  }
}
