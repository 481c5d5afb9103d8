package th.or.codi.programme.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.or.codi.programme.dashboard.ProgrammeDashboard;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * Publishes the programme's endpoints under {@code /engine-rest/programme} and gives the metrics
 * their dashboard. Cockpit's side needs nothing from here: its plugin resource builds the same
 * {@link ProgrammeApi} from the engine it is handed ({@link ProgrammeApiPlugin}).
 */
@Configuration(proxyBeanMethods = false)
public class ProgrammeApiWiring {

  @Bean
  ProgrammeDashboard programmeDashboard(ProcessEngine engine, ProvinceReferenceData provinces) {
    return new ProgrammeDashboard(engine, provinces);
  }

  /** {@code /engine-rest/programme/…}, authenticated by the REST API's HTTP Basic filter. */
  @Bean
  ResourceConfigCustomizer programmeRestEndpoints(
      ProcessEngine engine, ProvinceReferenceData provinces, ObjectMapper json) {
    return config ->
        config.register(new ProgrammeApiAtEngineRest(engine, provinces, Clock.systemUTC(), json));
  }
}
