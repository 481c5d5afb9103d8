package th.or.codi.programme.provinces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.messages.Messages;

/**
 * The provinces of the programme and the study-visit host area, bound from {@code provinces.yaml}
 * and validated when the application starts: a bad entry stops the start with a message that names
 * the entry and every problem found in it.
 */
@ConfigurationProperties("programme")
public record ProvinceReferenceData(List<Province> provinces) {

  public static final int MIN_STRENGTH = 1;
  public static final int MAX_STRENGTH = 5;

  /** Buddhist Era years the programme can plausibly refer to (C.E. 1957 - 2157). */
  public static final int MIN_BE_YEAR = 2500;

  public static final int MAX_BE_YEAR = 2700;

  private static final Pattern CODE = Pattern.compile("TH-\\d{2}");
  private static final Pattern SLUG = Pattern.compile("[a-z]+(-[a-z]+)*");

  public ProvinceReferenceData {
    provinces = provinces == null ? List.of() : List.copyOf(provinces);
    List<String> problems = validate(provinces);
    if (!problems.isEmpty()) {
      throw new InvalidReferenceDataException(problems);
    }
  }

  public List<Province> programmeProvinces() {
    return provinces.stream().filter(Province::inProgramme).toList();
  }

  public Optional<Province> byCode(String code) {
    return provinces.stream().filter(p -> p.code().equals(code)).findFirst();
  }

  public Province requireByCode(String code) {
    return byCode(code)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    Messages.both("provinces.referenceData.notFound", code)));
  }

  static List<String> validate(List<Province> provinces) {
    List<String> problems = new ArrayList<>();
    if (provinces.stream().noneMatch(p -> p != null && "programme".equals(p.role()))) {
      problems.add(
          "programme.provinces: " + Messages.both("provinces.referenceData.noProgrammeProvince"));
    }
    Map<String, Integer> codes = new HashMap<>();
    Map<String, Integer> slugs = new HashMap<>();
    for (int i = 0; i < provinces.size(); i++) {
      Province p = provinces.get(i);
      String entry = "programme.provinces[" + i + "]";
      if (p == null) {
        problems.add(entry + ": " + Messages.both("provinces.referenceData.emptyEntry"));
        continue;
      }
      entry += " (" + p.code() + " " + p.nameEn() + ")";
      List<String> own = new ArrayList<>();
      if (p.code() == null || !CODE.matcher(p.code()).matches()) {
        own.add("code '" + p.code() + "' " + Messages.both("provinces.referenceData.codeInvalid"));
      } else if (codes.putIfAbsent(p.code(), i) != null) {
        own.add(
            "code "
                + p.code()
                + " "
                + Messages.both("provinces.referenceData.codeDuplicate", codes.get(p.code())));
      }
      if (p.slug() == null || !SLUG.matcher(p.slug()).matches()) {
        own.add("slug '" + p.slug() + "' " + Messages.both("provinces.referenceData.slugInvalid"));
      } else if (slugs.putIfAbsent(p.slug(), i) != null) {
        own.add(
            "slug "
                + p.slug()
                + " "
                + Messages.both("provinces.referenceData.slugDuplicate", slugs.get(p.slug())));
      }
      if (p.nameTh() == null || p.nameTh().isBlank()) {
        own.add("name-th " + Messages.both("provinces.referenceData.nameThRequired"));
      }
      if (p.nameEn() == null || p.nameEn().isBlank()) {
        own.add("name-en " + Messages.both("provinces.referenceData.nameEnRequired"));
      }
      if (ProvinceRole.fromValue(p.role()).isEmpty()) {
        own.add("role '" + p.role() + "' " + Messages.both("provinces.referenceData.roleUnknown"));
      }
      validateThaiHealth(p.thaihealth(), own);
      if (p.movementStrength() == null) {
        own.add("movement-strength " + Messages.both("provinces.referenceData.strengthRequired"));
      } else if (p.movementStrength() < MIN_STRENGTH || p.movementStrength() > MAX_STRENGTH) {
        own.add(
            "movement-strength "
                + p.movementStrength()
                + " "
                + Messages.both("provinces.referenceData.strengthOutOfRange"));
      }
      if (p.codiNode() == null) {
        own.add("codi-node " + Messages.both("provinces.referenceData.nodeRequired"));
      }
      if (p.thaihealthNode() == null) {
        own.add("thaihealth-node " + Messages.both("provinces.referenceData.nodeRequired"));
      }
      for (String problem : own) {
        problems.add(entry + ": " + problem);
      }
    }
    return problems;
  }

  private static void validateThaiHealth(Province.ThaiHealthArea area, List<String> own) {
    if (area == null) {
      own.add(
          "thaihealth.status " + Messages.both("provinces.referenceData.thaiHealthStatusRequired"));
      return;
    }
    Optional<ThaiHealthStatus> status = ThaiHealthStatus.fromValue(area.status());
    if (status.isEmpty()) {
      own.add(
          "thaihealth.status '"
              + area.status()
              + "' "
              + Messages.both("provinces.referenceData.thaiHealthStatusUnknown"));
      return;
    }
    Integer year = area.year();
    if (status.get() != ThaiHealthStatus.NONE && year == null) {
      own.add(
          "thaihealth.year "
              + Messages.both("provinces.referenceData.thaiHealthYearRequired", area.status()));
    }
    if (year != null && (year < MIN_BE_YEAR || year > MAX_BE_YEAR)) {
      String hint =
          year >= ThaiCalendar.commonYear(MIN_BE_YEAR)
                  && year <= ThaiCalendar.commonYear(MAX_BE_YEAR)
              ? Messages.both(
                  "provinces.referenceData.thaiHealthYearCommonEra",
                  ThaiCalendar.buddhistYear(year))
              : Messages.both(
                  "provinces.referenceData.thaiHealthYearOutOfRange", MIN_BE_YEAR, MAX_BE_YEAR);
      own.add("thaihealth.year " + year + " " + hint);
    }
  }

  /** The reference data cannot be used; the message lists every problem, one per line. */
  public static class InvalidReferenceDataException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidReferenceDataException(List<String> problems) {
      super(
          Messages.both("provinces.referenceData.invalid")
              + ":\n  - "
              + String.join("\n  - ", problems));

      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
