package th.or.codi.programme.provinces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import th.or.codi.programme.messages.Messages;

/**
 * The province option lists the forms offer, computed from the reference data ({@code
 * provinces.yaml}, or its replacement) each time they are asked for: a form names one with {@code
 * valuesKey}, and nowhere else holds a copy. Each option is {@code {label, value}} as form-js reads
 * it, label "ไทย / English", value the ISO code.
 *
 * <ul>
 *   <li>{@value #PROGRAMME_PROVINCES}: the programme provinces (the pipeline's start form);
 *   <li>{@value #STUDY_VISIT_HOSTS}: where a study visit may go: the study-visit host areas first
 *       (Sa Kaeo), then the programme provinces (the study-visit forms).
 * </ul>
 *
 * <p>How each list reaches a person: a task form's lists are put on the task as task variables when
 * it is created ({@code pipeline/ProvinceOptionVariables}); a start form's are written into the
 * deployed form by {@code deployment/ProgrammeDeployment}, because Tasklist 7.24 fetches no
 * variables for a Camunda Form start form. The server's validation compares a submission with the
 * list as it is at the time of submission ({@code validation/SubmissionValidation}).
 */
@Component
public class ProvinceOptions {

  public static final String PROGRAMME_PROVINCES = "programmeProvinceOptions";
  public static final String STUDY_VISIT_HOSTS = "studyVisitHostOptions";

  /** The lists a form may name. */
  public static final Set<String> NAMES = Set.of(PROGRAMME_PROVINCES, STUDY_VISIT_HOSTS);

  /**
   * The custom property (form-js {@code properties}) that marks a field whose options were written
   * into a deployed form from a list: its value is the list's name.
   */
  public static final String MARKER = "referenceOptions";

  private final ProvinceReferenceData referenceData;

  public ProvinceOptions(ProvinceReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  public static boolean isList(String name) {
    return name != null && NAMES.contains(name);
  }

  /** The options of the named list, or null when no such list exists. */
  public List<Map<String, String>> options(String name) {
    if (PROGRAMME_PROVINCES.equals(name)) {
      return options(referenceData.programmeProvinces().stream());
    }
    if (STUDY_VISIT_HOSTS.equals(name)) {
      return options(
          Stream.concat(
              referenceData.provinces().stream()
                  .filter(p -> p.provinceRole() == ProvinceRole.STUDY_VISIT_HOST),
              referenceData.programmeProvinces().stream()));
    }
    return null;
  }

  /** The option values (codes) of the named list. */
  public List<String> values(String name) {
    List<Map<String, String>> options = options(name);
    return options == null ? null : options.stream().map(o -> o.get("value")).toList();
  }

  private static List<Map<String, String>> options(Stream<Province> provinces) {
    List<Map<String, String>> options = new ArrayList<>();
    provinces.forEach(
        p -> {
          Map<String, String> option = new LinkedHashMap<>();
          option.put("label", p.nameTh() + " / " + p.nameEn());
          option.put("value", p.code());
          options.add(option);
        });
    return List.copyOf(options);
  }

  /**
   * Why a value is not in the named list, in Thai and English, naming the value; null for a name
   * that is not a province list.
   */
  public static String[] notOffered(String name, Object value) {
    if (PROGRAMME_PROVINCES.equals(name)) {
      return new String[] {
        Messages.thai("provinces.options.notInProgramme", value),
        Messages.english("provinces.options.notInProgramme", value)
      };
    }
    if (STUDY_VISIT_HOSTS.equals(name)) {
      return new String[] {
        Messages.thai("provinces.options.notStudyVisitHost", value),
        Messages.english("provinces.options.notStudyVisitHost", value)
      };
    }
    return null;
  }
}
