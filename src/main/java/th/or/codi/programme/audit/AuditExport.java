package th.or.codi.programme.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.messages.Messages;

/**
 * An audit trail as a file: JSON for programs, CSV for Excel (UTF-8 with a byte-order mark, so
 * Excel shows Thai). Both carry the query, who exported it and when, above the entries.
 */
public final class AuditExport {

  /** UTF-8 byte-order mark: without it Excel reads the file as the machine's code page. */
  public static final String BOM = "\uFEFF";

  private static final String CSV_LINE_END = "\r\n";

  /**
   * Rows of cells (RFC 4180: comma, CRLF, a cell quoted only when it holds a comma, a quote or a
   * line break, its quotes doubled); no header of Jackson's own, the file writes its own rows. A
   * CSV mapper of its own: Spring has none, and it writes only rows of text, which no {@code
   * spring.jackson.*} setting concerns.
   */
  private static final ObjectWriter CSV_ROWS =
      CsvMapper.builder()
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .build()
          .writerFor(String[].class)
          .with(CsvSchema.emptySchema().withLineSeparator(CSV_LINE_END));

  static final String[] COLUMNS = {
    Messages.both("audit.export.column.time"),
    Messages.both("audit.export.column.timeBuddhistEra"),
    Messages.both("audit.export.column.event"),
    Messages.english("audit.export.column.event"),
    Messages.both("audit.export.column.actor"),
    Messages.both("audit.export.column.province"),
    Messages.both("audit.export.column.provinceCode"),
    Messages.both("audit.export.column.wave"),
    Messages.both("audit.export.column.businessKey"),
    Messages.both("audit.export.column.process"),
    Messages.both("audit.export.column.processInstance"),
    Messages.both("audit.export.column.activity"),
    Messages.both("audit.export.column.activityId"),
    Messages.both("audit.export.column.taskId"),
    Messages.both("audit.export.column.detail"),
    Messages.both("audit.export.column.values"),
    Messages.both("audit.export.column.formLabels"),
    Messages.both("audit.export.column.evidenceFile"),
    Messages.both("audit.export.column.evidenceType"),
    Messages.both("audit.export.column.evidenceSize"),
    Messages.both("audit.export.column.evidenceSha256"),
    Messages.both("audit.export.column.evidenceDownload")
  };

  private final ObjectMapper json;

  /**
   * @param json the application's ObjectMapper (Spring Boot's), for the JSON file and cells
   */
  public AuditExport(ObjectMapper json) {
    this.json = json;
  }

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
    if (e.evidence() != null) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("attachmentId", e.evidence().attachmentId());
      file.put("fileName", e.evidence().fileName());
      file.put("contentType", e.evidence().contentType());
      file.put("size", e.evidence().size());
      file.put("sha256", e.evidence().sha256());
      file.put("download", e.evidence().download());
      out.put("evidence", file);
    }
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

  public String json(Map<String, Object> document) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String csv(
      List<AuditEntry> entries,
      Map<String, Object> query,
      String exportedBy,
      Instant exportedAt,
      boolean truncated) {
    StringWriter out = new StringWriter().append(BOM);
    try (SequenceWriter rows = CSV_ROWS.writeValues(out)) {
      rows.write(guarded(Messages.both("audit.export.exportedAt"), time(exportedAt)));
      rows.write(guarded(Messages.both("audit.export.exportedBy"), exportedBy));
      rows.write(
          guarded(Messages.both("audit.export.query"), json(query).replaceAll("\\s*\\n\\s*", " ")));
      rows.write(
          guarded(
              Messages.both("audit.export.entries"),
              String.valueOf(entries.size())
                  + (truncated ? " (" + Messages.both("audit.export.truncated") + ")" : "")));
      rows.flush();
      out.append(CSV_LINE_END);
      rows.write(guarded(COLUMNS));
      for (AuditEntry e : entries) {
        String values;
        try {
          values =
              e.values() == null || e.values().isEmpty() ? "" : json.writeValueAsString(e.values());
        } catch (JsonProcessingException ex) {
          values = String.valueOf(e.values());
        }
        String labels;
        try {
          labels = e.labels().isEmpty() ? "" : json.writeValueAsString(e.labels());
        } catch (JsonProcessingException ex) {
          labels = String.valueOf(e.labels());
        }
        AuditEntry.Evidence file = e.evidence();
        rows.write(
            guarded(
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
                labels,
                file == null ? "" : file.fileName(),
                file == null ? "" : file.contentType(),
                file == null ? "" : String.valueOf(file.size()),
                file == null ? "" : file.sha256(),
                file == null ? "" : file.download()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * A row's cells, each neutralised if a spreadsheet could read it as a formula; a missing value is
   * an empty cell (Jackson would leave a null out of the row, shifting the columns after it).
   */
  private static String[] guarded(String... cells) {
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i] == null ? "" : cells[i];
      row[i] = startsLikeAFormula(cell) ? "'" + cell : cell;
    }
    return row;
  }

  /**
   * What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection"): = + - @, a tab,
   * a carriage return, a line feed, and the full-width forms ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D,
   * U+FF20) that Excel with an East Asian input method treats like their ASCII twins.
   */
  static final String FORMULA_START = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

  /**
   * One cell as it stands in the file: a cell starting with any of {@link #FORMULA_START} is
   * prefixed with ' so that Excel, LibreOffice and Google Sheets show it as text and never run it
   * as a formula, then quoted by RFC 4180 where needed (Jackson's CSV writer).
   */
  static String cell(String value) {
    try {
      String line = CSV_ROWS.writeValueAsString(guarded(value));
      return line.substring(0, line.length() - CSV_LINE_END.length());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
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
