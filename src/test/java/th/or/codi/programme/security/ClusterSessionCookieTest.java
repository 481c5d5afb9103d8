package th.or.codi.programme.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.Cookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer.CookieValue;

/**
 * On PostgreSQL Spring Session writes the session cookie, with server.servlet.session.cookie.*'s
 * attributes.
 */
class ClusterSessionCookieTest {

  private static String setCookie(Boolean secure) {
    ServerProperties server = new ServerProperties();
    Cookie cookie = server.getServlet().getSession().getCookie();
    cookie.setHttpOnly(true);
    cookie.setSameSite(Cookie.SameSite.LAX);
    cookie.setSecure(secure);
    MockHttpServletRequest request = new MockHttpServletRequest();
    MockHttpServletResponse response = new MockHttpServletResponse();
    new ClusterSessions()
        .sessionCookie(server)
        .writeCookieValue(new CookieValue(request, response, "abc"));
    return response.getHeader("Set-Cookie");
  }

  @Test
  void prodMakesItSecureDemoOverHttpDoesNot() {
    List<String> prod = HardeningTest.attributes(setCookie(true));
    assertThat(prod).containsOnlyOnce("secure", "httponly", "samesite=lax");
    assertThat(prod.stream().filter(a -> a.startsWith("samesite")).count()).isOne();
    assertThat(HardeningTest.attributes(setCookie(null)))
        .as("plain http, no setting")
        .containsOnlyOnce("httponly", "samesite=lax")
        .doesNotContain("secure");
  }
}
