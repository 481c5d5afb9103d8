package th.or.codi.programme.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The type of a file from its bytes alone, with tika-core and a look into ZIPs. */
class EvidenceTypesTest {

  @Test
  void acceptedKindsAreRecognisedFromTheirBytes() {
    assertThat(EvidenceTypes.detect(EvidenceSamples.pdf())).isEqualTo("application/pdf");
    assertThat(EvidenceTypes.detect(EvidenceSamples.png())).isEqualTo("image/png");
    assertThat(EvidenceTypes.detect(EvidenceSamples.jpeg())).isEqualTo("image/jpeg");
    assertThat(EvidenceTypes.detect(EvidenceSamples.docx())).isEqualTo(EvidenceTypes.DOCX);
    assertThat(EvidenceTypes.detect(EvidenceSamples.xlsx())).isEqualTo(EvidenceTypes.XLSX);
    assertThat(EvidenceTypes.detect(EvidenceSamples.odt())).isEqualTo(EvidenceTypes.ODT);
    assertThat(EvidenceTypes.detect(EvidenceSamples.ods())).isEqualTo(EvidenceTypes.ODS);
  }

  @Test
  void phonePhotosAreRecognisedFromTheirBytes() {
    // the ISO base media "ftyp" box of an iPhone photo, and a WebP's RIFF header
    byte[] heic =
        EvidenceSamples.hex(
            "0000001866747970686569630000000068656963" + "6d69663100000000" + "00".repeat(16));
    assertThat(EvidenceTypes.detect(heic)).isIn("image/heic", "image/heif");
    byte[] webp =
        EvidenceSamples.hex(
            "52494646" + "24000000" + "57454250" + "5650382018000000" + "00".repeat(24));
    assertThat(EvidenceTypes.detect(webp)).isEqualTo("image/webp");
  }

  @Test
  void hostileAndOtherKindsAreNotAcceptedTypes() {
    EvidenceProperties defaults =
        new EvidenceProperties(
            org.springframework.util.unit.DataSize.ofMegabytes(20),
            org.springframework.util.unit.DataSize.ofMegabytes(100),
            java.util.List.of(
                "application/pdf",
                "image/jpeg",
                "image/png",
                "image/heic",
                "image/heif",
                "image/webp",
                EvidenceTypes.DOCX,
                EvidenceTypes.XLSX,
                EvidenceTypes.ODT,
                EvidenceTypes.ODS));
    for (byte[] hostile :
        new byte[][] {
          EvidenceSamples.html(),
          EvidenceSamples.svg(),
          EvidenceSamples.elf(),
          EvidenceSamples.pe(),
          EvidenceSamples.shellScript(),
          EvidenceSamples.plainZip(),
          EvidenceSamples.docm()
        }) {
      String type = EvidenceTypes.detect(hostile);
      assertThat(defaults.allowedTypes()).as(type).doesNotContain(type);
    }
    assertThat(EvidenceTypes.detect(EvidenceSamples.html())).isEqualTo("text/html");
    assertThat(EvidenceTypes.detect(EvidenceSamples.svg())).isEqualTo("image/svg+xml");
    assertThat(EvidenceTypes.detect(EvidenceSamples.plainZip())).isEqualTo("application/zip");
  }

  @Test
  void longNamesAreShortenedKeepingTheExtension() {
    String name = "ก".repeat(300) + ".pdf";
    String kept = EvidenceFiles.name(name);
    assertThat(kept).hasSize(255).endsWith(".pdf");
    assertThat(EvidenceFiles.name("C:\\Users\\x\\รายงาน.pdf")).isEqualTo("รายงาน.pdf");
    assertThat(EvidenceFiles.name("../../etc/passwd")).isEqualTo("passwd");
  }

  @Test
  void theDescriptionIsTheContractsJson() {
    String sha = "a".repeat(64);
    assertThat(EvidenceFiles.description(sha, 12))
        .isEqualTo("{\"evidence\":1,\"sha256\":\"" + sha + "\",\"size\":12}");
    assertThat(
            EvidenceFiles.isEvidenceDescription(EvidenceFiles.description(sha, 12, "nakhonsawan")))
        .isTrue();
    assertThat(EvidenceFiles.isEvidenceDescription("{\"evidence\":1}")).isFalse();
    assertThat(EvidenceFiles.isEvidenceDescription("รูปเวที")).isFalse();
  }
}
