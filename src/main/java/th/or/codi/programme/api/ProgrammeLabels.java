package th.or.codi.programme.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.or.codi.programme.dashboard.MonthlyStatus;
import th.or.codi.programme.dashboard.Party;
import th.or.codi.programme.dashboard.PipelineState;
import th.or.codi.programme.labels.Labelled;
import th.or.codi.programme.pipeline.Outcome;
import th.or.codi.programme.pipeline.PipelineStages.Stage;
import th.or.codi.programme.report.MoneyWords;

/**
 * The Thai and English words the Cockpit plugin shows for the parties, stages, monthly statuses,
 * outcomes, pipeline states and the ledger's sources, stages and kinds of money, read from the
 * enums the Java code itself uses, so that the pages cannot word them differently ({@code GET
 * labels}; the plugin keeps no copy). Every word has one shape, {@link Labelled}'s: {@code key},
 * {@code th}, {@code en} and {@code label} ("ไทย / English"); a monthly status adds its {@code
 * level}. Parties and stages are lists, in their order; the others are maps by key.
 */
final class ProgrammeLabels {

  private ProgrammeLabels() {}

  static Map<String, Object> all() {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("parties", inOrder(Party.values()));
    labels.put("stages", inOrder(Stage.values()));
    Map<String, Map<String, String>> statuses = byKey(MonthlyStatus.values());
    for (MonthlyStatus status : MonthlyStatus.values()) {
      statuses.get(status.key()).put("level", status.level());
    }
    labels.put("monthlyStatuses", statuses);
    labels.put("outcomes", byKey(Outcome.values()));
    labels.put("states", byKey(PipelineState.values()));
    labels.put("sources", inOrder(MoneyWords.Source.values()));
    labels.put("ledgerStages", inOrder(MoneyWords.LedgerStage.values()));
    labels.put("ledgerKinds", inOrder(MoneyWords.Kind.values()));
    return labels;
  }

  private static List<Map<String, String>> inOrder(Labelled[] values) {
    List<Map<String, String>> entries = new ArrayList<>();
    for (Labelled value : values) {
      entries.add(entry(value));
    }
    return entries;
  }

  private static Map<String, Map<String, String>> byKey(Labelled[] values) {
    Map<String, Map<String, String>> entries = new LinkedHashMap<>();
    for (Labelled value : values) {
      entries.put(value.key(), entry(value));
    }
    return entries;
  }

  private static Map<String, String> entry(Labelled value) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("key", value.key());
    entry.put("th", value.th());
    entry.put("en", value.en());
    entry.put("label", value.label());
    return entry;
  }
}
