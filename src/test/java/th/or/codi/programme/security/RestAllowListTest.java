package th.or.codi.programme.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.UnusedWave;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;

/**
 * The REST allow-list ({@link RestAllowList}): every resource method of Camunda's REST API, read
 * from its JAX-RS annotations ({@link RestSurface}), called by each role through both REST APIs, is
 * refused by the list exactly when the list does not hold it; administrators are never held to it;
 * crafted paths are refused before anything runs.
 */
@DemoApplicationTest
class RestAllowListTest {

  private static final String PROBE = "allowlist-probe";
  private static final String WEBAPPS = "/camunda/api/engine/engine/default";

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @LocalServerPort int port;
  private final Map<String, TestRestTemplate> clients = new ConcurrentHashMap<>();
  private String decisionKey;

  /**
   * How many requests of one walk through the surface are under way at once. Each operation is
   * called with ids that exist nowhere, so the calls are independent of each other and their order;
   * with more than one under way the server works while the client reads an answer.
   */
  private static final int WALKERS = 4;

  private static boolean refusedByTheList(int status, String body) {
    return status == 403 && body != null && body.contains("\"rule\":\"rest-allow-list\"");
  }

  /**
   * A request for the operation with every path parameter filled in with an id that exists nowhere,
   * but a definition's key with a deployed one: Camunda looks a definition up by its key while it
   * matches the path, so an unknown key never reaches the operation (nor the list).
   */
  private String path(String operation) {
    String template = operation.substring(operation.indexOf(' ') + 1);
    template =
        template
            .replace("/process-definition/key/{key}", "/process-definition/key/provincialPipeline")
            .replace("/decision-definition/key/{key}", "/decision-definition/key/" + decisionKey())
            .replaceAll("\\{[^}]+}", PROBE);
    return RestAllowList.SCOPED.contains(operation)
        ? template + "?processInstanceId=" + PROBE
        : template;
  }

  /** A deployed decision's key; looked up once per test (nothing is deployed during a walk). */
  private String decisionKey() {
    if (decisionKey == null) {
      decisionKey =
          engine
              .getRepositoryService()
              .createDecisionDefinitionQuery()
              .latestVersion()
              .list()
              .get(0)
              .getKey();
    }
    return decisionKey;
  }

  /** One call of a walk: what it got wrong, if anything, is added to {@code wrong}. */
  private interface Call<W> {
    void check(W walker, String operation, String mediaType, List<String> wrong);
  }

  /**
   * Calls every operation of the surface once, {@link #WALKERS} at a time, each walker (a thread)
   * with the state {@code walker} makes for it (a logged-in session: sessions are not shared
   * between threads); returns what was wrong, sorted.
   */
  private <W> List<String> walk(Supplier<W> walker, Call<W> call) throws Exception {
    decisionKey(); // before the threads start
    List<Map.Entry<String, String>> operations =
        new ArrayList<>(RestSurface.operations().entrySet());
    AtomicInteger called = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(WALKERS);
    try {
      List<Future<List<String>>> parts = new ArrayList<>();
      for (int w = 0; w < WALKERS; w++) {
        int first = w;
        parts.add(
            pool.submit(
                () -> {
                  W state = walker.get();
                  List<String> wrong = new ArrayList<>();
                  for (int i = first; i < operations.size(); i += WALKERS) {
                    call.check(
                        state, operations.get(i).getKey(), operations.get(i).getValue(), wrong);
                    called.incrementAndGet();
                  }
                  return wrong;
                }));
      }
      List<String> wrong = new ArrayList<>();
      for (Future<List<String>> part : parts) {
        try {
          wrong.addAll(part.get(10, TimeUnit.MINUTES));
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw e;
        }
      }
      assertThat(called.get()).as("operations called").isEqualTo(operations.size());
      wrong.sort(null);
      return wrong;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * What the request cannot reach, because Camunda finds no definition with the key (or sees none,
   * for a role that may not read it) while it matches the path: there are no tenants, no case
   * definitions and no decision requirements graphs. Nothing runs then, list or not.
   */
  private static boolean unreachable(String operation, int status, String body) {
    return operation.contains("/key/{key}")
        && status == 404
        && body != null
        && body.contains("No matching");
  }

  private static String body(String mediaType) {
    return switch (mediaType) {
      case "multipart/form-data" -> "--probe--\r\n";
      case "application/json" -> "{}";
      default -> "";
    };
  }

  private static MediaType type(String mediaType) {
    return mediaType.equals("multipart/form-data")
        ? MediaType.parseMediaType("multipart/form-data; boundary=probe")
        : MediaType.parseMediaType(mediaType);
  }

  private ResponseEntity<String> rest(
      String user, HttpMethod method, String path, String mediaType) {
    HttpHeaders headers = new HttpHeaders();
    boolean withBody = method == HttpMethod.POST || method == HttpMethod.PUT;
    if (withBody) {
      headers.setContentType(type(mediaType));
    }
    // one client per user: building one per request costs more than the request
    return clients
        .computeIfAbsent(user, u -> http.withBasicAuth(u, u))
        .exchange(
            URI.create(path),
            method,
            new HttpEntity<>(withBody ? body(mediaType) : null, headers),
            String.class);
  }

  @Test
  void theSurfaceIsReadFromTheAnnotationsAndEveryEntryOfTheListIsAnOperationOfIt() {
    Map<String, String> surface = RestSurface.operations();
    assertThat(surface)
        .hasSizeGreaterThan(400)
        .containsKeys(
            "POST /task/{id}/complete",
            "POST /task/{id}/bpmnError",
            "PUT /job/{id}/suspended",
            "GET /history/cleanup/jobs",
            "POST /process-definition/key/{key}/start");
    List<String> listed = RestAllowList.OPERATIONS.values().stream().flatMap(List::stream).toList();
    assertThat(surface.keySet()).containsAll(listed);
    assertThat(listed).doesNotHaveDuplicates();
    assertThat(surface.keySet()).containsAll(RestAllowList.SCOPED);
  }

  @Test
  void theListIsWrittenDownInTheSecurityDocs() throws Exception {
    String docs = Files.readString(Path.of("docs/security.md"));
    for (String operation :
        RestAllowList.OPERATIONS.values().stream().flatMap(List::stream).toList()) {
      assertThat(docs).as("docs/security.md lists " + operation).contains("`" + operation + "`");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"manager", "auditor", "codi", "nakhonsawan", "monitor"})
  void everyOperationThroughEngineRestIsRefusedExactlyWhenTheListDoesNotHoldIt(String user)
      throws Exception {
    List<String> wrong =
        walk(
            () -> user,
            (u, operation, mediaType, found) -> {
              HttpMethod method =
                  HttpMethod.valueOf(operation.substring(0, operation.indexOf(' ')));
              // the named engine's paths are the same operations: walked for one role (Basic auth
              // costs a password hash each)
              for (String prefix :
                  user.equals("nakhonsawan")
                      ? List.of("/engine-rest", "/engine-rest/engine/default")
                      : List.of("/engine-rest")) {
                ResponseEntity<String> response =
                    rest(user, method, prefix + path(operation), mediaType);
                if (unreachable(operation, response.getStatusCode().value(), response.getBody())) {
                  continue;
                }
                boolean refused =
                    refusedByTheList(response.getStatusCode().value(), response.getBody());
                if (refused == RestAllowList.allows(operation, p -> true)) {
                  found.add(
                      prefix
                          + " "
                          + operation
                          + " → "
                          + response.getStatusCode().value()
                          + " "
                          + response.getBody());
                }
              }
            });
    assertThat(wrong).as(user).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"manager", "auditor", "codi", "nakhonsawan"})
  void everyOperationThroughTheWebappsApiIsRefusedExactlyWhenTheListDoesNotHoldIt(String user)
      throws Exception {
    List<String> wrong =
        walk(
            () -> {
              WebSession browser = WebSession.open(http);
              assertThat(browser.login(user, user, "welcome").getStatusCode())
                  .isEqualTo(HttpStatus.OK);
              browser.get("/camunda/api/admin/auth/user/default");
              return browser;
            },
            (browser, operation, mediaType, found) -> {
              HttpMethod method =
                  HttpMethod.valueOf(operation.substring(0, operation.indexOf(' ')));
              boolean withBody = method == HttpMethod.POST || method == HttpMethod.PUT;
              ResponseEntity<String> response =
                  browser.exchange(
                      method,
                      WEBAPPS + path(operation),
                      withBody ? body(mediaType) : null,
                      withBody ? type(mediaType) : null);
              if (unreachable(operation, response.getStatusCode().value(), response.getBody())) {
                return;
              }
              boolean refused =
                  refusedByTheList(response.getStatusCode().value(), response.getBody());
              if (refused == RestAllowList.allows(operation, p -> true)) {
                found.add(
                    operation
                        + " → "
                        + response.getStatusCode().value()
                        + " "
                        + response.getBody());
              }
            });
    assertThat(wrong).as(user).isEmpty();
  }

  @Test
  void administratorsAreNotHeldToTheList() {
    for (String operation :
        List.of(
            "GET /job",
            "GET /job/count",
            "GET /metrics",
            "GET /history/cleanup/jobs",
            "GET /job-definition",
            "GET /history/job-log",
            "GET /authorization",
            "GET /batch")) {
      String path = operation.substring(operation.indexOf(' ') + 1);
      ResponseEntity<String> response = rest("admin", HttpMethod.GET, "/engine-rest" + path, null);
      assertThat(response.getStatusCode().value()).as(operation).isEqualTo(200);
    }
  }

  @Test
  void jobsAreListedOnlyForAProcess() {
    for (String path :
        List.of(
            "/job",
            "/job/count",
            "/job-definition",
            "/history/job-log",
            "/job?processInstanceId=")) {
      ResponseEntity<String> response =
          rest("auditor", HttpMethod.GET, "/engine-rest" + path, null);
      assertThat(refusedByTheList(response.getStatusCode().value(), response.getBody()))
          .as(path)
          .isTrue();
      assertThat(response.getBody()).contains("ผู้ดูแลระบบ").contains("administrators");
    }
    engine.getHistoryService().cleanUpHistoryAsync(true);
    UnusedWave unused = UnusedWave.of(engine, "TH-60");
    String key =
        new Walkthrough(act, code -> "nakhonsawan", t -> {})
            .start("TH-60", unused.fiscalYear(), unused.wave());
    String pipeline = act.task(key, "Activity_PlanForum").getProcessInstanceId();
    ResponseEntity<String> scoped =
        rest("auditor", HttpMethod.GET, "/engine-rest/job?processInstanceId=" + pipeline, null);
    assertThat(scoped.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scoped.getBody()).doesNotContain("history-cleanup");
  }

  /**
   * Paths only a crafted request has: refused for the parties, through raw HTTP (no client
   * normalises them).
   */
  @Test
  void craftedPathsAreRefusedAndChangeNothing() throws Exception {
    UnusedWave unused = UnusedWave.of(engine, "TH-60");
    String key =
        new Walkthrough(act, code -> "nakhonsawan", t -> {})
            .start("TH-60", unused.fiscalYear(), unused.wave());
    Task task = act.task(key, "Activity_PlanForum");
    Map<String, Object> before =
        new HashMap<>(engine.getRuntimeService().getVariables(task.getProcessInstanceId()));
    String id = task.getId();
    List<String> crafted =
        List.of(
            "/engine-rest/task/" + id + "/complete;a=b",
            "/engine-rest/task/" + id + ";x/complete",
            "/engine-rest/task;x/" + id + "/complete",
            "/engine-rest/task/" + id + "/submit-form;jsessionid=1",
            "/engine-rest//task/" + id + "/complete",
            "/engine-rest/task//" + id + "/complete",
            "/engine-rest/task/" + id + "%2Fcomplete",
            "/engine-rest/task/" + id + "/%63omplete",
            "/engine-rest/task/" + id + "/./complete",
            "/engine-rest/task/x/../" + id + "/complete",
            "/engine-rest/task/" + id + "/complete%3Bx",
            "/engine-rest/engine/default/task/" + id + "/complete;a",
            "/engine-rest/task/" + id + "/COMPLETE",
            "/engine-rest/Task/" + id + "/complete");
    HttpClient client = HttpClient.newHttpClient();
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("nakhonsawan:nakhonsawan".getBytes(StandardCharsets.UTF_8));
    String json =
        "{\"variables\": {\"stageKey\": {\"value\": \"evaluation\"}, \"outcome\": {\"value\": \"expand\"}}}";
    for (String path : crafted) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("Authorization", auth)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      // 400 from the list, or 404 where the server or JAX-RS finds no operation for the path at all
      assertThat(response.statusCode()).as(path + " " + response.body()).isIn(400, 404);
      if (path.contains(";")) {
        assertThat(response.body()).as(path).contains("OddPath");
      }
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(id).count())
        .as("the task is still open")
        .isOne();
    assertThat(engine.getRuntimeService().getVariables(task.getProcessInstanceId()))
        .isEqualTo(before);
  }
}
