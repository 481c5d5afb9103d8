package th.or.codi.programme.web;

import jakarta.ws.rs.Path;
import th.or.codi.programme.cockpit.ProgrammeEndpoints;

/**
 * {@link ProgrammeResource} at {@code /engine-rest/programme}: registered as a class, Jersey
 * creates it per request, with the application's audit trail and dashboard.
 */
@Path("programme")
public class ProgrammeRestApi extends ProgrammeResource {

  public ProgrammeRestApi() {
    super(ProgrammeEndpoints.current());
  }
}
