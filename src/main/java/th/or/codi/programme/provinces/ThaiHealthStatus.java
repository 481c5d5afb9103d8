package th.or.codi.programme.provinces;

import java.util.Arrays;
import java.util.Optional;

/** A province's status in ThaiHealth's area programme, as the readiness decision reads it. */
public enum ThaiHealthStatus {
  FLAGSHIP("flagship", "พื้นที่ flagship (พื้นที่ต้นแบบ)"),
  PREPARATION("preparation", "พื้นที่เตรียม"),
  NONE("none", "ยังไม่เป็นพื้นที่ของ สสส.");

  private final String value;
  private final String labelTh;

  ThaiHealthStatus(String value, String labelTh) {
    this.value = value;
    this.labelTh = labelTh;
  }

  /** The stable value used in configuration, DMN and process variables. */
  public String value() {
    return value;
  }

  public String labelTh() {
    return labelTh;
  }

  public static Optional<ThaiHealthStatus> fromValue(String value) {
    return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
  }
}
