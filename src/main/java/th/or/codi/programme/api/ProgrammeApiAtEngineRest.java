package th.or.codi.programme.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * {@link ProgrammeApi} at {@code /engine-rest/programme}: one instance, built by Spring from the
 * application's engine and reference data and registered as such in the REST API's Jersey
 * application ({@link ProgrammeApiWiring}); it keeps no per-request state.
 */
@Path("programme")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeApiAtEngineRest extends ProgrammeApi {

  public ProgrammeApiAtEngineRest(
      ProcessEngine engine, ProvinceReferenceData provinces, Clock clock, ObjectMapper json) {
    super(engine, provinces, clock, json);
  }
}
