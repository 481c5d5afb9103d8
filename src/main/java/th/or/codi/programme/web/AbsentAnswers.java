package th.or.codi.programme.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Two questions the Camunda webapps ask on every page and whose "no" Camunda answers with 404,
 * which the browser logs as a failed request, red in the console of every page a person opens:
 *
 * <ul>
 *   <li>{@code GET /camunda/api/admin/auth/user/{engine}}: "who is logged in?", asked by every app
 *       at start, also on the login page, where nobody is (the apps read any answer but 200 as
 *       "nobody": {@code AuthenticationService} rejects a status other than 200);
 *   <li>{@code GET …/identity/password-policy}: "which password rules?", asked by Admin's user
 *       pages (and Welcome's profile), 404 when the password policy is off, as in the demo (the
 *       password widget reads an empty answer as "no policy").
 * </ul>
 *
 * This filter answers such a 404 as 204 No Content: the same "nobody" and "no policy" to the apps,
 * and no error in the console. Every other answer, and every other request, is left alone.
 */
@Configuration(proxyBeanMethods = false)
class AbsentAnswers {

  static final Pattern PROBES =
      Pattern.compile(
          "/camunda/api/admin/auth/user/[^/]+"
              + "|/camunda/api/engine/engine/[^/]+/identity/password-policy"
              + "|/engine-rest(/engine/[^/]+)?/identity/password-policy");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> noContentForAbsentFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new NoContentForAbsent());
    registration.addUrlPatterns(
        "/camunda/api/admin/auth/user/*",
        "/camunda/api/engine/engine/*",
        "/engine-rest/identity/password-policy",
        "/engine-rest/engine/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    registration.setName("absentAnswers");
    return registration;
  }

  static final class NoContentForAbsent extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return !"GET".equals(request.getMethod()) || !PROBES.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Held held = new Held(response);
      chain.doFilter(request, held);
      if (held.getStatus() == HttpServletResponse.SC_NOT_FOUND) {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return;
      }
      held.copyBodyToResponse();
    }
  }

  /** Holds the answer back, also an error, until the filter has seen its status. */
  private static final class Held extends ContentCachingResponseWrapper {
    Held(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) {
      setStatus(status);
    }

    @Override
    public void sendError(int status, String message) {
      setStatus(status);
    }
  }
}
