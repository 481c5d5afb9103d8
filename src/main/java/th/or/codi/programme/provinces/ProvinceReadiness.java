package th.or.codi.programme.provinces;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Runs the deployed {@code provinceReadiness} decision ({@code bpmn/province-readiness.dmn}) for a
 * province of the reference data.
 */
@Component
public class ProvinceReadiness {

  public static final String DECISION_KEY = "provinceReadiness";

  private final DecisionService decisionService;

  public ProvinceReadiness(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /** The decision's inputs for a province, as the DMN and the processes name them. */
  public static VariableMap inputs(Province province, int fiscalYear) {
    return Variables.createVariables()
        .putValue("thaihealthStatus", province.thaihealthStatus().value())
        .putValue("thaihealthYear", province.thaihealthYear())
        .putValue("movementStrength", province.movementStrength())
        .putValue("codiNode", province.codiNode())
        .putValue("thaihealthNode", province.thaihealthNode())
        .putValue("fiscalYear", fiscalYear);
  }

  public Assessment assess(Province province, int fiscalYear) {
    return evaluate(inputs(province, fiscalYear));
  }

  public Assessment evaluate(Map<String, Object> inputs) {
    DmnDecisionResultEntries result =
        decisionService
            .evaluateDecisionByKey(DECISION_KEY)
            .variables(inputs)
            .evaluate()
            .getSingleResult();
    return new Assessment(
        Readiness.fromValue(result.getEntry("readiness")), result.getEntry("readinessReason"));
  }

  /** The decision's outcome: readiness and the reason in Thai. */
  public record Assessment(Readiness readiness, String reason) {}

  /** Output values of the decision. */
  public enum Readiness {
    PILOT_READY("pilot-ready"),
    NEXT_WAVE("next-wave"),
    NOT_YET("not-yet");

    private final String value;

    Readiness(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }

    public static Readiness fromValue(String value) {
      for (Readiness readiness : values()) {
        if (readiness.value.equals(value)) {
          return readiness;
        }
      }
      throw new IllegalStateException("provinceReadiness returned an unknown readiness: " + value);
    }
  }
}
