package th.or.codi.programme.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * Wires the evidence files: the service, {@code /engine-rest/programme/evidence/…} (authenticated
 * by the REST API's HTTP Basic filter) and what Tasklist's plugin resource builds its {@link
 * EvidenceApi} from.
 */
@Configuration(proxyBeanMethods = false)
public class EvidenceConfiguration {

  @Bean
  EvidenceService evidenceService(
      ProcessEngine engine, ProvinceReferenceData provinces, EvidenceProperties properties) {
    return new EvidenceService(engine, provinces, properties);
  }

  @Bean
  EvidenceApiPlugin evidenceApiPlugin(
      EvidenceProperties properties, ProvinceReferenceData provinces, ObjectMapper json) {
    return new EvidenceApiPlugin(properties, provinces, json);
  }

  @Bean
  ResourceConfigCustomizer evidenceRestEndpoints(EvidenceService evidence, ObjectMapper json) {
    return config -> config.register(new EvidenceApi(evidence, json));
  }
}
