package th.or.codi.programme.provinces;

import java.util.Arrays;
import java.util.Optional;

/** Whether an area takes part in the programme or only hosts the study visit. */
public enum ProvinceRole {
  PROGRAMME("programme"),
  STUDY_VISIT_HOST("study-visit-host");

  private final String value;

  ProvinceRole(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static Optional<ProvinceRole> fromValue(String value) {
    return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
  }
}
