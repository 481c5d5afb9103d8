package th.or.codi.programme.pipeline;

import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A start refused because the province (or the region) already has the pipeline (or programme) it
 * asks for, or a later one: the REST APIs answer 409 naming the existing instance ({@code
 * web/RestErrors}).
 */
public class PipelineAlreadyStartedException extends BadUserRequestException {

  private final String existingBusinessKey;
  private final String existingState;
  private final Date existingStarted;

  PipelineAlreadyStartedException(String message, PipelineStarts.Existing existing) {
    super(message);
    this.existingBusinessKey = existing.businessKey();
    this.existingState = existing.state();
    this.existingStarted = existing.started();
  }

  /** Business key of the pipeline or programme that is already there. */
  public String existingBusinessKey() {
    return existingBusinessKey;
  }

  /** The engine's state of it: ACTIVE, SUSPENDED, COMPLETED, INTERNALLY_TERMINATED. */
  public String existingState() {
    return existingState;
  }

  public Date existingStarted() {
    return existingStarted;
  }
}
