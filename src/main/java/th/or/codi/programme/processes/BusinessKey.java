package th.or.codi.programme.processes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The business key of a provincial pipeline and of the stages it calls: province code, Buddhist Era
 * fiscal year and wave, {@code TH-60/2570-1}. People read it in Tasklist, Cockpit and the audit
 * trail, and the demo and tests find a pipeline by it.
 *
 * @param provinceCode the ISO 3166-2:TH code, {@code TH-60}
 * @param fiscalYear the fiscal year in the Buddhist Era, {@code 2570}
 * @param wave the programme's wave that started the pipeline, from 1
 */
public record BusinessKey(String provinceCode, long fiscalYear, long wave) {

  private static final Pattern FORMAT = Pattern.compile("(TH-\\d{2})/(\\d{4})-(\\d+)");

  /**
   * The key as the models write it, from process variables as they are ({@code Long} from a script,
   * {@code Integer} from a form): {@code TH-60/2570-1}.
   */
  public static String format(Object provinceCode, Object fiscalYear, Object wave) {
    return provinceCode + "/" + fiscalYear + "-" + wave;
  }

  /** The business key of the regional programme of a fiscal year: {@code PROGRAMME-2570}. */
  public static String programme(Object fiscalYear) {
    return "PROGRAMME-" + fiscalYear;
  }

  /** The parts of a pipeline's key, or empty for another business key. */
  public static Optional<BusinessKey> parse(String key) {
    Matcher m = key == null ? null : FORMAT.matcher(key);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new BusinessKey(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
  }

  @Override
  public String toString() {
    return format(provinceCode, fiscalYear, wave);
  }
}
