package th.or.codi.programme.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/**
 * A delegate that refuses what was asked for (PipelineStages.prepare: a province that is not in the
 * programme) answers 400 with its Thai and English message, not the 500 Camunda's start and
 * complete resources wrap every engine failure in.
 */
class BadUserRequestStatusTest {

  private static final String REFUSAL =
      "จังหวัด 'TH-61' ไม่อยู่ในโครงการ / Province 'TH-61' is not a programme province";

  @Test
  void aDelegatesRefusalWrappedAs500Is400WithItsMessage() {
    // as Camunda's submit-form resource wraps a failure of ${pipelineStages.prepare(execution)}
    RestException wrapped =
        new RestException(
            Response.Status.INTERNAL_SERVER_ERROR,
            new ProcessEngineException(
                "Error while evaluating expression",
                new RuntimeException("invocation", new BadUserRequestException(REFUSAL))),
            "Cannot instantiate process definition provincialPipeline:2:x: " + REFUSAL);

    Response response =
        RestErrors.translate(wrapped, "/process-definition/key/provincialPipeline/submit-form");

    assertThat(response.getStatus()).isEqualTo(400);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) response.getEntity();
    assertThat(body).containsEntry("type", "BadUserRequest").containsEntry("message", REFUSAL);
  }

  @Test
  void otherFailuresKeepCamundasAnswer() {
    RestException failure =
        new RestException(
            Response.Status.INTERNAL_SERVER_ERROR,
            new ProcessEngineException("database down"),
            "Cannot instantiate process definition x");
    assertThat(RestErrors.translate(failure, "/process-definition/key/x/submit-form")).isNull();
  }
}
