package th.or.codi.programme.web;

import jakarta.ws.rs.Path;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import th.or.codi.programme.audit.AuditTrail;
import th.or.codi.programme.dashboard.ProgrammeDashboard;

/** {@link ProgrammeResource} at {@code /engine-rest/programme}. */
@Path("programme")
public class ProgrammeRestApi extends ProgrammeResource {

  public ProgrammeRestApi(AuditTrail audit, ProgrammeDashboard dashboard, IdentityService identity, Clock clock) {
    super(audit, dashboard, identity, clock);
  }
}
