package th.or.codi.programme.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import th.or.codi.programme.messages.Messages;

/**
 * What {@code /engine-rest} and {@code /actuator} answer a caller Spring Security turns away, in
 * Thai and English: 401 with an HTTP Basic challenge ({@code WWW-Authenticate}) when credentials
 * are missing or wrong, 403 when the user may not read the metrics, 400 for a path the firewall
 * rejects. The engine's REST API answers JSON as Camunda's errors do ({@code type}, {@code
 * message}); the actuator plain text.
 */
final class ApiRefusals {

  private static final Logger LOG = LoggerFactory.getLogger(ApiRefusals.class);

  private ApiRefusals() {}

  private static String challenge(String realm) {
    return "Basic realm=\"" + realm + "\", charset=\"UTF-8\"";
  }

  /** 401 for {@code /engine-rest}: {@code {"type": "AuthenticationRequired", "message": …}}. */
  static AuthenticationEntryPoint engineRest(ObjectMapper json) {
    return (request, response, failure) -> {
      response.setHeader("WWW-Authenticate", challenge("joint-programme"));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "AuthenticationRequired");
      body.put("message", Messages.both("security.apiRefusals.credentialsRequired"));
      body.put("code", 0);
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("application/json;charset=UTF-8");
      json.writeValue(response.getWriter(), body);
    };
  }

  /**
   * 400 {@code OddPath} for a request Spring Security's firewall rejects before any filter chain (a
   * {@code ;}, an encoded slash or dot, {@code //}, a dot segment: the paths {@link
   * RestAllowListFilter} refuses too, on every path), in the same words.
   */
  static RequestRejectedHandler oddPath(ObjectMapper json) {
    return (request, response, rejected) -> {
      LOG.info(
          "Refused odd path {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          rejected.getMessage());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "OddPath");
      body.put("message", Messages.both("security.restAllowList.oddPath"));
      body.put("code", 0);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json;charset=UTF-8");
      json.writeValue(response.getWriter(), body);
    };
  }

  /** 401 for {@code /actuator}, plain text. */
  static AuthenticationEntryPoint actuator() {
    return (request, response, failure) -> {
      response.setHeader("WWW-Authenticate", challenge("joint-programme metrics"));
      text(
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          Messages.both("security.apiRefusals.credentialsRequired"));
    };
  }

  /** 403 for a user of neither group {@link MetricsAccess#GROUPS} names. */
  static AccessDeniedHandler metricsRefused() {
    return (request, response, denied) -> {
      text(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          Messages.both("security.apiRefusals.notInMetricsGroups", request.getRemoteUser()));
    };
  }

  private static void text(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(message + "\n");
  }
}
