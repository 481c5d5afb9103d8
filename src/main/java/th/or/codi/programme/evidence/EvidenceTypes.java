package th.or.codi.programme.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.Tika;

/**
 * The content type of a file told from its bytes, never from its name: Apache Tika core's magic
 * numbers, and for ZIP-based office files (which the magic alone may report as {@code
 * application/zip} or {@code application/x-tika-ooxml}) the ZIP's own declaration: the main part in
 * {@code [Content_Types].xml} (Office Open XML) or the {@code mimetype} entry (OpenDocument).
 */
public final class EvidenceTypes {

  public static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String ODT = "application/vnd.oasis.opendocument.text";
  public static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

  private static final String DOCX_MAIN = DOCX + ".main+xml";
  private static final String XLSX_MAIN = XLSX + ".main+xml";

  /** Types whose bytes are a ZIP that may hold an office document. */
  private static final Set<String> ZIP_LIKE =
      Set.of(
          "application/zip",
          "application/x-tika-ooxml",
          "application/x-tika-msoffice",
          DOCX,
          XLSX,
          ODT,
          ODS,
          "application/vnd.oasis.opendocument.tika.flat.document",
          "application/java-archive");

  /** The most of a ZIP's declaration that is read. */
  private static final int MAX_DECLARATION = 1 << 20;

  private static final Tika TIKA = new Tika();

  private EvidenceTypes() {}

  /** The type of these bytes, e.g. {@code application/pdf}; {@code application/octet-stream}. */
  public static String detect(byte[] bytes) {
    String detected;
    try {
      detected = TIKA.detect(bytes);
    } catch (RuntimeException e) {
      detected = "application/octet-stream";
    }
    if (ZIP_LIKE.contains(detected)) {
      String office = office(bytes);
      return office != null ? office : "application/zip";
    }
    return detected;
  }

  /** The office type a ZIP declares, or null when it declares none of those accepted. */
  static String office(byte[] bytes) {
    String contentTypes = null;
    String mimetype = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.getName().equals("[Content_Types].xml")) {
          contentTypes = read(zip);
        } else if (entry.getName().equals("mimetype")) {
          mimetype = read(zip).strip();
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
    if (mimetype != null && (mimetype.equals(ODT) || mimetype.equals(ODS))) {
      return mimetype;
    }
    if (contentTypes != null) {
      if (declaresMain(contentTypes, DOCX_MAIN)) {
        return DOCX;
      }
      if (declaresMain(contentTypes, XLSX_MAIN)) {
        return XLSX;
      }
    }
    return null;
  }

  private static boolean declaresMain(String contentTypes, String main) {
    return contentTypes.contains("ContentType=\"" + main + "\"")
        || contentTypes.contains("ContentType='" + main + "'");
  }

  private static String read(InputStream in) throws IOException {
    byte[] declaration = in.readNBytes(MAX_DECLARATION);
    return new String(declaration, StandardCharsets.UTF_8);
  }
}
