package th.or.codi.programme.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;

/**
 * Failures that are neither an engine nor a REST exception (a listener's own exception, which the
 * engine lets through unwrapped on a process start): translated when a client's mistake is in the
 * cause chain ({@link RestErrors}), otherwise Camunda's answer, a 500.
 */
@Provider
@Priority(Priorities.USER - 100)
public class ProgrammeRuntimeExceptionMapper implements ExceptionMapper<RuntimeException> {

  private static final ExceptionHandler CAMUNDA = new ExceptionHandler();

  @Context private UriInfo uri;

  @Override
  public Response toResponse(RuntimeException exception) {
    if (exception instanceof jakarta.ws.rs.WebApplicationException web) {
      return CAMUNDA.toResponse(web); // JAX-RS's own answers (404 of an unknown path, 405, 415, …)
    }
    Response translated = RestErrors.translate(exception, uri == null ? null : uri.getPath());
    return translated != null ? translated : CAMUNDA.toResponse(exception);
  }
}
