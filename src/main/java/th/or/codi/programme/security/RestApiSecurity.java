package th.or.codi.programme.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security, in three filter chains. {@code /engine-rest/**}: every request but the engine
 * list must carry HTTP Basic credentials of a user in Camunda's identity store ({@link
 * EngineUserAuthenticationProvider}), and then runs with that user's authorization checks ({@link
 * EngineAuthenticationFilter}). {@code /actuator/**}: {@link MetricsAccess}. Everything else — the
 * Camunda webapps under {@code /camunda}, the welcome redirect, static files, error pages — passes
 * through untouched: the webapps keep their own session login and CSRF check ({@link
 * SessionKeepingCsrfFilter}), so Spring Security's CSRF, session, login, logout and headers are off
 * there.
 *
 * <p>The API chains are stateless (no session, no request cache) and keep Spring Security's default
 * headers ({@code X-Frame-Options: DENY}, {@code X-XSS-Protection: 0}, a {@code Cache-Control}
 * where Camunda sets none) on top of the project's own on every response ({@link SecurityHeaders});
 * Strict-Transport-Security stays with {@link SecurityHeaders}, configured by {@code
 * programme.security-headers.*}, so that it has one owner and is off in demo.
 */
@Configuration(proxyBeanMethods = false)
public class RestApiSecurity {

  @Bean
  EngineUserAuthenticationProvider engineUsers(ProcessEngine engine) {
    return new EngineUserAuthenticationProvider(engine);
  }

  /** Spring Security's firewall refuses crafted paths everywhere; this says so in Thai/English. */
  @Bean
  RequestRejectedHandler oddPathRefusal(ObjectMapper json) {
    return ApiRefusals.oddPath(json);
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRestSecurity(HttpSecurity http, ProcessEngine engine, ObjectMapper json)
      throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(paths.matcher("/engine-rest/**"))
        .authorizeHttpRequests(
            requests ->
                requests
                    // the engines' names, as Camunda's own filter left them public
                    .requestMatchers(
                        paths.matcher("/engine-rest/engine"), paths.matcher("/engine-rest/engine/"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .addFilterAfter(new EngineAuthenticationFilter(engine), AuthorizationFilter.class);
    return statelessBasic(http, ApiRefusals.engineRest(json)).build();
  }

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  SecurityFilterChain webappsUntouched(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(AbstractHttpConfigurer::disable)
        .securityContext(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .servletApi(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .exceptionHandling(AbstractHttpConfigurer::disable)
        .build();
  }

  /** HTTP Basic, no session, no CSRF (no cookie authenticates), Spring's headers but HSTS. */
  static HttpSecurity statelessBasic(HttpSecurity http, AuthenticationEntryPoint refusal)
      throws Exception {
    return http.httpBasic(basic -> basic.authenticationEntryPoint(refusal))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusal))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .csrf(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.httpStrictTransportSecurity(hsts -> hsts.disable()));
  }
}
