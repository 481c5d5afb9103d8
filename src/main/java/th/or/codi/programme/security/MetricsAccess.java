package th.or.codi.programme.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import th.or.codi.programme.identity.ProgrammeGroups;

/**
 * {@code /actuator/prometheus} answers only HTTP Basic credentials of a user of Camunda's identity
 * store in the {@code monitoring} or {@code camunda-admin} group: the figures name no person, but
 * they are the programme's own.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsAccess {

  static final Set<String> GROUPS =
      Set.of(ProgrammeGroups.MONITORING, ProgrammeGroups.ADMINISTRATORS);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> metricsAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(engine));
    registration.setName("metrics-authentication");
    registration.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*");
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {
    private final ProcessEngine engine;

    Filter(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = authenticated(request.getHeader("Authorization"));
      if (user == null) {
        response.setHeader(
            "WWW-Authenticate", "Basic realm=\"joint-programme metrics\", charset=\"UTF-8\"");
        refuse(
            response,
            HttpServletResponse.SC_UNAUTHORIZED,
            "ต้องเข้าสู่ระบบด้วย HTTP Basic / HTTP Basic credentials required");
        return;
      }
      IdentityService identity = engine.getIdentityService();
      boolean allowed =
          identity.createGroupQuery().groupMember(user).list().stream()
              .anyMatch(g -> GROUPS.contains(g.getId()));
      if (!allowed) {
        refuse(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            "ผู้ใช้ "
                + user
                + " ไม่อยู่ในกลุ่ม monitoring หรือ camunda-admin / user "
                + user
                + " is not in monitoring or camunda-admin");
        return;
      }
      chain.doFilter(request, response);
    }

    private String authenticated(String header) {
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      String user = decoded.substring(0, colon);
      return engine.getIdentityService().checkPassword(user, decoded.substring(colon + 1))
          ? user
          : null;
    }

    private static void refuse(HttpServletResponse response, int status, String message)
        throws IOException {
      response.setStatus(status);
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(message + "\n");
    }
  }
}
