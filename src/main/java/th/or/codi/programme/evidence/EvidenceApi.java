package th.or.codi.programme.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.UploadContext;
import org.camunda.bpm.engine.ProcessEngine;
import th.or.codi.programme.evidence.EvidenceService.Content;
import th.or.codi.programme.evidence.EvidenceService.TaskEvidence;
import th.or.codi.programme.evidence.EvidenceService.Upload;

/**
 * Evidence files on tasks, in JSON (UTF-8):
 *
 * <ul>
 *   <li>{@code POST tasks/{taskId}/files}: {@code multipart/form-data} with one or more parts named
 *       {@code file} (RFC 7578, UTF-8 file names) → 201 with the files stored; one refused file
 *       stores none;
 *   <li>{@code GET tasks/{taskId}/files}: this task's files, those of the earlier tasks of its
 *       pipeline, the limits, and whether the caller may upload;
 *   <li>{@code GET files/{attachmentId}/content}: the bytes, as an attachment, with the detected
 *       type, {@code nosniff} and the SHA-256;
 *   <li>{@code DELETE files/{attachmentId}}: one's own file while the task is open → 204;
 *   <li>{@code GET pipelines/{processInstanceId}/files.zip}: every file of a pipeline (below).
 * </ul>
 *
 * The same class answers under {@code /engine-rest/programme/evidence} (HTTP Basic; {@link
 * EvidenceConfiguration}) and under Tasklist's plugin API {@code
 * /camunda/api/tasklist/plugin/evidence/{engine}} (the webapps' session login; {@link
 * EvidenceInTasklist}). The caller is the engine's current authentication; {@link EvidenceService}
 * checks what they may do. Refusals are {@code {type, message:"ไทย / English", code}}.
 */
@Path("programme/evidence")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceApi {

  static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

  /** Room for the multipart framing around the files: boundaries and part headers. */
  public static final long MULTIPART_OVERHEAD = 1024 * 1024;

  private final EvidenceService evidence;
  private final ObjectMapper json;

  public EvidenceApi(EvidenceService evidence, ObjectMapper json) {
    this.evidence = evidence;
    this.json = json;
  }

  public EvidenceApi(ProcessEngine engine, EvidenceApiPlugin plugin) {
    this(plugin.service(engine), plugin.json());
  }

  @POST
  @Path("tasks/{taskId}/files")
  @Consumes(MediaType.WILDCARD)
  public Response upload(
      @PathParam("taskId") String taskId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    try {
      List<Upload> files = parts(contentType, body);
      List<EvidenceFile> stored = evidence.upload(taskId, files);
      List<Map<String, Object>> shown = new ArrayList<>();
      for (EvidenceFile file : stored) {
        shown.add(view(file, true));
      }
      return Response.status(Response.Status.CREATED).type(JSON_UTF8).entity(write(shown)).build();
    } catch (EvidenceException e) {
      return refused(e);
    }
  }

  @GET
  @Path("tasks/{taskId}/files")
  public Response list(@PathParam("taskId") String taskId) {
    try {
      TaskEvidence files = evidence.list(taskId);
      EvidenceService.Limits limits = evidence.limits();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("task", views(files.task()));
      body.put("earlier", views(files.earlier()));
      Map<String, Object> shownLimits = new LinkedHashMap<>();
      shownLimits.put("maxFileBytes", limits.maxFileBytes());
      shownLimits.put("maxTaskBytes", limits.maxTaskBytes());
      shownLimits.put("allowedTypes", limits.allowedTypes());
      body.put("limits", shownLimits);
      body.put("canUpload", files.canUpload());
      return Response.ok(write(body), JSON_UTF8).build();
    } catch (EvidenceException e) {
      return refused(e);
    }
  }

  @GET
  @Path("files/{attachmentId}/content")
  @Produces(MediaType.WILDCARD)
  public Response content(@PathParam("attachmentId") String attachmentId) {
    try {
      Content content = evidence.content(attachmentId);
      EvidenceFile file = content.file();
      return Response.ok(content.bytes(), file.contentType())
          .header("Content-Disposition", contentDisposition(file.name()))
          .header("X-Content-Type-Options", "nosniff")
          .header(HttpHeaders.CONTENT_LENGTH, content.bytes().length)
          .header("X-Content-SHA256", file.sha256())
          .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
          .build();
    } catch (EvidenceException e) {
      return refused(e);
    }
  }

  @DELETE
  @Path("files/{attachmentId}")
  public Response remove(@PathParam("attachmentId") String attachmentId) {
    try {
      evidence.remove(attachmentId);
      return Response.noContent().build();
    } catch (EvidenceException e) {
      return refused(e);
    }
  }

  /**
   * Every file of the pipeline the process instance belongs to (its provincial pipeline and every
   * stage it called), as a ZIP streamed to the client ({@link EvidenceZip}): the files under {@code
   * <task key>/<file name>}, {@code manifest.csv}, {@code manifest.json} and {@code SHA256SUMS}.
   * Who may read the pipeline's evidence may download it; another province's movement gets 403
   * before anything is written.
   */
  @GET
  @Path("pipelines/{processInstanceId}/files.zip")
  @Produces({"application/zip", MediaType.APPLICATION_JSON})
  public Response zip(@PathParam("processInstanceId") String processInstanceId) {
    try {
      List<EvidenceFile> files = evidence.ofPipeline(processInstanceId);
      String pipeline = evidence.pipelineOf(processInstanceId);
      EvidenceZip zip =
          new EvidenceZip(evidence, json, pipeline, evidence.businessKey(pipeline), files);
      StreamingOutput body = zip::write;
      return Response.ok(body, "application/zip")
          .header("Content-Disposition", contentDisposition(zip.fileName()))
          .header("X-Content-Type-Options", "nosniff")
          .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
          .build();
    } catch (EvidenceException e) {
      return refused(e);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>} (RFC 6266,
   * RFC 5987): browsers use the second, with the Thai name as uploaded.
   */
  static String contentDisposition(String name) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("[^\\x20-\\x7e]", "")
            .replaceAll("[\"\\\\]", "_")
            .strip();
    int dot = name.lastIndexOf('.');
    String extension = dot >= 0 ? name.substring(dot).replaceAll("[^A-Za-z0-9.]", "") : "";
    if (ascii.isEmpty() || ascii.equals(extension)) {
      ascii = "evidence" + extension;
    }
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  private List<Map<String, Object>> views(List<EvidenceFile> files) {
    List<Map<String, Object>> shown = new ArrayList<>();
    for (EvidenceFile file : files) {
      shown.add(view(file, evidence.removable(file)));
    }
    return shown;
  }

  private static Map<String, Object> view(EvidenceFile file, boolean removable) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", file.id());
    view.put("taskId", file.taskId());
    view.put("taskName", file.taskName());
    view.put("taskDefinitionKey", file.taskDefinitionKey());
    view.put("processInstanceId", file.processInstanceId());
    view.put("rootProcessInstanceId", file.rootProcessInstanceId());
    view.put("name", file.name());
    view.put("contentType", file.contentType());
    view.put("size", file.size());
    view.put("sha256", file.sha256());
    view.put("uploader", file.uploader());
    view.put("uploaded", file.uploaded() == null ? null : file.uploaded().toString());
    view.put("removable", removable);
    view.put("download", "files/" + file.id() + "/content");
    return view;
  }

  /** The parts named {@code file}, each read whole (at most the largest file, plus one byte). */
  private List<Upload> parts(String contentType, InputStream body) {
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
      throw new EvidenceException(400, "NoFile", "evidence.upload.noFile");
    }
    long maxFile = evidence.limits().maxFileBytes();
    FileUpload upload = new FileUpload();
    upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
    upload.setSizeMax(-1);
    List<Upload> files = new ArrayList<>();
    try {
      FileItemIterator items = upload.getItemIterator(new Context(contentType, body));
      while (items.hasNext()) {
        FileItemStream item = items.next();
        if (item.isFormField() || !"file".equals(item.getFieldName())) {
          try (InputStream ignored = item.openStream()) {
            ignored.transferTo(OutputStreamNull.INSTANCE);
          }
          continue;
        }
        byte[] bytes;
        try (InputStream in = item.openStream()) {
          bytes = in.readNBytes((int) Math.min(maxFile + 1, Integer.MAX_VALUE - 8));
        }
        String name = EvidenceFiles.name(item.getName());
        if (bytes.length > maxFile) {
          throw new EvidenceException(
              413, "FileTooLarge", "evidence.upload.fileTooLarge", name, maxFile / (1024 * 1024));
        }
        files.add(new Upload(item.getName(), new ByteArrayInputStream(bytes)));
      }
    } catch (FileUploadException | IOException e) {
      throw new EvidenceException(400, "BadMultipart", "evidence.upload.badMultipart");
    }
    if (files.isEmpty()) {
      throw new EvidenceException(400, "NoFile", "evidence.upload.noFile");
    }
    return files;
  }

  private static final class OutputStreamNull extends java.io.OutputStream {
    static final OutputStreamNull INSTANCE = new OutputStreamNull();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  private record Context(String contentType, InputStream body) implements UploadContext {
    @Override
    public String getCharacterEncoding() {
      return StandardCharsets.UTF_8.name();
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    @Deprecated
    public int getContentLength() {
      return -1;
    }

    @Override
    public long contentLength() {
      return -1;
    }

    @Override
    public InputStream getInputStream() {
      return body;
    }
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Response refused(EvidenceException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", e.type());
    body.put("message", e.getMessage());
    body.put("code", 0);
    return Response.status(e.status()).type(JSON_UTF8).entity(write(body)).build();
  }
}
