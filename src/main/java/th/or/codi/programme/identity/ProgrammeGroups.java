package th.or.codi.programme.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/** The Camunda groups of the programme: the three parties and the roles around them. */
public final class ProgrammeGroups {

  public static final String CODI = "codi";
  public static final String THAIHEALTH = "thaihealth";

  /**
   * The regional tri-party working group: the regional tasks (choosing a wave, the quarterly
   * review).
   */
  public static final String WORKING_GROUP = "working-group";

  public static final String MANAGERS = "managers";
  public static final String AUDITORS = "auditors";

  /** Operators' monitoring systems: may read /actuator/prometheus, nothing in the webapps. */
  public static final String MONITORING = "monitoring";

  /** Camunda's built-in administrators group (full access, Admin webapp). */
  public static final String ADMINISTRATORS = Groups.CAMUNDA_ADMIN;

  private static final String TYPE_WORKFLOW = Groups.GROUP_TYPE_WORKFLOW;
  private static final String TYPE_SYSTEM = Groups.GROUP_TYPE_SYSTEM;

  private ProgrammeGroups() {}

  /** A group to exist in the identity store. */
  public record GroupDefinition(String id, String name, String type) {}

  public static List<GroupDefinition> all(ProvinceReferenceData referenceData) {
    List<GroupDefinition> groups =
        new ArrayList<>(
            List.of(
                new GroupDefinition(
                    CODI,
                    "พอช. สำนักงานภาคกลางและตะวันตก / CODI Central and Western Regional Office",
                    TYPE_WORKFLOW),
                new GroupDefinition(
                    THAIHEALTH, "สสส. สำนัก 6 (สน.6) / ThaiHealth Office 6", TYPE_WORKFLOW),
                new GroupDefinition(
                    WORKING_GROUP,
                    "คณะทำงานร่วม 3 ฝ่ายระดับภาค / Regional tri-party working group",
                    TYPE_WORKFLOW),
                new GroupDefinition(MANAGERS, "ผู้บริหาร / Managers", TYPE_WORKFLOW),
                new GroupDefinition(AUDITORS, "ผู้ตรวจสอบ / Auditors", TYPE_WORKFLOW),
                new GroupDefinition(
                    MONITORING, "ระบบเฝ้าระวังการทำงาน / Operations monitoring", TYPE_SYSTEM),
                new GroupDefinition(ADMINISTRATORS, "ผู้ดูแลระบบ / Administrators", TYPE_SYSTEM)));
    for (Province province : referenceData.provinces()) {
      groups.add(community(province));
    }
    for (Province province : jointProvinces(referenceData)) {
      groups.add(joint(province));
    }
    return groups;
  }

  /** The provinces with a tri-party team: those that run a provincial pipeline. */
  public static List<Province> jointProvinces(ProvinceReferenceData referenceData) {
    return referenceData.provinces().stream().filter(Province::inProgramme).toList();
  }

  public static GroupDefinition joint(Province province) {
    return new GroupDefinition(
        province.jointGroupId(),
        "ทีมร่วม 3 ฝ่ายจังหวัด" + province.nameTh() + " / " + province.nameEn() + " tri-party team",
        TYPE_WORKFLOW);
  }

  public static GroupDefinition community(Province province) {
    return new GroupDefinition(
        province.communityGroupId(),
        "ขบวนองค์กรชุมชนจังหวัด"
            + province.nameTh()
            + " / "
            + province.nameEn()
            + " community-organisation movement",
        TYPE_WORKFLOW);
  }

  /** Groups whose members work in Tasklist. */
  public static List<String> tasklistGroups(ProvinceReferenceData referenceData) {
    List<String> ids = new ArrayList<>(List.of(CODI, THAIHEALTH, WORKING_GROUP, MANAGERS));
    referenceData.provinces().forEach(p -> ids.add(p.communityGroupId()));
    jointProvinces(referenceData).forEach(p -> ids.add(p.jointGroupId()));
    return ids;
  }
}
