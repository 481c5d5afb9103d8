package th.or.codi.programme.api;

import jakarta.ws.rs.Path;

/**
 * {@link ProgrammeApi} at {@code /engine-rest/programme}: registered as a class, Jersey
 * creates it per request, with the application's audit trail and dashboard.
 */
@Path("programme")
public class ProgrammeApiAtEngineRest extends ProgrammeApi {

  public ProgrammeApiAtEngineRest() {
    super(ProgrammeApiWiring.current());
  }
}
