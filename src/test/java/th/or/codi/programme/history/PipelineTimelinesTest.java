package th.or.codi.programme.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;

/**
 * The overrun timers the timeline reads from history are the models' own: each id a timer boundary
 * event of the process that runs the stage it names, so a renamed event cannot make overruns
 * silently vanish from the timeline.
 */
class PipelineTimelinesTest {

  private static final Map<String, String> MODEL_OF_STAGE =
      Map.of(
          "understanding-forum", "provincial-pipeline.bpmn",
          "study-visit", "provincial-pipeline.bpmn",
          "joint-design", "provincial-pipeline.bpmn",
          "implementation", "implementation.bpmn");

  @Test
  void everyOverrunTimerIsATimerBoundaryEventOfItsModel() throws IOException {
    assertThat(PipelineTimelines.OVERRUN_TIMERS.values())
        .containsExactlyInAnyOrderElementsOf(MODEL_OF_STAGE.keySet());
    for (Map.Entry<String, String> timer : PipelineTimelines.OVERRUN_TIMERS.entrySet()) {
      Path file = Path.of("bpmn", MODEL_OF_STAGE.get(timer.getValue()));
      BpmnModelInstance model;
      try (var in = Files.newInputStream(file)) {
        model = Bpmn.readModelFromStream(in);
      }
      BoundaryEvent event = model.getModelElementById(timer.getKey());
      assertThat(event).as(timer.getKey() + " in " + file).isNotNull();
      assertThat(event.getEventDefinitions())
          .as(timer.getKey())
          .hasAtLeastOneElementOfType(TimerEventDefinition.class);
    }
  }
}
