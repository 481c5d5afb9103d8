package th.or.codi.programme.web;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import th.or.codi.programme.evidence.EvidenceApi;
import th.or.codi.programme.evidence.EvidenceProperties;
import th.or.codi.programme.security.RestAllowListFilter;

/**
 * The programme's additions to both REST APIs, {@code /engine-rest} and the one the webapps use
 * under {@code /camunda/api/engine}: clear errors ({@link RestErrors}), a limit on the size of a
 * request ({@link RequestSizeLimit}) and the allow-list of operations for everyone but
 * administrators ({@link RestAllowListFilter}). What a person may submit is checked in the engine,
 * for every path ({@link th.or.codi.programme.security.CommandPolicy}).
 */
@Configuration
@EnableConfigurationProperties(RestProperties.class)
public class RestApiConfiguration {

  static final Class<?>[] MAPPERS = {
    ProgrammeRestExceptionMapper.class,
    ProgrammeEngineExceptionMapper.class,
    ProgrammeRuntimeExceptionMapper.class,
    ProgrammeJsonExceptionMapper.Mapping.class,
    ProgrammeJsonExceptionMapper.Parsing.class,
    RestAllowListFilter.class
  };

  static {
    // the webapps' REST application registers Camunda's configuration classes when its servlet
    // starts, after this class is loaded
    for (Class<?> mapper : MAPPERS) {
      CamundaRestResources.getConfigurationClasses().add(mapper);
    }
  }

  @Bean
  ResourceConfigCustomizer programmeRestErrors() {
    return config -> {
      for (Class<?> mapper : MAPPERS) {
        if (!config.isRegistered(mapper)) {
          config.register(mapper);
        }
      }
    };
  }

  @Bean
  FilterRegistrationBean<ErrorPathRequests> errorPathRequests(
      @org.springframework.beans.factory.annotation.Value("${server.error.path:/error}")
          String errorPath) {
    FilterRegistrationBean<ErrorPathRequests> registration =
        new FilterRegistrationBean<>(new ErrorPathRequests());
    registration.addUrlPatterns(errorPath, errorPath + "/*");
    registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("errorPathRequests");
    return registration;
  }

  /**
   * The upload of evidence files, in either REST API: up to a task's whole allowance of evidence
   * (programme.evidence.max-task-size) and the multipart framing, instead of
   * programme.rest.max-request-size.
   */
  static final Pattern EVIDENCE_UPLOAD =
      Pattern.compile(
          "/(?:engine-rest/programme/evidence|camunda/api/tasklist/plugin/evidence/[^/]+)"
              + "/tasks/[^/]+/files/?");

  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
      RestProperties properties, EvidenceProperties evidence) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(
            new RequestSizeLimit(
                properties.maxRequestSize().toBytes(),
                EVIDENCE_UPLOAD,
                Math.max(
                    properties.maxRequestSize().toBytes(),
                    evidence.maxTaskSize().toBytes() + EvidenceApi.MULTIPART_OVERHEAD)));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.setName("requestSizeLimit");
    return registration;
  }
}
