package th.or.codi.programme.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.or.codi.programme.dashboard.MonthlyStatus;
import th.or.codi.programme.dashboard.ProgrammeDashboard.Party;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.pipeline.Outcome;
import th.or.codi.programme.pipeline.PipelineStages.Stage;

/**
 * The Thai and English words the Cockpit plugin shows for the parties, stages, monthly statuses,
 * outcomes and pipeline states, read from the enums the Java code itself uses, so that the pages
 * cannot word them differently ({@code GET labels}; the plugin keeps no copy).
 */
final class ProgrammeLabels {

  private ProgrammeLabels() {}

  static Map<String, Object> all() {
    Map<String, Object> labels = new LinkedHashMap<>();
    List<Map<String, String>> parties = new ArrayList<>();
    for (Party party : Party.values()) {
      parties.add(entry(party.key(), party.th(), party.en()));
    }
    labels.put("parties", parties);
    List<Map<String, String>> stages = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("key", stage.key());
      entry.put("label", stage.label());
      stages.add(entry);
    }
    labels.put("stages", stages);
    Map<String, Map<String, String>> statuses = new LinkedHashMap<>();
    for (MonthlyStatus status : MonthlyStatus.values()) {
      Map<String, String> entry = entry(status.key(), status.th(), status.en());
      entry.put("level", status.level());
      statuses.put(status.key(), entry);
    }
    labels.put("monthlyStatuses", statuses);
    Map<String, Map<String, String>> outcomes = new LinkedHashMap<>();
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(outcome.key(), entry(outcome.key(), outcome.th(), outcome.en()));
    }
    labels.put("outcomes", outcomes);
    Map<String, Map<String, String>> states = new LinkedHashMap<>();
    states.put(
        "running",
        entry(
            "running",
            Messages.thai("api.labels.state.running"),
            Messages.english("api.labels.state.running")));
    states.put(
        "completed",
        entry(
            "completed",
            Messages.thai("api.labels.state.completed"),
            Messages.english("api.labels.state.completed")));
    states.put(
        "cancelled",
        entry(
            "cancelled",
            Messages.thai("api.labels.state.cancelled"),
            Messages.english("api.labels.state.cancelled")));

    labels.put("states", states);
    return labels;
  }

  private static Map<String, String> entry(String key, String th, String en) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("key", key);
    entry.put("th", th);
    entry.put("en", en);
    return entry;
  }
}
