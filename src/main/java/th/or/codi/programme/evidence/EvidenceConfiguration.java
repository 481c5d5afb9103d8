package th.or.codi.programme.evidence;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/** Wires the evidence files: the service both REST APIs answer from. */
@Configuration(proxyBeanMethods = false)
public class EvidenceConfiguration {

  @Bean
  EvidenceService evidenceService(
      ProcessEngine engine, ProvinceReferenceData provinces, EvidenceProperties properties) {
    return new EvidenceService(engine, provinces, properties);
  }
}
