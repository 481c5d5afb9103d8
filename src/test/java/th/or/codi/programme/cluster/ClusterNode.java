package th.or.codi.programme.cluster;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One node of the application: the packaged jar in a JVM of its own, demo users and the postgres
 * profile, on a database shared with other nodes. Its output goes to {@code
 * target/cluster-logs/<name>.log}.
 */
public final class ClusterNode implements AutoCloseable {

  static final Path LOGS = Path.of("target/cluster-logs");

  final String name;
  final int port;
  private final Process process;
  private long startupMillis;

  private ClusterNode(String name, int port, Process process) {
    this.name = name;
    this.port = port;
    this.process = process;
  }

  static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("joint-programme-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no application jar in target/: run mvn verify (package first)"));
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts the node and waits until it answers /actuator/health. */
  public static ClusterNode start(String name, String jdbcUrl, Map<String, String> settings)
      throws Exception {
    return launch(
        name,
        "demo,postgres",
        Map.of(
            "PROGRAMME_DB_URL",
            jdbcUrl,
            "PROGRAMME_DB_USER",
            "postgres",
            "PROGRAMME_DB_PASSWORD",
            "postgres",
            "JAVA_TOOL_OPTIONS",
            "-XX:TieredStopAtLevel=1"),
        settings);
  }

  /**
   * Starts the application jar with these profiles, environment and settings; waits until healthy.
   */
  public static ClusterNode launch(
      String name, String profiles, Map<String, String> environment, Map<String, String> settings)
      throws Exception {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--spring.profiles.active=" + profiles,
                "--programme.demo.data=false",
                "--programme.notifications.mail.directory=target/mail/" + name,
                "--camunda.bpm.job-execution.wait-time-in-millis=250",
                "--camunda.bpm.job-execution.max-wait=250"));
    settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
    Map<String, String> env = new java.util.HashMap<>();
    env.put("PROGRAMME_NODE_ID", name);
    env.put("PROGRAMME_DATA_DIR", new File("target/cluster-data/" + name).getAbsolutePath());
    env.putAll(environment);
    return launchJar(name, jar(), arguments, env);
  }

  /**
   * Starts a Spring Boot jar ({@code java -Xmx512m -jar}) on a free port with these arguments and
   * environment, and waits until its {@code /actuator/health} answers 200.
   */
  public static ClusterNode launchJar(
      String name, Path jar, List<String> arguments, Map<String, String> environment)
      throws Exception {
    Files.createDirectories(LOGS);
    int port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--server.port=" + port));
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile()));
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    ClusterNode node = new ClusterNode(name, port, builder.start());
    node.awaitHealthy(Duration.ofSeconds(180));
    node.startupMillis = (System.nanoTime() - started) / 1_000_000;
    return node;
  }

  /** Milliseconds from launching the JVM until /actuator/health answered 200. */
  public long startupMillis() {
    return startupMillis;
  }

  public int port() {
    return port;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  private void awaitHealthy(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      await(name + " healthy")
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> healthy(http));
    } catch (ConditionTimeoutException e) {
      close();
      throw new IllegalStateException(
          name
              + " did not become healthy within "
              + timeout
              + "; see "
              + LOGS.resolve(name + ".log"));
    }
  }

  /** Whether the node answers its health check; a node that exited fails the wait at once. */
  private boolean healthy(HttpClient http) throws InterruptedException {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name + " exited with " + process.exitValue() + "; see " + LOGS.resolve(name + ".log"));
    }
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode()
          == 200;
    } catch (IOException notYet) {
      return false; // still starting
    }
  }

  /** SIGKILL: the JVM gets no chance to finish anything, as when a machine loses power. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(
            Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  @Override
  public String toString() {
    return name + "@" + port + (Objects.equals(alive(), true) ? "" : " (stopped)");
  }
}
