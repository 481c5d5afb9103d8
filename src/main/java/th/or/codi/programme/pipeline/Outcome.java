package th.or.codi.programme.pipeline;

import java.util.Optional;
import th.or.codi.programme.labels.Labelled;

/**
 * How a provincial pipeline ends ({@code outcome}), with the words the wave summary and the Cockpit
 * dashboard both show.
 */
public enum Outcome implements Labelled {
  EXPAND("expand", "ขยายผลต้นแบบ", "expand the model"),
  STOP("stop", "ยุติ", "stopped"),
  WITHDRAWN("withdrawn", "ถอนตัว (ยังไม่พร้อม)", "withdrawn");

  private final String key;
  private final String th;
  private final String en;

  Outcome(String key, String th, String en) {
    this.key = key;
    this.th = th;
    this.en = en;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String th() {
    return th;
  }

  @Override
  public String en() {
    return en;
  }

  public static Optional<Outcome> of(String key) {
    return Labelled.byKey(values(), key);
  }
}
