package th.or.codi.programme.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * Camunda's CSRF check for the webapps, except that a refused request leaves the session alone.
 *
 * <p>Camunda 7.24's {@link CsrfPreventionFilter#doTokenValidation} invalidates the session whenever
 * the {@code X-XSRF-TOKEN} header is missing or wrong. Any other site can make a logged-in person's
 * browser send such a request (a cross-site form POST carries the session cookie only where
 * SameSite allows, but a stale tab, a second tab after a login, or a script on an allowed origin
 * does), and each one logs the person out: a forged request could not do anything, yet it ended the
 * session. The request is refused exactly as before (403, the {@code X-XSRF-TOKEN: Required} header
 * when it was missing); the session and its token stay. Tokens are compared in constant time.
 */
public class SessionKeepingCsrfFilter extends CsrfPreventionFilter {

  @Override
  protected boolean doTokenValidation(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String tokenHeader = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    if (tokenHeader == null || tokenHeader.isBlank()) {
      response.setHeader(
          CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
      response.sendError(
          getDenyStatus(), "CSRFPreventionFilter: Token provided via HTTP Header is absent/empty.");
      return false;
    }
    HttpSession session = request.getSession(false);
    Object tokenSession =
        session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    if (!(tokenSession instanceof String expected)
        || expected.isBlank()
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8),
            tokenHeader.getBytes(StandardCharsets.UTF_8))) {
      response.sendError(getDenyStatus(), "CSRFPreventionFilter: Invalid HTTP Header Token.");
      return false;
    }
    return true;
  }
}
