package th.or.codi.programme.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;

/**
 * The security review's hardening items, in demo mode over plain http: security headers on every
 * kind of response, once each; the session cookie's attributes once each; a request the CSRF check
 * refuses does not log the person out.
 */
@DemoApplicationTest
class HardeningTest {

  static final String PERMISSIONS_OFF =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

  @Autowired TestRestTemplate http;

  static void assertSecurityHeaders(String what, ResponseEntity<?> response) {
    HttpHeaders headers = response.getHeaders();
    assertThat(headers.get("X-Content-Type-Options"))
        .as(what + " " + headers)
        .containsExactly("nosniff");
    assertThat(headers.get("Referrer-Policy"))
        .as(what + " " + headers)
        .containsExactly("strict-origin-when-cross-origin");
    assertThat(headers.get("Permissions-Policy")).as(what + " " + headers).hasSize(1);
    for (String feature : PERMISSIONS_OFF.split(", ")) {
      assertThat(headers.getFirst("Permissions-Policy")).as(what).contains(feature);
    }
    assertThat(headers.get("Strict-Transport-Security"))
        .as(what + ": no HSTS over plain http")
        .isNull();
  }

  @Test
  void everyKindOfResponseCarriesTheSecurityHeadersOnce() {
    TestRestTemplate auditor = http.withBasicAuth("auditor", "auditor");
    TestRestTemplate codi = http.withBasicAuth("codi", "codi");
    List<Object[]> calls =
        List.of(
            new Object[] {
              "webapp page",
              http.getForEntity("/camunda/app/welcome/default/", String.class),
              HttpStatus.OK
            },
            new Object[] {
              "webapp script",
              http.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class),
              null
            },
            new Object[] {
              "webapp API, not logged in",
              http.getForEntity("/camunda/api/engine/engine/default/task", String.class),
              null
            },
            new Object[] {"root redirect", http.getForEntity("/", String.class), null},
            new Object[] {
              "engine-rest public",
              http.getForEntity("/engine-rest/engine", String.class),
              HttpStatus.OK
            },
            new Object[] {
              "engine-rest 401",
              http.getForEntity("/engine-rest/task", String.class),
              HttpStatus.UNAUTHORIZED
            },
            new Object[] {
              "engine-rest 200", codi.getForEntity("/engine-rest/task", String.class), HttpStatus.OK
            },
            new Object[] {
              "engine-rest 404",
              codi.getForEntity("/engine-rest/task/no-such-task", String.class),
              HttpStatus.NOT_FOUND
            },
            new Object[] {
              "programme endpoint",
              auditor.getForEntity("/engine-rest/programme/pipelines", String.class),
              HttpStatus.OK
            },
            new Object[] {
              "programme endpoint refused",
              codi.getForEntity("/engine-rest/programme/pipelines", String.class),
              HttpStatus.FORBIDDEN
            },
            new Object[] {
              "programme CSV",
              auditor.getForEntity(
                  "/engine-rest/programme/audit-trail?province=TH-60&format=csv", String.class),
              null
            },
            new Object[] {
              "Cockpit plugin script",
              http.getForEntity(
                  "/camunda/api/cockpit/plugin/programme/static/app/plugin.js", String.class),
              null
            },
            new Object[] {
              "actuator", http.getForEntity("/actuator/health", String.class), HttpStatus.OK
            },
            new Object[] {
              "metrics refused",
              http.getForEntity("/actuator/prometheus", String.class),
              HttpStatus.UNAUTHORIZED
            },
            new Object[] {
              "Spring error page",
              http.getForEntity("/no/such/page", String.class),
              HttpStatus.NOT_FOUND
            },
            new Object[] {
              "too large",
              codi.exchange(
                  "/engine-rest/task",
                  HttpMethod.POST,
                  new HttpEntity<>("x".repeat(3 * 1024 * 1024), json()),
                  String.class),
              HttpStatus.PAYLOAD_TOO_LARGE
            });
    for (Object[] call : calls) {
      ResponseEntity<?> response = (ResponseEntity<?>) call[1];
      if (call[2] != null) {
        assertThat(response.getStatusCode()).as((String) call[0]).isEqualTo(call[2]);
      }
      assertSecurityHeaders((String) call[0], response);
    }
  }

  @Test
  void theSessionCookieOfALoginHasEachAttributeOnce() {
    WebSession browser = WebSession.open(http);
    ResponseEntity<String> login = browser.login("codi", "codi", "tasklist");
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    String session =
        login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no JSESSIONID in " + login.getHeaders()));
    List<String> attributes = attributes(session);
    assertThat(attributes)
        .as(session)
        .containsOnlyOnce("httponly", "samesite=lax")
        .doesNotContain("secure");
    assertThat(attributes.stream().filter(a -> a.startsWith("path=")).count()).as(session).isOne();
    assertThat(attributes.stream().filter(a -> a.startsWith("samesite")).count())
        .as(session)
        .isOne();
    assertThat(attributes.stream().filter(a -> a.startsWith("jsessionid=")).count())
        .as(session)
        .isOne();

    ResponseEntity<String> next = browser.get("/camunda/api/admin/auth/user/default");
    String xsrf =
        next.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
            .filter(c -> c.startsWith("XSRF-TOKEN="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no XSRF-TOKEN in " + next.getHeaders()));
    assertThat(attributes(xsrf).stream().filter(a -> a.startsWith("samesite")).toList())
        .as(xsrf)
        .containsExactly("samesite=lax");
    assertThat(attributes(xsrf)).as(xsrf).doesNotContain("secure");
  }

  static List<String> attributes(String setCookie) {
    return Arrays.stream(setCookie.split(";")).map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
  }

  @Test
  void aRequestTheCsrfCheckRefusesKeepsThePersonLoggedIn() {
    WebSession browser = WebSession.open(http);
    assertThat(browser.login("codi", "codi", "tasklist").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(browser.get("/camunda/api/admin/auth/user/default").getBody())
        .contains("\"userId\":\"codi\"");
    String query = "/camunda/api/engine/engine/default/task/count";

    for (String token : new String[] {"wrong-" + browser.csrfToken(), "", null}) {
      HttpHeaders headers = json();
      headers.add(HttpHeaders.COOKIE, browser.cookies());
      if (token != null) {
        headers.add("X-XSRF-TOKEN", token);
      }
      ResponseEntity<String> refused =
          http.exchange(query, HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
      assertThat(refused.getStatusCode()).as("token " + token).isEqualTo(HttpStatus.FORBIDDEN);
      assertSecurityHeaders("CSRF refusal", refused);
      if (token == null || token.isEmpty()) {
        assertThat(refused.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
      }
      assertThat(refused.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE))
          .as("no new session")
          .noneMatch(c -> c.startsWith("JSESSIONID="));

      ResponseEntity<String> still = browser.get("/camunda/api/admin/auth/user/default");
      assertThat(still.getStatusCode()).as("after token " + token).isEqualTo(HttpStatus.OK);
      assertThat(still.getBody())
          .as("still logged in after token " + token)
          .contains("\"userId\":\"codi\"");
    }

    ResponseEntity<String> accepted = browser.postJson(query, "{}");
    assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(accepted.getBody()).contains("\"count\"");
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
