package th.or.codi.programme.pipeline;

import java.util.List;
import java.util.Map;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.provinces.Province;

/**
 * The Thai/English text the regional programme's forms show about its waves: a province's option in
 * the choosing form, the readiness summary, the wave summary, and the words for a readiness and an
 * outcome. Builds text only; {@link Waves} keeps the books.
 */
final class WaveSummaries {

  private WaveSummaries() {}

  /** The choosing form's option for a province: its names and, once assessed, its readiness. */
  static String provinceOption(Province province, String readiness) {
    return province.nameTh()
        + " / "
        + province.nameEn()
        + (readiness == null ? "" : " — " + readinessLabel(readiness));
  }

  /**
   * The readiness summary: a line per assessed province with its readiness and the decision's
   * reason.
   *
   * @param assessed the provinces not covered yet that have a readiness result, with that result
   */
  static String readinessSummary(Map<Province, Map<String, Object>> assessed) {
    StringBuilder summary = new StringBuilder();
    assessed.forEach(
        (province, result) ->
            summary
                .append("• ")
                .append(province.nameTh())
                .append(" (")
                .append(province.code())
                .append("): ")
                .append(readinessLabel((String) result.get("readiness")))
                .append(" — ")
                .append(result.get("readinessReason"))
                .append('\n'));
    return summary.toString().trim();
  }

  /**
   * The wave's summary: each pipeline's outcome, then how many of the programme's provinces are
   * covered.
   *
   * @param outcomes the rows of {@code waveOutcomes} of this wave
   */
  static String waveSummary(
      int wave, List<Map<String, Object>> outcomes, int covered, int programmeProvinces) {
    StringBuilder summary =
        new StringBuilder(Messages.both("pipeline.waveSummary.title", wave) + ":\n");
    for (Map<String, Object> row : outcomes) {
      summary
          .append("• ")
          .append(row.get("provinceName"))
          .append(" (")
          .append(row.get("provinceCode"))
          .append("): ")
          .append(outcomeLabel((String) row.get("outcome")))
          .append('\n');
    }
    summary.append(Messages.both("pipeline.waveSummary.covered", covered, programmeProvinces));
    return summary.toString();
  }

  static String readinessLabel(String readiness) {
    if (readiness == null) {
      return Messages.both("pipeline.waveSummary.readiness.notAssessed");
    }
    return switch (readiness) {
      case "pilot-ready" -> Messages.both("pipeline.waveSummary.readiness.pilotReady");
      case "next-wave" -> Messages.both("pipeline.waveSummary.readiness.nextWave");
      default -> Messages.both("pipeline.waveSummary.readiness.notYet");
    };
  }

  static String outcomeLabel(String outcome) {
    if (outcome == null) {
      return Messages.both("pipeline.waveSummary.outcomeUnknown");
    }
    return Outcome.of(outcome).map(Outcome::label).orElse(outcome);
  }
}
