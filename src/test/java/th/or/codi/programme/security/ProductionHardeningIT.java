package th.or.codi.programme.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The prod profile behind its TLS-terminating proxy (the test client plays the proxy: it sends
 * {@code X-Forwarded-Proto: https} from the loopback address, which Tomcat trusts): session and
 * CSRF cookies are Secure, https responses carry HSTS, plain-http ones do not. An IT of its own,
 * because the Camunda webapps keep static state and a second application context with them must not
 * share a JVM with the demo tests.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "PROGRAMME_ADMIN_ID=director",
      "PROGRAMME_ADMIN_PASSWORD=" + ProductionHardeningIT.PASSWORD,
      "spring.datasource.url=jdbc:h2:mem:prod-hardening;DB_CLOSE_DELAY=-1",
      "server.address=127.0.0.1",
      "camunda.bpm.job-execution.enabled=false",
      "PROGRAMME_MAIL_TRANSPORT=off"
    })
@ActiveProfiles("prod")
class ProductionHardeningIT {

  static final String PASSWORD = "Kh0n-Kaen!2568";

  @Autowired TestRestTemplate http;
  @Autowired ServerProperties server;

  private ResponseEntity<String> get(String path, boolean https) {
    HttpHeaders headers = new HttpHeaders();
    if (https) {
      headers.add("X-Forwarded-Proto", "https");
      headers.add("X-Forwarded-For", "203.0.113.7");
    }
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  @Test
  void forwardedHeadersAreTakenFromTheProxy() {
    assertThat(server.getForwardHeadersStrategy())
        .isEqualTo(ServerProperties.ForwardHeadersStrategy.NATIVE);
  }

  @Test
  void httpsResponsesCarryHstsPlainHttpOnesDoNot() {
    for (String path :
        List.of(
            "/engine-rest/engine",
            "/camunda/app/welcome/default/",
            "/engine-rest/task",
            "/no/such/page")) {
      ResponseEntity<String> https = get(path, true);
      assertThat(https.getHeaders().get("Strict-Transport-Security"))
          .as(path + " " + https.getHeaders())
          .containsExactly("max-age=31536000");
      assertHeadersOnce(path, https);
      assertThat(get(path, false).getHeaders().get("Strict-Transport-Security"))
          .as(path + " over http")
          .isNull();
    }
  }

  @Test
  void theSessionAndCsrfCookiesAreSecureAndCarryEachAttributeOnce() {
    ResponseEntity<String> page = get("/camunda/app/welcome/default/", true);
    String xsrf = cookie(page, "XSRF-TOKEN=");
    assertThat(HardeningTest.attributes(xsrf)).as(xsrf).containsOnlyOnce("secure", "samesite=lax");

    WebSession browser = WebSession.open(http);
    ResponseEntity<String> login = browser.login("director", PASSWORD, "tasklist");
    assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
    String session = cookie(login, "JSESSIONID=");
    List<String> attributes = HardeningTest.attributes(session);
    assertThat(attributes).as(session).containsOnlyOnce("secure", "httponly", "samesite=lax");
    assertThat(attributes.stream().filter(a -> a.startsWith("path=")).count()).as(session).isOne();
    assertThat(attributes.stream().filter(a -> a.startsWith("samesite")).count())
        .as(session)
        .isOne();
    assertThat(browser.get("/camunda/api/admin/auth/user/default").getBody())
        .contains("\"userId\":\"director\"");
  }

  private static String cookie(ResponseEntity<String> response, String prefix) {
    return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .filter(c -> c.startsWith(prefix))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + prefix + " cookie in " + response.getHeaders()));
  }

  /** The headers every response carries, once each (HSTS checked by the caller). */
  private static void assertHeadersOnce(String what, ResponseEntity<?> response) {
    HttpHeaders headers = response.getHeaders();
    assertThat(headers.get("X-Content-Type-Options")).as(what).containsExactly("nosniff");
    assertThat(headers.get("Referrer-Policy"))
        .as(what)
        .containsExactly("strict-origin-when-cross-origin");
    assertThat(headers.get("Permissions-Policy")).as(what).hasSize(1);
  }
}
