package th.or.codi.programme.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;
import th.or.codi.programme.security.WebSession;
import th.or.codi.programme.web.ForumPlanning;

/**
 * Evidence files through the REST API (issue 17), on H2 and, in the {@code postgres} execution, on
 * PostgreSQL: upload, list and download byte for byte; Thai names; refused types and sizes with
 * nothing stored; other provinces refused; files of a completed task immutable; the engine's own
 * attachment endpoints closed; the evidence rule of the four reports.
 */
@DemoApplicationTest
class EvidenceRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "/engine-rest/programme/evidence";
  private static final String OWNER = ForumPlanning.PROVINCE_USER;
  private static final String OTHER_PROVINCE = "saraburi";

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired PersonActions act;
  @Autowired EvidenceProperties properties;
  @Autowired th.or.codi.programme.provinces.ProvinceReferenceData provinces;

  private ForumPlanning at;
  private Task planForum;

  @BeforeEach
  void aPipelineAtItsFirstTask() {
    at = ForumPlanning.inUnusedWave(engine, act);
    planForum = at.planForum();
  }

  // ------------------------------------------------------------------------------------- helpers

  /** A part of a multipart body: the field "file" with this file name and bytes. */
  record Part(String fileName, byte[] bytes) {}

  private static final String BOUNDARY = "----evidence-test-boundary-7c2f";

  /** multipart/form-data as a browser writes it (RFC 7578): UTF-8 file names, raw. */
  static byte[] multipart(Part... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part part : parts) {
      out.writeBytes(
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + part.fileName()
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(part.bytes());
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private ResponseEntity<String> upload(String user, String taskId, Part... parts) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY));
    return http.withBasicAuth(user, user)
        .exchange(
            API + "/tasks/" + taskId + "/files",
            HttpMethod.POST,
            new HttpEntity<>(multipart(parts), headers),
            String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class);
  }

  private ResponseEntity<byte[]> download(String user, String attachmentId) {
    return http.withBasicAuth(user, user)
        .exchange(
            API + "/files/" + attachmentId + "/content",
            HttpMethod.GET,
            HttpEntity.EMPTY,
            byte[].class);
  }

  private ResponseEntity<String> delete(String user, String attachmentId) {
    return http.withBasicAuth(user, user)
        .exchange(
            API + "/files/" + attachmentId, HttpMethod.DELETE, HttpEntity.EMPTY, String.class);
  }

  private static JsonNode json(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody());
  }

  private long attachmentsOf(String taskId) {
    return engine.getTaskService().getTaskAttachments(taskId).size();
  }

  private static void assertThaiAndEnglish(ResponseEntity<String> response) throws Exception {
    String message = json(response).path("message").asText();
    assertThat(message)
        .contains(" / ")
        .containsPattern("[\\u0E00-\\u0E7F]")
        .containsPattern("[A-Za-z]");
  }

  // --------------------------------------------------------------------------------------- tests

  @Test
  void uploadedFilesAreListedAndDownloadedByteForByte() throws Exception {
    byte[] pdf = EvidenceSamples.pdf();
    byte[] png = EvidenceSamples.png();
    ResponseEntity<String> created =
        upload(OWNER, planForum.getId(), new Part("agenda.pdf", pdf), new Part("venue.png", png));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode stored = json(created);
    assertThat(stored).hasSize(2);
    assertThat(stored.get(0).path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(stored.get(1).path("contentType").asText()).isEqualTo("image/png");
    assertThat(stored.get(0).path("sha256").asText()).isEqualTo(EvidenceService.sha256(pdf));
    assertThat(stored.get(0).path("size").asLong()).isEqualTo(pdf.length);
    assertThat(stored.get(0).path("uploader").asText()).isEqualTo(OWNER);

    ResponseEntity<String> listed = get(OWNER, API + "/tasks/" + planForum.getId() + "/files");
    assertThat(listed.getStatusCode().value()).isEqualTo(200);
    JsonNode list = json(listed);
    assertThat(list.path("task")).hasSize(2);
    assertThat(list.path("earlier")).isEmpty();
    assertThat(list.path("canUpload").asBoolean()).isTrue();
    assertThat(list.path("limits").path("maxFileBytes").asLong())
        .isEqualTo(properties.maxFileSize().toBytes());
    assertThat(list.path("limits").path("allowedTypes").toString()).contains("application/pdf");
    JsonNode first = list.path("task").get(0);
    assertThat(first.path("removable").asBoolean()).isTrue();
    assertThat(first.path("taskDefinitionKey").asText()).isEqualTo("Activity_PlanForum");
    assertThat(first.path("download").asText())
        .isEqualTo("files/" + first.path("id").asText() + "/content");

    // codi reads the province's evidence, but may not remove the province's file
    ResponseEntity<String> asCodi = get("codi", API + "/tasks/" + planForum.getId() + "/files");
    assertThat(asCodi.getStatusCode().value()).isEqualTo(200);
    assertThat(json(asCodi).path("task").get(0).path("removable").asBoolean()).isFalse();
    assertThat(delete("codi", first.path("id").asText()).getStatusCode().value()).isEqualTo(403);

    ResponseEntity<byte[]> content = download("auditor", first.path("id").asText());
    assertThat(content.getStatusCode().value()).isEqualTo(200);
    assertThat(content.getBody()).isEqualTo(pdf);
    assertThat(EvidenceService.sha256(content.getBody())).isEqualTo(first.path("sha256").asText());
    assertThat(content.getHeaders().getFirst("X-Content-SHA256"))
        .isEqualTo(EvidenceService.sha256(pdf));
    assertThat(content.getHeaders().getContentType().toString()).startsWith("application/pdf");
    assertThat(content.getHeaders().get("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(content.getHeaders().getContentLength()).isEqualTo(pdf.length);
    assertThat(content.getHeaders().getFirst("Content-Disposition")).startsWith("attachment;");

    // the uploader removes their own file while the task is open
    String pngId = list.path("task").get(1).path("id").asText();
    assertThat(delete(OWNER, pngId).getStatusCode().value()).isEqualTo(204);
    assertThat(attachmentsOf(planForum.getId())).isEqualTo(1);
  }

  @Test
  void aThaiFileNameComesBackAsItWasUploaded() throws Exception {
    String name = "รายงานเวที ครั้งที่ 1 (สรุป).pdf";
    ResponseEntity<String> created =
        upload(OWNER, planForum.getId(), new Part(name, EvidenceSamples.pdf()));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    assertThat(json(created).get(0).path("name").asText()).isEqualTo(name);
    String id = json(created).get(0).path("id").asText();
    String disposition = download(OWNER, id).getHeaders().getFirst("Content-Disposition");
    assertThat(disposition).contains("filename=\"").contains("filename*=UTF-8''");
    String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17);
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(name);
    String fallback = disposition.substring(disposition.indexOf("filename=\"") + 10);
    assertThat(fallback.substring(0, fallback.indexOf('"')))
        .matches("[\\x20-\\x7e]+")
        .endsWith(".pdf");
  }

  static Stream<Arguments> refusedFiles() {
    return Stream.of(
        Arguments.of("html-renamed.pdf", EvidenceSamples.html()),
        Arguments.of("drawing.svg", EvidenceSamples.svg()),
        Arguments.of("photo.jpg", EvidenceSamples.elf()),
        Arguments.of("report.docx", EvidenceSamples.pe()),
        Arguments.of("install.sh", EvidenceSamples.shellScript()),
        Arguments.of("archive.zip", EvidenceSamples.plainZip()));
  }

  @ParameterizedTest
  @MethodSource("refusedFiles")
  void aRefusedTypeStoresNothing(String name, byte[] bytes) throws Exception {
    ResponseEntity<String> refused =
        upload(
            OWNER,
            planForum.getId(),
            new Part("fine.pdf", EvidenceSamples.pdf()),
            new Part(name, bytes));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(415);
    assertThat(json(refused).path("type").asText()).isEqualTo("TypeNotAllowed");
    assertThat(json(refused).path("message").asText()).contains(name);
    assertThaiAndEnglish(refused);
    assertThat(attachmentsOf(planForum.getId())).isZero();
  }

  @Test
  void aFileOverTheLimitStoresNothing() throws Exception {
    byte[] big = new byte[(int) properties.maxFileSize().toBytes() + 1];
    byte[] pdf = EvidenceSamples.pdf();
    System.arraycopy(pdf, 0, big, 0, pdf.length);
    ResponseEntity<String> refused = upload(OWNER, planForum.getId(), new Part("big.pdf", big));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(413);
    assertThat(json(refused).path("type").asText()).isEqualTo("FileTooLarge");
    assertThaiAndEnglish(refused);
    assertThat(attachmentsOf(planForum.getId())).isZero();
  }

  /**
   * programme.rest.max-request-size (2MB) does not hold for the upload path, which may carry a
   * task's whole allowance; it still holds for everything else.
   */
  @Test
  void theUploadPathAloneCarriesMoreThanTheRequestLimit() throws Exception {
    byte[] photo = padded(EvidenceSamples.pdf(), 3 * 1024 * 1024);
    ResponseEntity<String> created = upload(OWNER, planForum.getId(), new Part("scan.pdf", photo));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    assertThat(json(created).get(0).path("size").asLong()).isEqualTo(photo.length);

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY));
    ResponseEntity<String> elsewhere =
        http.withBasicAuth(OWNER, OWNER)
            .exchange(
                "/engine-rest/task/" + planForum.getId() + "/attachment/create",
                HttpMethod.POST,
                new HttpEntity<>(multipart(new Part("scan.pdf", photo)), headers),
                String.class);
    assertThat(elsewhere.getStatusCode().value()).isEqualTo(413);
    assertThat(json(elsewhere).path("type").asText()).isEqualTo("RequestTooLarge");
    assertThat(attachmentsOf(planForum.getId())).isEqualTo(1);
  }

  @Test
  void aTaskOverItsAllowanceStoresNothingMore() throws Exception {
    // the service with small limits: the same checks without uploading 100 MB
    EvidenceService small =
        new EvidenceService(
            engine,
            provinces,
            new EvidenceProperties(
                org.springframework.util.unit.DataSize.ofKilobytes(4),
                org.springframework.util.unit.DataSize.ofKilobytes(6),
                properties.allowedTypes()));
    byte[] pdf = padded(EvidenceSamples.pdf(), 3500);
    engine.getIdentityService().setAuthentication(OWNER, List.of("community-nakhon-sawan"));
    try {
      small.upload(planForum.getId(), "one.pdf", new java.io.ByteArrayInputStream(pdf));
      EvidenceException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              EvidenceException.class,
              () ->
                  small.upload(
                      planForum.getId(),
                      List.of(
                          new EvidenceService.Upload(
                              "two.pdf", new java.io.ByteArrayInputStream(pdf)))));
      assertThat(refused.status()).isEqualTo(413);
      assertThat(refused.type()).isEqualTo("TaskTooLarge");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(attachmentsOf(planForum.getId())).isEqualTo(1);
  }

  private static byte[] padded(byte[] pdf, int size) {
    byte[] bytes = java.util.Arrays.copyOf(pdf, size);
    java.util.Arrays.fill(bytes, pdf.length, size, (byte) ' ');
    return bytes;
  }

  @Test
  void anotherProvincesMemberIsRefusedListAndDownload() throws Exception {
    ResponseEntity<String> created =
        upload(OWNER, planForum.getId(), new Part("a.pdf", EvidenceSamples.pdf()));
    String id = json(created).get(0).path("id").asText();

    ResponseEntity<String> list =
        get(OTHER_PROVINCE, API + "/tasks/" + planForum.getId() + "/files");
    assertThat(list.getStatusCode().value()).isEqualTo(403);
    assertThaiAndEnglish(list);
    assertThat(download(OTHER_PROVINCE, id).getStatusCode().value()).isEqualTo(403);
    // nor through the engine's own attachment endpoints, which check no grants themselves
    ResponseEntity<String> engineData =
        get(
            OTHER_PROVINCE,
            "/engine-rest/task/" + planForum.getId() + "/attachment/" + id + "/data");
    assertThat(engineData.getStatusCode().value()).isEqualTo(403);
    // nor upload to the province's task
    assertThat(
            upload(OTHER_PROVINCE, planForum.getId(), new Part("b.pdf", EvidenceSamples.pdf()))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(attachmentsOf(planForum.getId())).isEqualTo(1);
  }

  @Test
  void aCompletedTasksFilesCannotBeRemovedOrAddedTo() throws Exception {
    ResponseEntity<String> created =
        upload(OWNER, planForum.getId(), new Part("plan.pdf", EvidenceSamples.pdf()));
    String id = json(created).get(0).path("id").asText();
    ResponseEntity<String> completed =
        ForumPlanning.post(http, OWNER, at.completePath(), ForumPlanning.goodPlan());
    assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);

    ResponseEntity<String> removed = delete(OWNER, id);
    assertThat(removed.getStatusCode().value()).isEqualTo(409);
    assertThaiAndEnglish(removed);
    ResponseEntity<String> added =
        upload(OWNER, planForum.getId(), new Part("late.pdf", EvidenceSamples.pdf()));
    assertThat(added.getStatusCode().value()).isEqualTo(409);
    // still there, still readable, and shown as an earlier task's file on the next task
    assertThat(download("codi", id).getBody()).isEqualTo(EvidenceSamples.pdf());
    Task review = act.task(at.key(), "Activity_ReviewForumPlanCodi");
    JsonNode next = json(get("codi", API + "/tasks/" + review.getId() + "/files"));
    assertThat(next.path("earlier")).hasSize(1);
    assertThat(next.path("earlier").get(0).path("removable").asBoolean()).isFalse();
    assertThat(attachmentsOf(planForum.getId())).isEqualTo(1);
  }

  private ResponseEntity<String> engineAttachment(String user, String taskId, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY));
    return http.withBasicAuth(user, user)
        .exchange(
            "/engine-rest/task/" + taskId + "/attachment/create",
            HttpMethod.POST,
            new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
            String.class);
  }

  private static String field(String name, String value) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  /**
   * The engine's own attachment endpoint: for an administrator (whom nothing else stops) the rule
   * answers 403 in Thai and English; a party's request is refused before it (the resource looks the
   * task up in history, which parties may not read: 400), and through the Java API the same rule
   * refuses them. Nothing is stored; links stay as they were.
   */
  @Test
  void theEnginesAttachmentEndpointsCannotBypassTheRules() throws Exception {
    String withContent =
        field("attachment-name", "page.pdf")
            + field("attachment-type", "application/pdf")
            + "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"page.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n"
            + new String(EvidenceSamples.html(), StandardCharsets.UTF_8)
            + "\r\n--"
            + BOUNDARY
            + "--\r\n";
    ResponseEntity<String> byAdministrator =
        engineAttachment("admin", planForum.getId(), withContent);
    assertThat(byAdministrator.getStatusCode().value())
        .as(byAdministrator.getBody())
        .isEqualTo(403);
    assertThat(json(byAdministrator).path("rule").asText()).isEqualTo("attachment-content");
    assertThaiAndEnglish(byAdministrator);
    ResponseEntity<String> byParty = engineAttachment(OWNER, planForum.getId(), withContent);
    assertThat(byParty.getStatusCode().is4xxClientError()).as(byParty.getBody()).isTrue();

    // a forged evidence description on a link is refused too
    String forged =
        field("attachment-name", "x.pdf")
            + field("attachment-description", EvidenceFiles.description("0".repeat(64), 1))
            + field("url", "https://example.org/x")
            + "--"
            + BOUNDARY
            + "--\r\n";
    ResponseEntity<String> forgedAnswer = engineAttachment("admin", planForum.getId(), forged);
    assertThat(forgedAnswer.getStatusCode().value()).as(forgedAnswer.getBody()).isEqualTo(403);

    engine.getIdentityService().setAuthentication(OWNER, List.of("community-nakhon-sawan"));
    try {
      org.camunda.bpm.engine.AuthorizationException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              org.camunda.bpm.engine.AuthorizationException.class,
              () ->
                  engine
                      .getTaskService()
                      .createAttachment(
                          "application/pdf",
                          planForum.getId(),
                          null,
                          "a.pdf",
                          null,
                          new java.io.ByteArrayInputStream(EvidenceSamples.pdf())));
      assertThat(refused.getMessage()).contains("/engine-rest/programme/evidence");
      assertThat(attachmentsOf(planForum.getId())).isZero();
      // a link stays as it was
      engine
          .getTaskService()
          .createAttachment(
              "link", planForum.getId(), null, "รูปเวที", null, "https://example.org/photos");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(attachmentsOf(planForum.getId())).isEqualTo(1);

    // an evidence file cannot be deleted through the engine, even by an administrator
    ResponseEntity<String> created =
        upload(OWNER, planForum.getId(), new Part("a.pdf", EvidenceSamples.pdf()));
    String id = json(created).get(0).path("id").asText();
    ResponseEntity<String> deleted =
        http.withBasicAuth("admin", "admin")
            .exchange(
                "/engine-rest/task/" + planForum.getId() + "/attachment/" + id,
                HttpMethod.DELETE,
                HttpEntity.EMPTY,
                String.class);
    // (Camunda's resource answers any failure of the deletion with 404)
    assertThat(deleted.getStatusCode().is4xxClientError()).as(deleted.getBody()).isTrue();
    assertThat(attachmentsOf(planForum.getId())).isEqualTo(2);
    engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
    try {
      org.junit.jupiter.api.Assertions.assertThrows(
          org.camunda.bpm.engine.AuthorizationException.class,
          () -> engine.getTaskService().deleteTaskAttachment(planForum.getId(), id));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(attachmentsOf(planForum.getId())).isEqualTo(2);
    // the link is not evidence: not listed as a file
    assertThat(json(get(OWNER, API + "/tasks/" + planForum.getId() + "/files")).path("task"))
        .hasSize(1);
  }

  @Test
  void theForumReportNeedsAFileOrALink() throws Exception {
    Walkthrough walk = new Walkthrough(act, code -> OWNER, task -> {});
    walk.planForum(at.key(), ForumPlanning.PROVINCE);
    walk.reviewForum(at.key(), "approve", "approve");
    act.fireTimer(at.key(), "Event_ForumDay");
    Task report = act.task(at.key(), "Activity_ReportForum");
    String path = "/engine-rest/task/" + report.getId() + "/complete";

    ResponseEntity<String> refused = ForumPlanning.post(http, OWNER, path, report(null));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(refused.getBody()).contains("forumEvidenceLink");
    assertThaiAndEnglish(refused);
    assertThat(engine.getTaskService().createTaskQuery().taskId(report.getId()).count()).isOne();

    ResponseEntity<String> created =
        upload(OWNER, report.getId(), new Part("ภาพเวที.jpg", EvidenceSamples.jpeg()));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    ResponseEntity<String> withFile = ForumPlanning.post(http, OWNER, path, report(null));
    assertThat(withFile.getStatusCode().value()).as(withFile.getBody()).isEqualTo(204);
  }

  @Test
  void theForumReportIsAcceptedWithALinkAlone() throws Exception {
    Walkthrough walk = new Walkthrough(act, code -> OWNER, task -> {});
    walk.planForum(at.key(), ForumPlanning.PROVINCE);
    walk.reviewForum(at.key(), "approve", "approve");
    act.fireTimer(at.key(), "Event_ForumDay");
    Task report = act.task(at.key(), "Activity_ReportForum");
    ResponseEntity<String> accepted =
        ForumPlanning.post(
            http,
            OWNER,
            "/engine-rest/task/" + report.getId() + "/complete",
            report("https://example.org/forum"));
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(204);
  }

  private static String report(String link) {
    return """
        {"variables": {
          "participantsCommunity": {"value": 60},
          "participantsCodi": {"value": 5},
          "participantsThaiHealth": {"value": 4},
          "participantsOther": {"value": 10},
          "agreements": {"value": "ตกลงร่วมขับเคลื่อนงานระดับจังหวัด"},
          "forumMoneySpent": {"value": 24000},
          %s
          "forumDecision": {"value": "proceed"},
          "forumDecisionReason": {"value": ""}
        }}"""
        .formatted(link == null ? "" : "\"forumEvidenceLink\": {\"value\": \"" + link + "\"},");
  }

  @Test
  void tasklistsPluginApiAnswersTheSameWithTheSessionLogin() throws Exception {
    upload(OWNER, planForum.getId(), new Part("a.pdf", EvidenceSamples.pdf()));
    WebSession session = WebSession.open(http);
    assertThat(session.login(OWNER, OWNER, "tasklist").getStatusCode().is2xxSuccessful()).isTrue();
    String base = "/camunda/api/tasklist/plugin/evidence/default";
    ResponseEntity<String> listed = session.get(base + "/tasks/" + planForum.getId() + "/files");
    assertThat(listed.getStatusCode().value()).as(listed.getBody()).isEqualTo(200);
    assertThat(json(listed).path("task")).hasSize(1);

    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session.cookies());
    headers.add("X-XSRF-TOKEN", session.csrfToken());
    headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY));
    ResponseEntity<String> created =
        http.exchange(
            base + "/tasks/" + planForum.getId() + "/files",
            HttpMethod.POST,
            new HttpEntity<>(multipart(new Part("ภาพ.png", EvidenceSamples.png())), headers),
            String.class);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    assertThat(json(created).get(0).path("name").asText()).isEqualTo("ภาพ.png");
    assertThat(attachmentsOf(planForum.getId())).isEqualTo(2);

    // without the CSRF token the session's upload is refused
    HttpHeaders noToken = new HttpHeaders();
    noToken.add(HttpHeaders.COOKIE, session.cookies());
    noToken.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY));
    ResponseEntity<String> forged =
        http.exchange(
            base + "/tasks/" + planForum.getId() + "/files",
            HttpMethod.POST,
            new HttpEntity<>(multipart(new Part("x.png", EvidenceSamples.png())), noToken),
            String.class);
    assertThat(forged.getStatusCode().value()).isEqualTo(403);
    assertThat(attachmentsOf(planForum.getId())).isEqualTo(2);
  }
}
