package th.or.codi.programme;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.core.metrics.StartupStep;

/**
 * Where the seconds of a start go, on request: with {@code PROGRAMME_STARTUP_TIMELINE} (or the
 * system property {@code programme.startup-timeline}) naming a file, the application records
 * Spring's start-up steps ({@link BufferingApplicationStartup}: each bean's creation, the context's
 * phases, and the programme's own {@code programme.*} steps inside the engine's creation) and, once
 * ready, writes them to that file as JSON, slowest first, and logs the ten slowest. Without it
 * nothing is recorded. The benchmark ({@code bench/run.sh}) reads the file.
 */
final class StartupTimeline {

  private static final Logger LOG = LoggerFactory.getLogger(StartupTimeline.class);

  private StartupTimeline() {}

  static void install(SpringApplication application) {
    String file = System.getProperty("programme.startup-timeline");
    if (file == null || file.isBlank()) {
      file = System.getenv("PROGRAMME_STARTUP_TIMELINE");
    }
    if (file == null || file.isBlank()) {
      return;
    }
    Path target = Path.of(file);
    BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
    application.setApplicationStartup(startup);
    application.addListeners(
        (ApplicationReadyEvent ready) -> write(target, startup.drainBufferedTimeline()));
  }

  private static void write(
      Path target, org.springframework.boot.context.metrics.buffering.StartupTimeline timeline) {
    List<Map<String, Object>> steps = new ArrayList<>();
    List<TimelineEvent> events = new ArrayList<>(timeline.getEvents());
    events.sort(Comparator.comparing(TimelineEvent::getDuration).reversed());
    for (TimelineEvent event : events) {
      StartupStep step = event.getStartupStep();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("name", step.getName());
      Map<String, String> tags = new LinkedHashMap<>();
      step.getTags().forEach(tag -> tags.put(tag.getKey(), tag.getValue()));
      out.put("tags", tags);
      out.put(
          "startMillis",
          Duration.between(timeline.getStartTime(), event.getStartTime()).toMillis());
      out.put("millis", event.getDuration().toMillis());
      out.put("id", step.getId());
      out.put("parentId", step.getParentId());
      steps.add(out);
    }
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(target.toFile(), Map.of("steps", steps));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the start-up timeline to " + target, e);
    }
    StringBuilder slowest = new StringBuilder();
    steps.stream()
        .limit(10)
        .forEach(
            s ->
                slowest
                    .append("\n  ")
                    .append(s.get("millis"))
                    .append(" ms  ")
                    .append(s.get("name"))
                    .append(' ')
                    .append(s.get("tags")));
    LOG.info("Start-up timeline written to {}; the slowest steps:{}", target, slowest);
  }
}
