package th.or.codi.programme.provinces;

/**
 * One entry of the province reference data ({@code provinces.yaml}). Values are kept as written so
 * that {@link ProvinceReferenceData} can name every problem of a bad entry; the typed accessors are
 * safe once the reference data has been validated.
 */
public record Province(
    String code,
    String slug,
    String nameTh,
    String nameEn,
    String role,
    ThaiHealthArea thaihealth,
    Integer movementStrength,
    Boolean codiNode,
    Boolean thaihealthNode) {

  /** ThaiHealth's status for the province and the Buddhist Era year it applies to. */
  public record ThaiHealthArea(String status, Integer year) {}

  public ThaiHealthStatus thaihealthStatus() {
    return ThaiHealthStatus.fromValue(thaihealth == null ? null : thaihealth.status())
        .orElseThrow();
  }

  /** Buddhist Era year of the ThaiHealth status, or {@code null} when the status is none. */
  public Integer thaihealthYear() {
    return thaihealth == null ? null : thaihealth.year();
  }

  public ProvinceRole provinceRole() {
    return ProvinceRole.fromValue(role).orElseThrow();
  }

  public boolean inProgramme() {
    return provinceRole() == ProvinceRole.PROGRAMME;
  }

  /** The Camunda group of this province's community-organisation movement. */
  public String communityGroupId() {
    return "community-" + slug;
  }

  /**
   * The Camunda group of the province's tri-party team: the movement's representatives and the CODI
   * and ThaiHealth officers responsible for the province. It receives the provincial pipeline's
   * joint tasks (drafting the joint plan, reviewing progress, evaluating).
   */
  public String jointGroupId() {
    return "joint-" + slug;
  }

  /** How the entry is named in messages: {@code TH-19 สระบุรี / Saraburi}. */
  public String label() {
    return code + " " + nameTh + " / " + nameEn;
  }
}
