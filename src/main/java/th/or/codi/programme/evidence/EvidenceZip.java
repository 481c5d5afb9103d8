package th.or.codi.programme.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.messages.Messages;

/**
 * Every evidence file of a pipeline as one ZIP, written straight to the response one file after the
 * other (nothing of it is held in memory but the file list): each file under {@code <task
 * key>/<file name>} (a name met twice in one folder gets " (2)", " (3)", … before its extension),
 * then
 *
 * <ul>
 *   <li>{@code manifest.csv}: one row per file (RFC 4180, CRLF, UTF-8 with a byte-order mark so
 *       Excel shows Thai): path, file name, task, task key, uploader, uploaded (ISO 8601 in Thai
 *       time and Buddhist Era), content type, size, SHA-256;
 *   <li>{@code manifest.json}: the same, with the pipeline;
 *   <li>{@code SHA256SUMS}: {@code <sha256> <path>} lines, so that {@code sha256sum -c SHA256SUMS}
 *       in the unzipped folder checks every file against the hash taken when it was uploaded.
 * </ul>
 */
final class EvidenceZip {

  static final String MANIFEST_CSV = "manifest.csv";
  static final String MANIFEST_JSON = "manifest.json";
  static final String SHA256SUMS = "SHA256SUMS";

  private static final String BOM = "\uFEFF";

  private static final ObjectWriter CSV_ROWS =
      CsvMapper.builder()
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .build()
          .writerFor(String[].class)
          .with(CsvSchema.emptySchema().withLineSeparator("\r\n"));

  static final String[] COLUMNS = {
    Messages.both("evidence.manifest.column.path"),
    Messages.both("evidence.manifest.column.name"),
    Messages.both("evidence.manifest.column.task"),
    Messages.both("evidence.manifest.column.taskKey"),
    Messages.both("evidence.manifest.column.uploader"),
    Messages.both("evidence.manifest.column.uploaded"),
    Messages.both("evidence.manifest.column.uploadedBuddhistEra"),
    Messages.both("evidence.manifest.column.contentType"),
    Messages.both("evidence.manifest.column.size"),
    Messages.both("evidence.manifest.column.sha256")
  };

  /** A file and where it stands in the ZIP. */
  record Entry(String path, EvidenceFile file) {}

  private final EvidenceService evidence;
  private final ObjectMapper json;
  private final String pipeline;
  private final String businessKey;
  private final List<Entry> entries;

  EvidenceZip(
      EvidenceService evidence,
      ObjectMapper json,
      String pipeline,
      String businessKey,
      List<EvidenceFile> files) {
    this.evidence = evidence;
    this.json = json;
    this.pipeline = pipeline;
    this.businessKey = businessKey;
    this.entries = paths(files);
  }

  /** The ZIP's file name: {@code evidence-TH-60-2570-1.zip}. */
  String fileName() {
    String key = businessKey == null || businessKey.isBlank() ? pipeline : businessKey;
    return "evidence-" + key.replaceAll("[/\\\\:*?\"<>|\\s]+", "-") + ".zip";
  }

  /** Each file's path: {@code <task key>/<name>}, unique (ignoring case) in the ZIP. */
  static List<Entry> paths(List<EvidenceFile> files) {
    Set<String> taken = new HashSet<>();
    taken.add(MANIFEST_CSV.toLowerCase(Locale.ROOT));
    taken.add(MANIFEST_JSON.toLowerCase(Locale.ROOT));
    taken.add(SHA256SUMS.toLowerCase(Locale.ROOT));
    List<Entry> out = new ArrayList<>();
    for (EvidenceFile file : files) {
      String folder = segment(file.taskDefinitionKey(), "task");
      String name = segment(file.name(), "file");
      int dot = name.lastIndexOf('.');
      String stem = dot > 0 ? name.substring(0, dot) : name;
      String extension = dot > 0 ? name.substring(dot) : "";
      String path = folder + "/" + name;
      for (int n = 2; !taken.add(path.toLowerCase(Locale.ROOT)); n++) {
        path = folder + "/" + stem + " (" + n + ")" + extension;
      }
      out.add(new Entry(path, file));
    }
    return out;
  }

  /** One segment of a path: no separators, no control characters, not {@code .} or {@code ..}. */
  private static String segment(String value, String otherwise) {
    String s = value == null ? "" : value.replaceAll("[/\\\\\\p{Cntrl}]", "_").strip();
    return s.isEmpty() || s.equals(".") || s.equals("..") ? otherwise : s;
  }

  void write(OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.setLevel(Deflater.BEST_SPEED);
    for (Entry entry : entries) {
      ZipEntry z = new ZipEntry(entry.path());
      if (entry.file().uploaded() != null) {
        z.setLastModifiedTime(FileTime.from(entry.file().uploaded()));
      }
      zip.putNextEntry(z);
      try (InputStream in = evidence.open(entry.file())) {
        in.transferTo(zip);
      }
      zip.closeEntry();
    }
    text(zip, MANIFEST_CSV, csv());
    text(zip, MANIFEST_JSON, json());
    text(zip, SHA256SUMS, sums());
    zip.finish();
    zip.flush();
  }

  private static void text(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  String csv() {
    StringWriter out = new StringWriter().append(BOM);
    try (var rows = CSV_ROWS.writeValues(out)) {
      rows.write(COLUMNS);
      for (Entry entry : entries) {
        EvidenceFile f = entry.file();
        rows.write(
            guarded(
                entry.path(),
                f.name(),
                f.taskName(),
                f.taskDefinitionKey(),
                f.uploader(),
                iso(f.uploaded()),
                f.uploaded() == null ? null : ThaiCalendar.thaiDateTime(f.uploaded()),
                f.contentType(),
                String.valueOf(f.size()),
                f.sha256()));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  String json() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("pipeline", pipeline);
    doc.put("businessKey", businessKey);
    doc.put("count", entries.size());
    List<Map<String, Object>> files = new ArrayList<>();
    for (Entry entry : entries) {
      EvidenceFile f = entry.file();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("path", entry.path());
      row.put("name", f.name());
      row.put("task", f.taskName());
      row.put("taskKey", f.taskDefinitionKey());
      row.put("taskId", f.taskId());
      row.put("processInstanceId", f.processInstanceId());
      row.put("attachmentId", f.id());
      row.put("uploader", f.uploader());
      row.put("uploaded", iso(f.uploaded()));
      row.put(
          "uploadedBuddhistEra",
          f.uploaded() == null ? null : ThaiCalendar.thaiDateTime(f.uploaded()));
      row.put("contentType", f.contentType());
      row.put("size", f.size());
      row.put("sha256", f.sha256());
      files.add(row);
    }
    doc.put("files", files);
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The lines {@code sha256sum -c} reads: the hash, two spaces (text mode), the path. */
  String sums() {
    StringBuilder out = new StringBuilder();
    for (Entry entry : entries) {
      out.append(entry.file().sha256()).append("  ").append(entry.path()).append('\n');
    }
    return out.toString();
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.atZone(ThaiCalendar.ZONE).toOffsetDateTime().toString();
  }

  /**
   * Cells of a row; a missing value is an empty cell, and a cell a spreadsheet could read as a
   * formula (= + - @, tab, CR, LF, and their full-width forms) gets a leading ' (OWASP, "CSV
   * Injection"). manifest.json and SHA256SUMS keep such a name exactly.
   */
  private static String[] guarded(String... cells) {
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i] == null ? "" : cells[i];
      row[i] =
          !cell.isEmpty() && "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20".indexOf(cell.charAt(0)) >= 0
              ? "'" + cell
              : cell;
    }
    return row;
  }
}
