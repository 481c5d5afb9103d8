package th.or.codi.programme.security;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import th.or.codi.programme.identity.ProgrammeGroups;

/**
 * {@code /actuator/prometheus} answers only HTTP Basic credentials of a user of Camunda's identity
 * store in the {@code monitoring} or {@code camunda-admin} group (401 without valid credentials,
 * 403 for anyone else): the figures name no person, but they are the programme's own. {@code
 * /actuator/health} stays open; the endpoints not exposed answer 404 as before.
 *
 * <p>The engine's authentication is deliberately not set here: the gauges count every task and
 * pipeline, which the engine would narrow to the caller's own if it knew who asks.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsAccess {

  static final Set<String> GROUPS =
      Set.of(ProgrammeGroups.MONITORING, ProgrammeGroups.ADMINISTRATORS);

  @Bean
  @Order(2)
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(paths.matcher("/actuator/**"))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        paths.matcher("/actuator/prometheus"),
                        paths.matcher("/actuator/prometheus/**"))
                    .hasAnyAuthority(GROUPS.toArray(String[]::new))
                    .anyRequest()
                    .permitAll());
    return RestApiSecurity.statelessBasic(http, ApiRefusals.actuator())
        .exceptionHandling(
            exceptions -> exceptions.accessDeniedHandler(ApiRefusals.metricsRefused()))
        .build();
  }
}
