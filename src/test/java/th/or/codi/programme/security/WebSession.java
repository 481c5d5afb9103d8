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

/** A browser's session with the Camunda webapps: cookies, CSRF token, login. */
public final class WebSession {

  static final String LOGIN = "/camunda/api/admin/auth/user/default/login/";

  private final TestRestTemplate http;
  private String cookies;
  private String csrfToken;

  private WebSession(TestRestTemplate http, String cookies, String csrfToken) {
    this.http = http;
    this.cookies = cookies;
    this.csrfToken = csrfToken;
  }

  /** Opens the welcome page, as a browser does before it shows the login form. */
  public static WebSession open(TestRestTemplate http) {
    return open(http, "default");
  }

  /** The same for an engine of another name (a test context with an engine of its own). */
  public static WebSession open(TestRestTemplate http, String engine) {
    ResponseEntity<String> page =
        http.getForEntity("/camunda/app/welcome/" + engine + "/", String.class);
    List<String> setCookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
    String cookies =
        setCookies.stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
    String token =
        setCookies.stream()
            .filter(c -> c.startsWith("XSRF-TOKEN="))
            .map(c -> c.split(";", 2)[0].substring("XSRF-TOKEN=".length()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie in " + setCookies));
    return new WebSession(http, cookies, token);
  }

  public String cookies() {
    return cookies;
  }

  /** The session's CSRF token, as the webapps send it in {@code X-XSRF-TOKEN}. */
  public String csrfToken() {
    return csrfToken;
  }

  public ResponseEntity<String> login(String user, String password, String app) {
    return login(user, password, app, "default");
  }

  /** The login to an engine of another name (a test context with an engine of its own). */
  public ResponseEntity<String> login(String user, String password, String app, String engine) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", csrfToken);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    ResponseEntity<String> response =
        http.exchange(
            LOGIN.replace("/default/", "/" + engine + "/") + app,
            HttpMethod.POST,
            new HttpEntity<>(form, headers),
            String.class);
    keepCookies(response);
    return response;
  }

  /**
   * A GET as the webapps send it; also picks up a renewed CSRF token (a login starts a new
   * session).
   */
  public ResponseEntity<String> get(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", csrfToken);
    ResponseEntity<String> response =
        http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    keepCookies(response);
    return response;
  }

  /** A JSON POST as the webapps send it: session cookie and CSRF header. */
  public ResponseEntity<String> postJson(String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", csrfToken);
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response =
        http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    keepCookies(response);
    return response;
  }

  /** Any request as the webapps send it: session cookie, CSRF header, a JSON body if given. */
  public ResponseEntity<String> exchange(HttpMethod method, String path, String json) {
    return exchange(method, path, json, json == null ? null : MediaType.APPLICATION_JSON);
  }

  /** Any request as the webapps send it, with a body of this type. */
  public ResponseEntity<String> exchange(
      HttpMethod method, String path, String body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", csrfToken);
    if (type != null) {
      headers.setContentType(type);
    }
    ResponseEntity<String> response =
        http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    keepCookies(response);
    return response;
  }

  private void keepCookies(ResponseEntity<String> response) {
    java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
    for (String c : cookies.split("; ")) {
      if (c.contains("=")) {
        jar.put(c.substring(0, c.indexOf('=')), c);
      }
    }
    for (String set : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String c = set.split(";", 2)[0];
      jar.put(c.substring(0, c.indexOf('=')), c);
      if (c.startsWith("XSRF-TOKEN=")) {
        csrfToken = c.substring("XSRF-TOKEN=".length());
      }
    }
    cookies = String.join("; ", jar.values());
  }
}
