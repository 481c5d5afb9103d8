package th.or.codi.programme.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files for the evidence tests, made here byte by byte, and hostile ones. */
public final class EvidenceSamples {

  private EvidenceSamples() {}

  /** A minimal valid one-page PDF. */
  public static byte[] pdf() {
    String body =
        "%PDF-1.4\n"
            + "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n";
    int xref = body.length();
    String offsets =
        String.format(
            "xref\n0 4\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n%010d 00000 n \n",
            body.indexOf("1 0 obj"), body.indexOf("2 0 obj"), body.indexOf("3 0 obj"));
    return (body + offsets + "trailer<</Size 4/Root 1 0 R>>\nstartxref\n" + xref + "\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A 1×1 PNG. */
  public static byte[] png() {
    return hex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4"
            + "890000000d49444154789c626001000000050001a5f645400000000049454e44ae426082");
  }

  /** The start of a JPEG (JFIF) as a camera writes it, with a little image data. */
  public static byte[] jpeg() {
    byte[] head =
        hex("ffd8ffe000104a46494600010100000100010000ffdb004300" + "08".repeat(64) + "ffd9");
    return head;
  }

  /** A DOCX: a ZIP whose [Content_Types].xml declares a word-processing main part. */
  public static byte[] docx() {
    return zip(
        "[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "</Types>",
        "_rels/.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "</Relationships>",
        "word/document.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:body><w:p><w:r><w:t>บันทึกข้อตกลง</w:t></w:r></w:p></w:body></w:document>");
  }

  /** An XLSX: the same with a spreadsheet main part. */
  public static byte[] xlsx() {
    return zip(
        "[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "</Types>",
        "xl/workbook.xml",
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
  }

  /** An ODT: a ZIP whose first entry, stored, is "mimetype". */
  public static byte[] odt() {
    return openDocument("application/vnd.oasis.opendocument.text");
  }

  public static byte[] ods() {
    return openDocument("application/vnd.oasis.opendocument.spreadsheet");
  }

  /** A ZIP of a text file: not an office document. */
  public static byte[] plainZip() {
    return zip("readme.txt", "hello");
  }

  /** A DOCX with macros (DOCM): refused. */
  public static byte[] docm() {
    return zip(
        "[Content_Types].xml",
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/>"
            + "</Types>",
        "word/document.xml",
        "<w:document/>");
  }

  public static byte[] html() {
    return "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>"
        .getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] svg() {
    return ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
            + "<script>alert(1)</script></svg>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The header of a 64-bit Linux executable (ELF). */
  public static byte[] elf() {
    byte[] bytes = new byte[128];
    byte[] head = hex("7f454c4602010100000000000000000002003e0001000000");
    System.arraycopy(head, 0, bytes, 0, head.length);
    return bytes;
  }

  /** The headers of a Windows executable (MZ, then PE). */
  public static byte[] pe() {
    byte[] bytes = new byte[256];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    bytes[0x3c] = (byte) 0x80;
    bytes[0x80] = 'P';
    bytes[0x81] = 'E';
    byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(stub, 0, bytes, 0x4e, stub.length);
    return bytes;
  }

  public static byte[] shellScript() {
    return "#!/bin/sh\ncurl https://example.org/x | sh\n".getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] openDocument(String type) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        byte[] mimetype = type.getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(mimetype);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("content.xml"));
        zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
        zip.write("<manifest:manifest/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] zip(String... namesAndContents) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        for (int i = 0; i < namesAndContents.length; i += 2) {
          zip.putNextEntry(new ZipEntry(namesAndContents[i]));
          zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] hex(String hex) {
    return java.util.HexFormat.of().parseHex(hex);
  }
}
