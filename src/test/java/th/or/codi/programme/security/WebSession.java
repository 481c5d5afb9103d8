package th.or.codi.programme.security;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A browser-like session with the Camunda webapps: session cookie and CSRF token. */
final class WebSession {

  static final String LOGIN = "/camunda/api/admin/auth/user/default/login/";

  private final TestRestTemplate http;
  private final String cookies;
  private final String csrfToken;

  private WebSession(TestRestTemplate http, String cookies, String csrfToken) {
    this.http = http;
    this.cookies = cookies;
    this.csrfToken = csrfToken;
  }

  /** Opens the welcome page, as a browser does before it shows the login form. */
  static WebSession open(TestRestTemplate http) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/welcome/default/", String.class);
    List<String> setCookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
    String cookies = setCookies.stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
    String token = setCookies.stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.split(";", 2)[0].substring("XSRF-TOKEN=".length())).findFirst()
        .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie in " + setCookies));
    return new WebSession(http, cookies, token);
  }

  String cookies() {
    return cookies;
  }

  ResponseEntity<String> login(String user, String password, String app) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", csrfToken);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return http.exchange(LOGIN + app, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }
}
