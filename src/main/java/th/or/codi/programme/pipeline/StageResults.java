package th.or.codi.programme.pipeline;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * What a pipeline passes into a stage (a called process), and what the stage hands back.
 *
 * <p>In: the variables named in the call activity's extension property {@value #INPUTS} (the
 * pipeline's identity, and what the stage's forms, expressions and listeners read from earlier
 * stages), taken from what the model's {@code <camunda:in variables="all"/>} offers; a name the
 * pipeline does not hold yet is left out, not passed as null. Without the property, everything.
 * Passing everything cost each stage a copy of every earlier stage's answers (61 variables into the
 * implementation stage, each written three times in runtime and history tables). StageInputsTest
 * derives what each stage reads from its forms and model and checks the property names it all.
 *
 * <p>Out: every variable the stage created or changed, and nothing else (a value counts as
 * unchanged when it equals the pipeline's own, JSON compared by its text); {@code <camunda:out
 * variables="all"/>} wrote every one back, most of them unchanged.
 */
@Component("stageResults")
public class StageResults implements DelegateVariableMapping {

  /** The call activity's extension property naming the variables passed in, separated by spaces. */
  public static final String INPUTS = "stage-inputs";

  private final Map<String, Set<String>> inputsByActivity = new ConcurrentHashMap<>();

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    Set<String> inputs =
        inputsByActivity.computeIfAbsent(
            superExecution.getProcessDefinitionId() + "#" + superExecution.getCurrentActivityId(),
            k -> inputs(superExecution.getBpmnModelElementInstance()));
    if (!inputs.isEmpty()) {
      subVariables.keySet().retainAll(inputs);
    }
  }

  /** The names in the element's {@value #INPUTS} property; empty when it has none. */
  public static Set<String> inputs(BaseElement element) {
    if (element == null || element.getExtensionElements() == null) {
      return Set.of();
    }
    return element
        .getExtensionElements()
        .getElementsQuery()
        .filterByType(CamundaProperties.class)
        .list()
        .stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> INPUTS.equals(p.getCamundaName()) && p.getCamundaValue() != null)
        .map(CamundaProperty::getCamundaValue)
        .flatMap(v -> Arrays.stream(v.trim().split("\\s+")))
        .filter(n -> !n.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    VariableMap stage = subInstance.getVariablesTyped();
    for (String name : stage.keySet()) {
      TypedValue value = stage.getValueTyped(name);
      if (changed(superExecution.getVariableTyped(name), value)) { // null before: a new variable
        superExecution.setVariable(name, value);
      }
    }
  }

  static boolean changed(TypedValue before, TypedValue after) {
    if (before == null || after == null) {
      return before != after;
    }
    if (!Objects.equals(before.getType(), after.getType())) {
      return true;
    }
    Object a = before.getValue();
    Object b = after.getValue();
    if (a instanceof SpinJsonNode || b instanceof SpinJsonNode) {
      return !String.valueOf(a).equals(String.valueOf(b));
    }
    return !Objects.equals(a, b);
  }
}
