package th.or.codi.programme.provinces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table tests of {@code bpmn/province-readiness.dmn}: one row per rule, each asserting which rule
 * matched first and what it decided, and a check that the rows cover every rule.
 */
class ProvinceReadinessDecisionTest {

  private static final Path DMN = Path.of("bpmn/province-readiness.dmn");
  private static final int FISCAL_YEAR = 2562;

  private static final List<String> matchedRules = new ArrayList<>();
  private static final Set<String> coveredRules = new HashSet<>();
  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    DefaultDmnEngineConfiguration configuration = new DefaultDmnEngineConfiguration();
    configuration.customPostDecisionEvaluationListeners(
        List.of(
            new DmnDecisionEvaluationListener() {
              @Override
              public void notify(DmnDecisionEvaluationEvent event) {
                DmnDecisionTableEvaluationEvent table =
                    (DmnDecisionTableEvaluationEvent) event.getDecisionResult();
                table.getMatchingRules().stream()
                    .map(DmnEvaluatedDecisionRule::getId)
                    .forEach(matchedRules::add);
              }
            }));
    dmnEngine = configuration.buildEngine();
    try (InputStream in = Files.newInputStream(DMN)) {
      decision = dmnEngine.parseDecision(ProvinceReadiness.DECISION_KEY, in);
    }
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        // rule, status, year, strength, codi node, thaihealth node -> readiness
        Arguments.of("Rule_WeakMovement", "flagship", 2561, 1, true, true, "not-yet"),
        Arguments.of("Rule_FlagshipArea", "flagship", 2561, 3, false, false, "pilot-ready"),
        Arguments.of("Rule_PreparationArea", "preparation", 2563, 3, true, false, "pilot-ready"),
        Arguments.of(
            "Rule_ThaiHealthAreaNeedsPreparation", "preparation", 2565, 5, true, true, "next-wave"),
        Arguments.of("Rule_BothNodes", "none", null, 3, true, true, "next-wave"),
        Arguments.of("Rule_CodiNodeOnly", "none", null, 4, true, false, "next-wave"),
        Arguments.of("Rule_ThaiHealthNodeOnly", "none", null, 5, false, true, "next-wave"),
        Arguments.of("Rule_NotYet", "none", null, 5, false, false, "not-yet"));
  }

  @ParameterizedTest(name = "{0}: {1} {2}, strength {3}, nodes {4}/{5} -> {6}")
  @MethodSource("rules")
  void firstMatchingRuleDecides(
      String rule,
      String status,
      Integer year,
      int strength,
      boolean codiNode,
      boolean thaihealthNode,
      String readiness) {
    DmnDecisionResult result = evaluate(status, year, strength, codiNode, thaihealthNode);

    assertThat(matchedRules).containsExactly(rule);
    assertThat((String) result.getSingleResult().getEntry("readiness")).isEqualTo(readiness);
    assertThat((String) result.getSingleResult().getEntry("readinessReason"))
        .as("the reason is written in Thai")
        .containsPattern("\\p{InThai}{3,}");
    coveredRules.add(rule);
  }

  @Test
  void preparationAreaMoreThanAYearAheadWaitsForTheNextWave() {
    evaluate("preparation", FISCAL_YEAR + 2, 4, true, true);
    assertThat(matchedRules).containsExactly("Rule_ThaiHealthAreaNeedsPreparation");
  }

  @Test
  void preparationAreaWithoutACodiNodeIsNotAPilot() {
    evaluate("preparation", FISCAL_YEAR, 4, false, true);
    assertThat(matchedRules).containsExactly("Rule_ThaiHealthAreaNeedsPreparation");
  }

  @Test
  void weakFlagshipAreaWaits() {
    evaluate("flagship", 2561, 2, true, true);
    assertThat(matchedRules).containsExactly("Rule_ThaiHealthAreaNeedsPreparation");
  }

  @AfterAll
  static void everyRuleOfTheTableIsCovered() throws Exception {
    Collection<Rule> rules;
    try (InputStream in = Files.newInputStream(DMN)) {
      rules = Dmn.readModelFromStream(in).getModelElementsByType(Rule.class);
    }
    assertThat(coveredRules)
        .as("every rule of %s has a row in rules()", DMN)
        .containsExactlyInAnyOrderElementsOf(rules.stream().map(Rule::getId).toList());
  }

  private static DmnDecisionResult evaluate(
      String status, Integer year, int strength, boolean codiNode, boolean thaihealthNode) {
    matchedRules.clear();
    return dmnEngine.evaluateDecision(
        decision,
        Variables.createVariables()
            .putValue("thaihealthStatus", status)
            .putValue("thaihealthYear", year)
            .putValue("movementStrength", strength)
            .putValue("codiNode", codiNode)
            .putValue("thaihealthNode", thaihealthNode)
            .putValue("fiscalYear", FISCAL_YEAR));
  }
}
