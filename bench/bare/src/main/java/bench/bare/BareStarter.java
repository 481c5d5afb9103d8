package bench.bare;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The Camunda 7 Spring Boot starter as its documentation sets it up, and nothing else: the
 * programme's benchmark measures its start-up and its REST API under the same load as the
 * programme's. The one addition is the engine's own HTTP Basic filter on {@code /engine-rest}
 * (Camunda's documented way to authenticate the REST API), without which authorization would
 * check nothing: a request without a user passes every check.
 */
@SpringBootApplication
public class BareStarter {

  public static void main(String[] args) {
    SpringApplication.run(BareStarter.class, args);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        "authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
