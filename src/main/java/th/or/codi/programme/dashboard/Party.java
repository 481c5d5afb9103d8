package th.or.codi.programme.dashboard;

import th.or.codi.programme.identity.ProgrammeGroups;
import th.or.codi.programme.labels.Labelled;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * The parties whose open tasks the dashboard counts, and the candidate groups that make a task
 * theirs; a province's movement is one party, "community", and the provinces' tri-party teams are
 * one party, "joint".
 */
public enum Party implements Labelled {
  CODI("codi", "พอช.", "CODI"),
  THAIHEALTH("thaihealth", "สสส.", "ThaiHealth"),
  COMMUNITY("community", "ขบวนองค์กรชุมชน", "Community movement"),
  JOINT("joint", "ทีมร่วม 3 ฝ่ายจังหวัด", "Provincial tri-party team"),
  WORKING_GROUP("working-group", "คณะทำงานร่วมระดับภาค", "Regional working group"),
  MANAGERS("managers", "ผู้บริหาร", "Managers");

  private final String key;
  private final String th;
  private final String en;

  Party(String key, String th, String en) {
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

  /** The candidate groups of the party's tasks. */
  public String[] groups(ProvinceReferenceData provinces) {
    return switch (this) {
      case CODI -> new String[] {ProgrammeGroups.CODI};
      case THAIHEALTH -> new String[] {ProgrammeGroups.THAIHEALTH};
      case WORKING_GROUP -> new String[] {ProgrammeGroups.WORKING_GROUP};
      case MANAGERS -> new String[] {ProgrammeGroups.MANAGERS};
      case COMMUNITY ->
          provinces.provinces().stream().map(Province::communityGroupId).toArray(String[]::new);
      case JOINT ->
          ProgrammeGroups.jointProvinces(provinces).stream()
              .map(Province::jointGroupId)
              .toArray(String[]::new);
    };
  }

  /** The candidate groups of the party's tasks in one province's pipeline. */
  public String[] groups(ProvinceReferenceData provinces, Province province) {
    return switch (this) {
      case COMMUNITY -> new String[] {province.communityGroupId()};
      case JOINT -> new String[] {province.jointGroupId()};
      default -> groups(provinces);
    };
  }
}
