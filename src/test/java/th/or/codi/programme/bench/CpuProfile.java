package th.or.codi.programme.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A CPU profile of the server while it answers the load: Java Flight Recorder's method samples (the
 * JDK's "profile" settings, every 10 ms per running thread) of the request threads (Tomcat's {@code
 * http-nio-*}), summed up by where the time goes: the programme's own code ({@code
 * th.or.codi.programme}, anything of it on the stack), the engine, the database driver and the
 * database pool, the REST layer, Spring Security; and the programme's methods and the leaf methods
 * that hold the most samples. The recording itself is kept under {@code target/} for JDK Mission
 * Control or {@code jfr print}.
 */
final class CpuProfile {

  private CpuProfile() {}

  /** What a part of the stack is called in the report, by the package prefix that marks it. */
  static final Map<String, String> PARTS = new LinkedHashMap<>();

  static {
    PARTS.put("th.or.codi.programme.", "the programme's code");
    PARTS.put("org.camunda.bpm.engine.rest.", "Camunda REST (Jersey resources)");
    PARTS.put("org.camunda.bpm.engine.impl.", "Camunda engine");
    PARTS.put("org.apache.ibatis.", "MyBatis (the engine's SQL mapping)");
    PARTS.put("org.postgresql.", "JDBC driver (PostgreSQL)");
    PARTS.put("org.h2.", "H2 (in the same JVM)");
    PARTS.put("com.zaxxer.hikari.", "connection pool");
    PARTS.put("org.springframework.security.", "Spring Security");
    PARTS.put("org.glassfish.jersey.", "Jersey");
    PARTS.put("com.fasterxml.jackson.", "Jackson (JSON)");
  }

  /** Runs the work under a recording written to {@code file}; returns the work's result. */
  static <T> T record(Path file, Callable<T> work) throws Exception {
    try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
      recording.setToDisk(true);
      recording.start();
      T result = work.call();
      recording.stop();
      recording.dump(file);
      return result;
    }
  }

  /** The summary of a recording: the share of request-thread samples by part, the top methods. */
  static Map<String, Object> summary(Path file) throws IOException {
    int samples = 0;
    Map<String, Integer> parts = new LinkedHashMap<>();
    PARTS.values().forEach(p -> parts.put(p, 0));
    Map<String, Integer> ours = new TreeMap<>();
    Map<String, Integer> leaves = new TreeMap<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null
          || event.getThread("sampledThread") == null
          || !String.valueOf(event.getThread("sampledThread").getJavaName())
              .startsWith("http-nio-")) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      Set<String> seenParts = new HashSet<>();
      Set<String> seenOurs = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String type = frame.getMethod().getType().getName();
        String method = type + "." + frame.getMethod().getName();
        for (Map.Entry<String, String> part : PARTS.entrySet()) {
          if (type.startsWith(part.getKey()) && seenParts.add(part.getValue())) {
            parts.merge(part.getValue(), 1, Integer::sum);
          }
        }
        if (type.startsWith("th.or.codi.programme.") && seenOurs.add(method)) {
          ours.merge(method, 1, Integer::sum);
        }
      }
      if (!frames.isEmpty()) {
        var top = frames.get(0).getMethod();
        leaves.merge(top.getType().getName() + "." + top.getName(), 1, Integer::sum);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("requestThreadSamples", samples);
    Map<String, Double> shares = new LinkedHashMap<>();
    int total = Math.max(1, samples);
    parts.forEach((part, n) -> shares.put(part, Math.round(1000.0 * n / total) / 10.0));
    out.put("percentOfSamplesWithPartOnStack", shares);
    out.put("programmeMethods", top(ours, total, 12));
    out.put("leafMethods", top(leaves, total, 12));
    return out;
  }

  private static List<Map<String, Object>> top(Map<String, Integer> counts, int total, int n) {
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    List<Map<String, Object>> out = new ArrayList<>();
    for (var e : sorted.subList(0, Math.min(n, sorted.size()))) {
      out.add(
          Map.of(
              "method", e.getKey(), "percent", Math.round(1000.0 * e.getValue() / total) / 10.0));
    }
    return out;
  }

  /** The summary as a few lines of the report. */
  @SuppressWarnings("unchecked")
  static List<String> markdown(Map<String, Object> summary, Duration length) {
    List<String> md = new ArrayList<>();
    md.add(
        "CPU profile of this round (JFR method samples of the request threads, "
            + summary.get("requestThreadSamples")
            + " samples in "
            + length.toSeconds()
            + " s): share of the samples with each part on the stack (parts nest, so shares overlap):\n");
    md.add("| part | % of samples |");
    md.add("|---|---|");
    ((Map<String, Double>) summary.get("percentOfSamplesWithPartOnStack"))
        .forEach((part, pct) -> md.add("| %s | %.1f |".formatted(part, pct)));
    md.add("\nThe programme's methods on the stack most often:\n");
    md.add("| method | % of samples |");
    md.add("|---|---|");
    for (var m : (List<Map<String, Object>>) summary.get("programmeMethods")) {
      md.add("| `%s` | %s |".formatted(m.get("method"), m.get("percent")));
    }
    md.add("\nWhere the samples were taken (the running method):\n");
    md.add("| method | % of samples |");
    md.add("|---|---|");
    for (var m : (List<Map<String, Object>>) summary.get("leafMethods")) {
      md.add("| `%s` | %s |".formatted(m.get("method"), m.get("percent")));
    }
    md.add("");
    return md;
  }
}
