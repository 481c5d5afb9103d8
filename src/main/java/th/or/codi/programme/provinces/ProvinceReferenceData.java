package th.or.codi.programme.provinces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import th.or.codi.programme.calendar.ThaiCalendar;

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
                    "ไม่พบจังหวัดรหัส "
                        + code
                        + " ในข้อมูลอ้างอิง / Province "
                        + code
                        + " is not in the reference data"));
  }

  static List<String> validate(List<Province> provinces) {
    List<String> problems = new ArrayList<>();
    if (provinces.stream().noneMatch(p -> p != null && "programme".equals(p.role()))) {
      problems.add(
          "programme.provinces: ไม่มีจังหวัดในโครงการ / lists no province with role 'programme'");
    }
    Map<String, Integer> codes = new HashMap<>();
    Map<String, Integer> slugs = new HashMap<>();
    for (int i = 0; i < provinces.size(); i++) {
      Province p = provinces.get(i);
      String entry = "programme.provinces[" + i + "]";
      if (p == null) {
        problems.add(entry + ": รายการว่าง / empty entry");
        continue;
      }
      entry += " (" + p.code() + " " + p.nameEn() + ")";
      List<String> own = new ArrayList<>();
      if (p.code() == null || !CODE.matcher(p.code()).matches()) {
        own.add(
            "code '"
                + p.code()
                + "' ต้องเป็นรหัส ISO 3166-2:TH เช่น TH-60 / must be an ISO 3166-2:TH code such as TH-60");
      } else if (codes.putIfAbsent(p.code(), i) != null) {
        own.add(
            "code "
                + p.code()
                + " ซ้ำกับรายการที่ "
                + codes.get(p.code())
                + " / duplicates the code of programme.provinces["
                + codes.get(p.code())
                + "]");
      }
      if (p.slug() == null || !SLUG.matcher(p.slug()).matches()) {
        own.add(
            "slug '"
                + p.slug()
                + "' ต้องเป็นตัวพิมพ์เล็กคั่นด้วย - เช่น nakhon-sawan / must be kebab-case such as nakhon-sawan");
      } else if (slugs.putIfAbsent(p.slug(), i) != null) {
        own.add(
            "slug "
                + p.slug()
                + " ซ้ำ / duplicates the slug of programme.provinces["
                + slugs.get(p.slug())
                + "]");
      }
      if (p.nameTh() == null || p.nameTh().isBlank()) {
        own.add("name-th ต้องมีชื่อภาษาไทย / is required");
      }
      if (p.nameEn() == null || p.nameEn().isBlank()) {
        own.add("name-en ต้องมีชื่อภาษาอังกฤษ / is required");
      }
      if (ProvinceRole.fromValue(p.role()).isEmpty()) {
        own.add(
            "role '" + p.role() + "' ไม่รู้จัก / is unknown; use programme or study-visit-host");
      }
      validateThaiHealth(p.thaihealth(), own);
      if (p.movementStrength() == null) {
        own.add("movement-strength ต้องระบุ 1–5 / is required (1–5)");
      } else if (p.movementStrength() < MIN_STRENGTH || p.movementStrength() > MAX_STRENGTH) {
        own.add("movement-strength " + p.movementStrength() + " อยู่นอกช่วง 1–5 / is outside 1–5");
      }
      if (p.codiNode() == null) {
        own.add("codi-node ต้องระบุ true หรือ false / is required (true or false)");
      }
      if (p.thaihealthNode() == null) {
        own.add("thaihealth-node ต้องระบุ true หรือ false / is required (true or false)");
      }
      for (String problem : own) {
        problems.add(entry + ": " + problem);
      }
    }
    return problems;
  }

  private static void validateThaiHealth(Province.ThaiHealthArea area, List<String> own) {
    if (area == null) {
      own.add("thaihealth.status ต้องระบุ / is required (flagship, preparation or none)");
      return;
    }
    Optional<ThaiHealthStatus> status = ThaiHealthStatus.fromValue(area.status());
    if (status.isEmpty()) {
      own.add(
          "thaihealth.status '"
              + area.status()
              + "' ไม่รู้จัก / is unknown; use flagship, preparation or none");
      return;
    }
    Integer year = area.year();
    if (status.get() != ThaiHealthStatus.NONE && year == null) {
      own.add(
          "thaihealth.year ต้องระบุปี พ.ศ. ของสถานะ "
              + area.status()
              + " / is required for status "
              + area.status()
              + " (Buddhist Era year)");
    }
    if (year != null && (year < MIN_BE_YEAR || year > MAX_BE_YEAR)) {
      String hint =
          year >= ThaiCalendar.commonYear(MIN_BE_YEAR)
                  && year <= ThaiCalendar.commonYear(MAX_BE_YEAR)
              ? " ดูเหมือนเป็นปี ค.ศ.; ใช้ พ.ศ. "
                  + ThaiCalendar.buddhistYear(year)
                  + " / looks like a C.E. year; write the B.E. year "
                  + ThaiCalendar.buddhistYear(year)
              : " ต้องเป็นปี พ.ศ. "
                  + MIN_BE_YEAR
                  + "–"
                  + MAX_BE_YEAR
                  + " / must be a Buddhist Era year "
                  + MIN_BE_YEAR
                  + "–"
                  + MAX_BE_YEAR;
      own.add("thaihealth.year " + year + hint);
    }
  }

  /** The reference data cannot be used; the message lists every problem, one per line. */
  public static class InvalidReferenceDataException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidReferenceDataException(List<String> problems) {
      super(
          "ข้อมูลอ้างอิงจังหวัดไม่ถูกต้อง / The province reference data is invalid:\n  - "
              + String.join("\n  - ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
