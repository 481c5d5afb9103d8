package th.or.codi.programme.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
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
