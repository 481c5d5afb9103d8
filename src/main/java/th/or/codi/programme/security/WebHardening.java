package th.or.codi.programme.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import java.util.EnumSet;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Response headers for everything the server answers ({@link SecurityHeaders}) and the webapps'
 * CSRF check without the logout ({@link SessionKeepingCsrfFilter}). Cookies are configured in the
 * YAML files: Spring's {@code server.servlet.session.cookie.*} alone sets the session cookie's
 * attributes (docs/security.md, "Hardening").
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityHeadersProperties.class)
public class WebHardening {

  /** The name under which Camunda's webapp initializer registers its CSRF filter. */
  static final String CSRF_FILTER_NAME = "CsrfPreventionFilter";

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders(SecurityHeadersProperties properties) {
    FilterRegistrationBean<SecurityHeaders> registration =
        new FilterRegistrationBean<>(new SecurityHeaders(properties));
    registration.setName("securityHeaders");
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(
        DispatcherType.REQUEST,
        DispatcherType.ERROR,
        DispatcherType.ASYNC,
        DispatcherType.FORWARD,
        DispatcherType.INCLUDE);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Registers {@link SessionKeepingCsrfFilter} under Camunda's name, with Camunda's {@code
   * camunda.bpm.webapp.csrf.*} parameters and URL patterns, before Camunda's initializer runs: that
   * initializer registers a filter only when no filter of that name exists, so Camunda's own class
   * is not registered at all and no request reaches it.
   */
  @Bean
  static ServletContextInitializer sessionKeepingCsrfFilter(CamundaBpmProperties camunda) {
    return new CsrfFilterInitializer(camunda);
  }

  static final class CsrfFilterInitializer implements ServletContextInitializer, Ordered {
    private final CamundaBpmProperties camunda;

    CsrfFilterInitializer(CamundaBpmProperties camunda) {
      this.camunda = camunda;
    }

    @Override
    public void onStartup(jakarta.servlet.ServletContext servletContext) {
      WebappProperty webapp = camunda.getWebapp();
      String path = webapp.getApplicationPath();
      FilterRegistration.Dynamic registration =
          servletContext.addFilter(CSRF_FILTER_NAME, SessionKeepingCsrfFilter.class);
      if (registration == null) {
        throw new IllegalStateException(
            "a filter named "
                + CSRF_FILTER_NAME
                + " was registered before "
                + SessionKeepingCsrfFilter.class.getName()
                + "; the webapps would keep Camunda's CSRF filter");
      }
      registration.setInitParameters(webapp.getCsrf().getInitParams());
      // as Camunda registers it: requests only, after the filters a web.xml declares
      registration.addMappingForUrlPatterns(
          EnumSet.of(DispatcherType.REQUEST), true, path + "/api/*", path + "/app/*");
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }
}
