package th.or.codi.programme.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A person's calls through the two REST APIs the engine is reached by: {@code /engine-rest} with
 * HTTP Basic, and the webapps' API with a logged-in session and its CSRF token, as Tasklist sends
 * them (one session per user, opened on the first call).
 */
public final class TwoApis {

  /** The two REST APIs a person can reach the engine through. */
  public enum Api {
    ENGINE_REST("/engine-rest"),
    WEBAPPS("/camunda/api/engine/engine/default");

    public final String prefix;

    Api(String prefix) {
      this.prefix = prefix;
    }
  }

  private final TestRestTemplate http;
  private final Map<String, WebSession> sessions = new HashMap<>();

  public TwoApis(TestRestTemplate http) {
    this.http = http;
  }

  /** The request as the user, through the API; the demo users' password is their id. */
  public ResponseEntity<String> call(
      Api api, String user, HttpMethod method, String path, String body) {
    if (api == Api.WEBAPPS) {
      WebSession browser =
          sessions.computeIfAbsent(
              user,
              u -> {
                WebSession opened = WebSession.open(http);
                assertThat(opened.login(u, u, "welcome").getStatusCode()).isEqualTo(HttpStatus.OK);
                opened.get(
                    "/camunda/api/admin/auth/user/default"); // as Tasklist does next: brings the
                // session's CSRF token
                return opened;
              });
      return browser.exchange(method, api.prefix + path, body);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user)
        .exchange(api.prefix + path, method, new HttpEntity<>(body, headers), String.class);
  }
}
