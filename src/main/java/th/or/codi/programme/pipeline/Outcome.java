package th.or.codi.programme.pipeline;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a provincial pipeline ends ({@code outcome}), with the words the wave summary and the Cockpit
 * dashboard both show.
 */
public enum Outcome {
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

  public String key() {
    return key;
  }

  public String th() {
    return th;
  }

  public String en() {
    return en;
  }

  /** "ไทย / English". */
  public String label() {
    return th + " / " + en;
  }

  public static Optional<Outcome> of(String key) {
    return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
  }
}
