package th.or.codi.programme.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.evidence.EvidenceFile;
import th.or.codi.programme.evidence.EvidenceService;
import th.or.codi.programme.evidence.EvidenceService.Upload;
import th.or.codi.programme.security.WebSession;
import th.or.codi.programme.web.ForumPlanning;

/**
 * Evidence in the audit: the files Nakhon Sawan uploads on the forum plan and the forum report are
 * entries of the pipeline's trail (who, when, name, type, size, SHA-256, download path), in the
 * JSON and the CSV; the pipeline's ZIP has every file under its task key, Thai names kept, and a
 * manifest (CSV, JSON) and SHA256SUMS that match the files byte for byte; another province's member
 * gets 403; Cockpit's session downloads the same.
 */
@DemoApplicationTest
class EvidenceAuditRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired EvidenceService evidence;

  private PersonActions act;

  @BeforeEach
  void actions() {
    act = new PersonActions(engine);
  }

  /** A JPEG as far as any reader of its bytes can tell: SOI, a JFIF header, noise, EOI. */
  static byte[] jpeg(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    byte[] head = {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xE0,
      0,
      16,
      'J',
      'F',
      'I',
      'F',
      0,
      1,
      1,
      0,
      0,
      1,
      0,
      1,
      0,
      0
    };
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[size - 2] = (byte) 0xFF;
    bytes[size - 1] = (byte) 0xD9;
    return bytes;
  }

  static byte[] pdf(String text) {
    return ("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% " + text + "\ntrailer <<>>\n%%EOF\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  record Pipeline(String key, String id, List<EvidenceFile> files, Map<String, byte[]> bytes) {}

  /** A pipeline of TH-60 with three files on the forum plan and one on the forum report. */
  private Pipeline pipelineWithEvidence() {
    ForumPlanning forum = ForumPlanning.inUnusedWave(engine, act);
    String key = forum.key();
    Walkthrough walk = new Walkthrough(act, code -> ForumPlanning.PROVINCE_USER, task -> {});
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    byte[] photo1 = jpeg(200_000, 1);
    byte[] photo2 = jpeg(150_000, 2);
    byte[] minutes = pdf("บันทึกการประชุม");
    List<EvidenceFile> files = new ArrayList<>();
    files.addAll(
        act.as(
            ForumPlanning.PROVINCE_USER,
            () ->
                evidence.upload(
                    forum.planForum().getId(),
                    List.of(
                        new Upload("ภาพเวทีประชาคม.jpg", new ByteArrayInputStream(photo1)),
                        new Upload("ภาพเวทีประชาคม.jpg", new ByteArrayInputStream(photo2)),
                        new Upload(
                            "บันทึกการประชุม ครั้งที่ 1.pdf",
                            new ByteArrayInputStream(minutes))))));
    walk.planForum(key, ForumPlanning.PROVINCE);
    walk.reviewForum(key, "approve", "approve");
    act.fireTimer(key, "Event_ForumDay");
    Task report = act.task(key, "Activity_ReportForum");
    byte[] reportPdf = pdf("รายงานผลเวที");
    files.add(
        act.as(
            ForumPlanning.PROVINCE_USER,
            () ->
                evidence.upload(
                    report.getId(), "รายงานผลเวที.pdf", new ByteArrayInputStream(reportPdf))));
    for (int i = 0; i < files.size(); i++) {
      bytes.put(files.get(i).id(), List.of(photo1, photo2, minutes, reportPdf).get(i));
    }
    String id =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .processDefinitionKey("provincialPipeline")
            .singleResult()
            .getId();
    return new Pipeline(key, id, files, bytes);
  }

  private ResponseEntity<byte[]> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, byte[].class);
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  @Test
  void theZipHasEveryFileOfThePipelineAndAManifestThatMatchesItByteForByte(@TempDir Path dir)
      throws Exception {
    Pipeline p = pipelineWithEvidence();
    ResponseEntity<byte[]> response =
        get("auditor", "/engine-rest/programme/evidence/pipelines/" + p.id() + "/files.zip");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/zip");
    String disposition = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    String keyInName = p.key().replace('/', '-');
    assertThat(disposition)
        .startsWith("attachment; filename=\"evidence-" + keyInName + ".zip\"")
        .contains("filename*=UTF-8''evidence-" + keyInName + ".zip");

    Map<String, byte[]> zip = unzip(response.getBody());
    assertThat(zip.keySet())
        .containsExactly(
            "Activity_PlanForum/ภาพเวทีประชาคม.jpg",
            "Activity_PlanForum/ภาพเวทีประชาคม (2).jpg",
            "Activity_PlanForum/บันทึกการประชุม ครั้งที่ 1.pdf",
            "Activity_ReportForum/รายงานผลเวที.pdf",
            "manifest.csv",
            "manifest.json",
            "SHA256SUMS");

    // manifest.json: each row's file is in the ZIP, re-hashed it has the SHA-256 and size shown,
    // and it is the file uploaded
    JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
    assertThat(manifest.get("pipeline").asText()).isEqualTo(p.id());
    assertThat(manifest.get("businessKey").asText()).isEqualTo(p.key());
    assertThat(manifest.get("files")).hasSize(4);
    Map<String, String> hashes = new LinkedHashMap<>();
    for (JsonNode row : manifest.get("files")) {
      byte[] file = zip.get(row.get("path").asText());
      assertThat(file).as(row.get("path").asText()).isNotNull();
      assertThat(sha256(file)).isEqualTo(row.get("sha256").asText());
      assertThat((long) file.length).isEqualTo(row.get("size").asLong());
      assertThat(file).isEqualTo(p.bytes().get(row.get("attachmentId").asText()));
      assertThat(row.get("uploaded").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+07:00");
      assertThat(row.get("uploadedBuddhistEra").asText()).containsPattern("25\\d\\d");
      hashes.put(row.get("path").asText(), row.get("sha256").asText());
    }
    assertThat(manifest.get("files").get(0).get("contentType").asText()).isEqualTo("image/jpeg");
    assertThat(manifest.get("files").get(2).get("contentType").asText())
        .isEqualTo("application/pdf");
    assertThat(manifest.get("files").get(3).get("task").asText()).isNotBlank();

    // SHA256SUMS: "<sha256>  <path>" for each file, nothing else
    String sums = new String(zip.get("SHA256SUMS"), StandardCharsets.UTF_8);
    List<String> expected = new ArrayList<>();
    hashes.forEach((path, hash) -> expected.add(hash + "  " + path));
    assertThat(sums.split("\n")).containsExactlyElementsOf(expected);

    // manifest.csv: UTF-8 with a BOM, a header, one row per file with the same path and hash
    byte[] csvBytes = zip.get("manifest.csv");
    assertThat(csvBytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    List<List<String>> rows =
        AuditTrailRestTest.Csv.parse(
            new String(csvBytes, 3, csvBytes.length - 3, StandardCharsets.UTF_8));
    assertThat(rows.get(0).get(0)).isEqualTo("ที่อยู่ในไฟล์ ZIP / Path in the ZIP");
    assertThat(rows).hasSize(5);
    for (List<String> row : rows.subList(1, rows.size())) {
      assertThat(row).hasSize(10);
      assertThat(hashes).containsEntry(row.get(0), row.get(9));
      assertThat(row.get(4)).isEqualTo(ForumPlanning.PROVINCE_USER);
    }

    // and what an auditor does: unzip, sha256sum -c SHA256SUMS (GNU coreutils, where it is)
    if (!Files.isExecutable(Path.of("/usr/bin/sha256sum"))) {
      return;
    }
    for (Map.Entry<String, byte[]> e : zip.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, e.getValue());
    }
    Process check =
        new ProcessBuilder("/usr/bin/sha256sum", "-c", "SHA256SUMS")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.exitValue()).as(said).isZero();
    assertThat(said).contains("Activity_PlanForum/ภาพเวทีประชาคม (2).jpg: OK");
  }

  @Test
  void theZipIsForThePipelinesReadersAndNeverForAnotherProvince() throws Exception {
    Pipeline p = pipelineWithEvidence();
    String path = "/engine-rest/programme/evidence/pipelines/" + p.id() + "/files.zip";
    for (String reader :
        List.of(
            "auditor",
            "manager",
            "codi",
            "thaihealth",
            "working-group",
            ForumPlanning.PROVINCE_USER)) {
      if (engine.getIdentityService().createUserQuery().userId(reader).count() == 0) {
        continue;
      }
      assertThat(get(reader, path).getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
    }
    ResponseEntity<String> other =
        http.withBasicAuth("chainat", "chainat").getForEntity(path, String.class);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(other.getHeaders().getContentType().toString()).startsWith("application/json");
    JsonNode refusal = JSON.readTree(other.getBody());
    assertThat(refusal.get("message").asText()).contains(" / ").contains("chainat");
    assertThat(http.getForEntity(path, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            get("auditor", "/engine-rest/programme/evidence/pipelines/no-such/files.zip")
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void eachFileIsAnEntryOfTheTrailWithItsHashInTheJsonAndTheCsv() throws Exception {
    Pipeline p = pipelineWithEvidence();
    ResponseEntity<String> response =
        http.withBasicAuth("auditor", "auditor")
            .getForEntity("/engine-rest/programme/audit-trail/" + p.id(), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode doc = JSON.readTree(response.getBody());
    List<JsonNode> entries = new ArrayList<>();
    doc.get("entries").forEach(entries::add);
    List<JsonNode> files =
        entries.stream().filter(e -> "EVIDENCE".equals(e.get("kind").asText())).toList();
    assertThat(files).hasSize(4);
    for (int i = 0; i < files.size(); i++) {
      JsonNode e = files.get(i);
      EvidenceFile uploaded = p.files().get(i);
      assertThat(e.get("kindTh").asText()).isEqualTo("หลักฐาน");
      assertThat(e.get("actor").asText()).isEqualTo(ForumPlanning.PROVINCE_USER);
      assertThat(e.get("taskId").asText()).isEqualTo(uploaded.taskId());
      assertThat(e.get("activityId").asText()).isEqualTo(uploaded.taskDefinitionKey());
      JsonNode file = e.get("evidence");
      assertThat(file.get("attachmentId").asText()).isEqualTo(uploaded.id());
      assertThat(file.get("fileName").asText()).isEqualTo(uploaded.name());
      assertThat(file.get("contentType").asText()).isEqualTo(uploaded.contentType());
      assertThat(file.get("size").asLong()).isEqualTo(uploaded.size());
      assertThat(file.get("sha256").asText()).isEqualTo(uploaded.sha256());
      assertThat(e.get("detail").asText()).contains(uploaded.name()).contains(uploaded.sha256());
      // the download path, under the evidence API, gives the very bytes
      ResponseEntity<byte[]> content =
          get("auditor", "/engine-rest/programme/evidence/" + file.get("download").asText());
      assertThat(content.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(sha256(content.getBody())).isEqualTo(uploaded.sha256());
    }
    assertThat(files.get(0).get("evidence").get("fileName").asText())
        .isEqualTo("ภาพเวทีประชาคม.jpg");
    // in time order with the rest: the plan's files before the plan's completion, the report's
    // after the forum day's timer
    int planFile = entries.indexOf(files.get(0));
    int planCompleted = indexOf(entries, "TASK_COMPLETED", p.files().get(0).taskId());
    int reportCreated = indexOf(entries, "TASK_CREATED", p.files().get(3).taskId());
    assertThat(planFile).isLessThan(planCompleted);
    assertThat(entries.indexOf(files.get(3))).isGreaterThan(reportCreated);
    // the engine's own record of adding an attachment is not shown twice
    assertThat(entries)
        .noneMatch(
            e ->
                "OPERATOR_ACTION".equals(e.get("kind").asText())
                    && e.path("detail").asText().contains("Attachment"));

    ResponseEntity<byte[]> csv =
        get("auditor", "/engine-rest/programme/audit-trail/" + p.id() + "?format=csv");
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    byte[] body = csv.getBody();
    List<List<String>> rows =
        AuditTrailRestTest.Csv.parse(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
    int header = rows.indexOf(List.of(AuditExport.COLUMNS));
    assertThat(header).isPositive();
    int sha = List.of(AuditExport.COLUMNS).indexOf("ค่า SHA-256 / SHA-256");
    if (sha < 0) {
      sha = AuditExport.COLUMNS.length - 2;
    }
    int column = sha;
    List<List<String>> evidenceRows =
        rows.subList(header + 1, rows.size()).stream()
            .filter(r -> r.size() > column && !r.get(column).isEmpty())
            .toList();
    assertThat(evidenceRows).hasSize(4);
    assertThat(evidenceRows.stream().map(r -> r.get(column)))
        .containsExactlyElementsOf(p.files().stream().map(EvidenceFile::sha256).toList());
    assertThat(evidenceRows.get(0)).contains("ภาพเวทีประชาคม.jpg", "image/jpeg", "200000");
  }

  @Test
  void aFileRemovedWhileItsTaskWasOpenShowsAsRemovedByWhoRemovedIt() throws Exception {
    ForumPlanning forum = ForumPlanning.inUnusedWave(engine, act);
    EvidenceFile wrong =
        act.as(
            ForumPlanning.PROVINCE_USER,
            () ->
                evidence.upload(
                    forum.planForum().getId(),
                    "ผิดไฟล์.pdf",
                    new ByteArrayInputStream(pdf("ผิดไฟล์"))));
    act.as(
        ForumPlanning.PROVINCE_USER,
        () -> {
          evidence.remove(wrong.id());
          return null;
        });
    ResponseEntity<String> response =
        http.withBasicAuth("auditor", "auditor")
            .getForEntity(
                "/engine-rest/programme/audit-trail/" + forum.planForum().getProcessInstanceId(),
                String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<JsonNode> entries = new ArrayList<>();
    JSON.readTree(response.getBody()).get("entries").forEach(entries::add);
    assertThat(entries).noneMatch(e -> "EVIDENCE".equals(e.get("kind").asText()));
    JsonNode removed =
        entries.stream()
            .filter(e -> "EVIDENCE_REMOVED".equals(e.get("kind").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(removed.get("actor").asText()).isEqualTo(ForumPlanning.PROVINCE_USER);
    assertThat(removed.get("detail").asText()).isEqualTo("ผิดไฟล์.pdf");
    assertThat(removed.get("kindTh").asText()).isEqualTo("ลบหลักฐาน");
    assertThat(removed.get("taskId").asText()).isEqualTo(forum.planForum().getId());
  }

  @Test
  void cockpitsSessionDownloadsAFileAndTheZipUnderTheProgrammePlugin() throws Exception {
    Pipeline p = pipelineWithEvidence();
    WebSession session = WebSession.open(http);
    assertThat(session.login("auditor", "auditor", "cockpit").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    String base = "/camunda/api/cockpit/plugin/programme/default/evidence/";
    ResponseEntity<byte[]> file =
        sessionGet(session, base + "files/" + p.files().get(0).id() + "/content");
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(sha256(file.getBody())).isEqualTo(p.files().get(0).sha256());
    assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    ResponseEntity<byte[]> zip = sessionGet(session, base + "pipelines/" + p.id() + "/files.zip");
    assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(unzip(zip.getBody())).containsKey("SHA256SUMS");
    // without a session: nothing
    assertThat(
            http.getForEntity(base + "pipelines/" + p.id() + "/files.zip", String.class)
                .getStatusCode()
                .value())
        .isIn(401, 403);
  }

  private ResponseEntity<byte[]> sessionGet(WebSession session, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session.cookies());
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  private static int indexOf(List<JsonNode> entries, String kind, String taskId) {
    for (int i = 0; i < entries.size(); i++) {
      if (kind.equals(entries.get(i).get("kind").asText())
          && taskId.equals(entries.get(i).path("taskId").asText())) {
        return i;
      }
    }
    throw new AssertionError("no " + kind + " of task " + taskId);
  }
}
