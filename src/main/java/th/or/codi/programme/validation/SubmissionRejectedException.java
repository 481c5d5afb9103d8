package th.or.codi.programme.validation;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.messages.Messages;

/**
 * A task completion or process start whose values break its form or the programme's rules. Thrown
 * inside the engine command, so nothing of the submission is kept: the task stays open, no variable
 * is written and history records no completion. The engine wraps exceptions of listeners; {@link
 * #in(Throwable)} finds this one in a cause chain.
 */
public class SubmissionRejectedException extends ProcessEngineException {

  private final String formId;
  private final List<FieldError> errors;

  public SubmissionRejectedException(String formId, List<FieldError> errors) {
    super(summary(errors));
    this.formId = formId;
    this.errors = List.copyOf(errors);
  }

  public String formId() {
    return formId;
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    return Messages.thai(
            "validation.rejected.summary",
            errors.size(),
            errors.stream().map(FieldError::th).collect(Collectors.joining("; ")))
        + " / "
        + Messages.english(
            "validation.rejected.summary",
            errors.size(),
            errors.stream().map(FieldError::en).collect(Collectors.joining("; ")));
  }

  /** This exception if it is {@code t} or one of its causes. */
  public static SubmissionRejectedException in(Throwable t) {
    return EngineHooks.cause(t, SubmissionRejectedException.class);
  }
}
