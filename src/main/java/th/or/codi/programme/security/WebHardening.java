package th.or.codi.programme.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Response headers for everything the server answers ({@link SecurityHeaders}). Cookies are
 * configured in the YAML files: Spring's {@code server.servlet.session.cookie.*} alone sets the
 * session cookie's attributes (docs/security.md, "Hardening").
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityHeadersProperties.class)
public class WebHardening {

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeaders(SecurityHeadersProperties properties) {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders(properties));
    registration.setName("securityHeaders");
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC,
        DispatcherType.FORWARD, DispatcherType.INCLUDE);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
