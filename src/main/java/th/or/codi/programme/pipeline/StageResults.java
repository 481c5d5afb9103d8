package th.or.codi.programme.pipeline;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * What a stage (a called process) hands back to its pipeline: every variable the stage
 * created or changed, and nothing else. The pipeline passes all its variables into each stage
 * ({@code <camunda:in variables="all"/>}) so forms and listeners there see the province and the
 * wave; {@code <camunda:out variables="all"/>} then wrote every one of them back on the way out,
 * although most were unchanged: about 70 variable updates per stage in the history, the largest
 * single cost the benchmark found in a pipeline (bench/README.md). A value counts as unchanged
 * when it equals the pipeline's own (JSON compared by its text).
 */
@Component("stageResults")
public class StageResults implements DelegateVariableMapping {

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    // the model's <camunda:in variables="all"/> passes everything in
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
