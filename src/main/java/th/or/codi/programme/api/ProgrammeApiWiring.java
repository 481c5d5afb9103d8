package th.or.codi.programme.api;

import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.or.codi.programme.audit.AuditTrail;
import th.or.codi.programme.dashboard.ProgrammeDashboard;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * Wires the audit trail and the dashboard, and publishes them in both REST APIs. Cockpit's
 * plugin resources are created by the webapps' own JAX-RS application, outside Spring, so they
 * find the one {@link ProgrammeApi} of this application through {@link #forEngine}.
 */
@Configuration(proxyBeanMethods = false)
public class ProgrammeApiWiring {

  private static volatile ProgrammeApi current;
  private static volatile String engineName;

  @Bean
  AuditTrail auditTrail(ProcessEngine engine) {
    return new AuditTrail(engine);
  }

  @Bean
  ProgrammeDashboard programmeDashboard(ProcessEngine engine, ProvinceReferenceData provinces) {
    return new ProgrammeDashboard(engine, provinces);
  }

  @Bean
  ProgrammeApi programmeApi(ProcessEngine engine, AuditTrail audit, ProgrammeDashboard dashboard) {
    ProgrammeApi resource = new ProgrammeApi(audit, dashboard, engine.getIdentityService(),
        engine.getAuthorizationService(), Clock.systemUTC());
    current = resource;
    engineName = engine.getName();
    return resource;
  }

  /** {@code /engine-rest/programme/…}, authenticated by the REST API's HTTP Basic filter. */
  @Bean
  ResourceConfigCustomizer programmeRestEndpoints(ProgrammeApi resource) {
    return config -> config.register(ProgrammeApiAtEngineRest.class);
  }

  /** The application's endpoints, for the REST API's per-request resource. */
  public static ProgrammeApi current() {
    if (current == null) {
      throw new IllegalStateException("the programme's endpoints are not set up yet");
    }
    return current;
  }

  public static ProgrammeApi forEngine(String name) {
    return name != null && name.equals(engineName) ? current : null;
  }
}
