package th.or.codi.programme.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.or.codi.programme.calendar.ThaiCalendar;

/**
 * An audit trail as a file: JSON for programs, CSV for Excel (UTF-8 with a byte-order mark, so
 * Excel shows Thai). Both carry the query, who exported it and when, above the entries.
 */
public final class AuditExport {

  /** UTF-8 byte-order mark: without it Excel reads the file as the machine's code page. */
  public static final String BOM = "\uFEFF";

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final String[] COLUMNS = {
    "เวลา / Time",
    "เวลา (พ.ศ.) / Time (B.E.)",
    "รายการ / Event",
    "Event",
    "ผู้ดำเนินการ / Actor",
    "จังหวัด / Province",
    "รหัสจังหวัด / Province code",
    "ระลอก / Wave",
    "รหัสอ้างอิง / Business key",
    "กระบวนการ / Process",
    "รหัสรายการกระบวนการ / Process instance",
    "กิจกรรม / Activity",
    "รหัสกิจกรรม / Activity id",
    "รหัสงาน / Task id",
    "รายละเอียด / Detail",
    "ค่าที่บันทึก / Values (JSON)",
    "ชื่อช่องในแบบฟอร์ม / Form labels (JSON)"
  };

  private AuditExport() {}

  public static Map<String, Object> entry(AuditEntry e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("time", time(e.time()));
    out.put("kind", e.kind().name());
    out.put("kindTh", e.kind().th());
    out.put("kindEn", e.kind().en());
    out.put("actor", e.actor());
    out.put("pipeline", e.pipeline());
    out.put("provinceCode", e.provinceCode());
    out.put("provinceName", e.provinceName());
    out.put("wave", e.wave());
    out.put("processKey", e.processKey());
    out.put("processName", e.processName());
    out.put("processInstanceId", e.processInstanceId());
    out.put("activityId", e.activityId());
    out.put("activityName", e.activityName());
    out.put("taskId", e.taskId());
    out.put("detail", e.detail());
    out.put("values", e.values());
    out.put("labels", e.labels());
    return out;
  }

  public static Map<String, Object> document(
      List<AuditEntry> entries,
      Map<String, Object> query,
      String exportedBy,
      Instant exportedAt,
      Integer instances,
      boolean truncated) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("exportedAt", time(exportedAt));
    doc.put("exportedBy", exportedBy);
    doc.put("query", query);
    if (instances != null) {
      doc.put("instances", instances);
    }
    doc.put("truncated", truncated);
    doc.put("count", entries.size());
    List<Map<String, Object>> rows = new ArrayList<>();
    entries.forEach(e -> rows.add(entry(e)));
    doc.put("entries", rows);
    return doc;
  }

  public static String json(Map<String, Object> document) {
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String csv(
      List<AuditEntry> entries,
      Map<String, Object> query,
      String exportedBy,
      Instant exportedAt,
      boolean truncated) {
    StringBuilder out = new StringBuilder(BOM);
    row(out, "ส่งออกเมื่อ / Exported at", time(exportedAt));
    row(out, "ผู้ส่งออก / Exported by", exportedBy);
    row(out, "เงื่อนไข / Query", json(query).replaceAll("\\s*\\n\\s*", " "));
    row(
        out,
        "จำนวนรายการ / Entries",
        String.valueOf(entries.size()) + (truncated ? " (ตัดทอน / truncated)" : ""));
    out.append("\r\n");
    row(out, COLUMNS);
    for (AuditEntry e : entries) {
      String values;
      try {
        values =
            e.values() == null || e.values().isEmpty()
                ? ""
                : new ObjectMapper().writeValueAsString(e.values());
      } catch (JsonProcessingException ex) {
        values = String.valueOf(e.values());
      }
      String labels;
      try {
        labels = e.labels().isEmpty() ? "" : new ObjectMapper().writeValueAsString(e.labels());
      } catch (JsonProcessingException ex) {
        labels = String.valueOf(e.labels());
      }
      row(
          out,
          time(e.time()),
          thaiTime(e.time()),
          e.kind().th(),
          e.kind().en(),
          e.actor(),
          e.provinceName(),
          e.provinceCode(),
          e.wave() == null ? "" : e.wave().toString(),
          e.pipeline(),
          e.processName(),
          e.processInstanceId(),
          e.activityName(),
          e.activityId(),
          e.taskId(),
          e.detail(),
          values,
          labels);
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    out.append("\r\n");
  }

  /**
   * What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection"): = + - @, a tab,
   * a carriage return, a line feed, and the full-width forms ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D,
   * U+FF20) that Excel with an East Asian input method treats like their ASCII twins.
   */
  static final String FORMULA_START = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

  /**
   * RFC 4180 quoting; a cell starting with any of {@link #FORMULA_START} is prefixed with ' so that
   * Excel, LibreOffice and Google Sheets show it as text and never run it as a formula.
   */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (startsLikeAFormula(v)) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  static boolean startsLikeAFormula(String value) {
    return !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0;
  }

  static String time(Instant instant) {
    return instant.atZone(ThaiCalendar.ZONE).toOffsetDateTime().toString();
  }

  static String thaiTime(Instant instant) {
    return ThaiCalendar.thaiDateTime(instant);
  }
}
