package th.or.codi.programme.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/** Engine failures that reach JAX-RS unwrapped; see {@link RestErrors}. */
@Provider
@Priority(Priorities.USER - 100)
public class ProgrammeEngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

  private static final ProcessEngineExceptionHandler CAMUNDA = new ProcessEngineExceptionHandler();

  @Context private UriInfo uri;

  @Override
  public Response toResponse(ProcessEngineException exception) {
    Response translated = RestErrors.translate(exception, uri == null ? null : uri.getPath());
    return translated != null ? translated : CAMUNDA.toResponse(exception);
  }
}
