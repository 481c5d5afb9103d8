package th.or.codi.programme.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/** The process keys in Java are the models' own: a renamed process fails here, not in Cockpit. */
class ProgrammeProcessesTest {

  static Set<String> constants() {
    return Arrays.stream(ProgrammeProcesses.class.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(ProgrammeProcessesTest::value)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<BpmnModelInstance> models() throws IOException {
    return Files.walk(Path.of("bpmn"))
        .filter(p -> p.toString().endsWith(".bpmn"))
        .map(p -> Bpmn.readModelFromFile(p.toFile()));
  }

  @Test
  void everyProcessOfTheModelsHasItsKeyHereAndNoOther() throws IOException {
    Set<String> ids;
    try (Stream<BpmnModelInstance> models = models()) {
      ids =
          models
              .flatMap(m -> m.getModelElementsByType(Process.class).stream())
              .map(Process::getId)
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(constants()).isEqualTo(ids);
  }

  @Test
  void everyCalledProcessIsOneOfThem() throws IOException {
    Set<String> called;
    try (Stream<BpmnModelInstance> models = models()) {
      called =
          models
              .flatMap(m -> m.getModelElementsByType(CallActivity.class).stream())
              .map(CallActivity::getCalledElement)
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(called)
        .containsExactlyInAnyOrder(
            ProgrammeProcesses.PIPELINE,
            ProgrammeProcesses.UNDERSTANDING_FORUM,
            ProgrammeProcesses.STUDY_VISIT,
            ProgrammeProcesses.JOINT_DESIGN,
            ProgrammeProcesses.IMPLEMENTATION);
  }
}
