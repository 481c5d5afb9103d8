package th.or.codi.programme.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every response: the webapps, {@code /engine-rest}, the programme's pages
 * and endpoints, the actuator, static files, redirects and error pages (it also runs on the error
 * dispatch). Each is set with {@code setHeader}, before anything else writes, so a header is sent
 * once even where Camunda's own {@code HttpHeaderSecurityFilter} sets it too.
 *
 * <p>Strict-Transport-Security only on a secure request (RFC 6797 §7.2: never over plain http):
 * behind the TLS-terminating proxy, a request is secure when the proxy says so with {@code
 * X-Forwarded-Proto: https} ({@code server.forward-headers-strategy: native}).
 */
public class SecurityHeaders extends OncePerRequestFilter {

  private final SecurityHeadersProperties properties;

  public SecurityHeaders(SecurityHeadersProperties properties) {
    this.properties = properties;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", properties.referrerPolicy());
    response.setHeader("Permissions-Policy", properties.permissionsPolicy());
    String hsts = properties.strictTransportSecurity();
    if (hsts != null && request.isSecure()) {
      response.setHeader("Strict-Transport-Security", hsts);
    }
    chain.doFilter(request, response);
  }
}
