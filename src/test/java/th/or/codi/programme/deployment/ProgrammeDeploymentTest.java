package th.or.codi.programme.deployment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.DemoApplicationTest;

@DemoApplicationTest
class ProgrammeDeploymentTest {

  @Autowired RepositoryService repositoryService;

  @Test
  void everyModelAndFormOfTheProjectIsDeployedUnderItsProjectPath() throws IOException {
    Deployment deployment =
        repositoryService
            .createDeploymentQuery()
            .deploymentName("joint-programme")
            .orderByDeploymentTime()
            .desc()
            .list()
            .get(0);

    List<String> deployed = repositoryService.getDeploymentResourceNames(deployment.getId());

    assertThat(deployed).containsExactlyInAnyOrderElementsOf(projectFiles());
    assertThat(deployed).contains("bpmn/province-readiness.dmn");
  }

  /**
   * The streaming scan finds exactly the start forms the model API finds, in every model of the
   * project, and none of a sub-process's or an event sub-process's start events.
   */
  @Test
  void startFormsAreTheProcessesOwnStartEventsFormRefs() throws IOException {
    int withStartForm = 0;
    try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        Set<String> expected = new HashSet<>();
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
          if (start.getParentElement() instanceof Process && start.getCamundaFormRef() != null) {
            expected.add(start.getCamundaFormRef());
          }
        }
        assertThat(ProgrammeDeployment.startFormRefs(file.toString(), bytes))
            .as(file.toString())
            .isEqualTo(expected);
        withStartForm += expected.isEmpty() ? 0 : 1;
      }
    }
    assertThat(withStartForm).as("models with a start form").isPositive();

    String nested =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("p")
                .startEvent("s")
                .camundaFormRef("outer")
                .subProcess()
                .embeddedSubProcess()
                .startEvent("inner")
                .camundaFormRef("inner-form")
                .endEvent()
                .subProcessDone()
                .endEvent()
                .done());
    assertThat(ProgrammeDeployment.startFormRefs("p.bpmn", nested.getBytes(UTF_8)))
        .containsExactly("outer");
    assertThatThrownBy(
            () -> ProgrammeDeployment.startFormRefs("broken.bpmn", "<definitions".getBytes(UTF_8)))
        .hasMessageContaining("broken.bpmn");
  }

  @Test
  void theReadinessDecisionIsDeployedWithAHistoryTimeToLive() {
    var decision =
        repositoryService
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey("provinceReadiness")
            .latestVersion()
            .singleResult();
    assertThat(decision).isNotNull();
    assertThat(decision.getHistoryTimeToLive()).isEqualTo(3650);
  }

  @Test
  void patternsMustStartWithAFixedFolder() {
    assertThat(ProgrammeDeployment.baseFolder("classpath*:bpmn/**/*.bpmn")).isEqualTo("bpmn");
    assertThat(ProgrammeDeployment.baseFolder("classpath*:/forms/**/*.form")).isEqualTo("forms");
    assertThatThrownBy(() -> ProgrammeDeployment.baseFolder("classpath*:**/*.bpmn"))
        .hasMessageContaining("must start with a fixed folder");
  }

  /** Files a modeller put in bpmn/ and forms/, as deployment resource names. */
  static List<String> projectFiles() throws IOException {
    List<String> files = new java.util.ArrayList<>();
    for (String folder : List.of("bpmn", "forms")) {
      Path root = Path.of(folder);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .map(p -> p.toString().replace('\\', '/'))
            .filter(
                name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))
            .forEach(files::add);
      }
    }
    return files;
  }
}
