package th.or.codi.programme.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/** Camunda's REST resources wrap engine failures in a RestException; see {@link RestErrors}. */
@Provider
@Priority(Priorities.USER - 100)
public class ProgrammeRestExceptionMapper implements ExceptionMapper<RestException> {

  private static final RestExceptionHandler CAMUNDA = new RestExceptionHandler();

  @Context private UriInfo uri;

  @Override
  public Response toResponse(RestException exception) {
    Response translated = RestErrors.translate(exception, uri == null ? null : uri.getPath());
    return translated != null ? translated : CAMUNDA.toResponse(exception);
  }
}
