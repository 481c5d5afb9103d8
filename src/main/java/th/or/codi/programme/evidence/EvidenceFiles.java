package th.or.codi.programme.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.task.Attachment;

/**
 * Evidence files as the engine stores them: a task attachment with content, no URL, the detected
 * content type as its type, and the description {@code {"evidence":1,"sha256":"<64
 * hex>","size":<bytes>,"uploader":"<user id>"}}. The engine's attachments record no user
 * (ACT_HI_ATTACHMENT has no such column, the {@code Attachment} no such getter), so the uploader is
 * written into the description too; a description without it (the three keys alone) is still
 * evidence, of an unknown uploader.
 */
public final class EvidenceFiles {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /**
   * The longest file name kept, in characters (longer ones are shortened keeping the extension).
   */
  public static final int MAX_NAME_LENGTH = 255;

  private EvidenceFiles() {}

  /** The attachment's description for a file of this SHA-256 (64 hex digits) and size. */
  public static String description(String sha256, long size) {
    return "{\"evidence\":1,\"sha256\":\"" + sha256 + "\",\"size\":" + size + "}";
  }

  /** The same, with who uploaded it. */
  public static String description(String sha256, long size, String uploader) {
    if (uploader == null) {
      return description(sha256, size);
    }
    com.fasterxml.jackson.databind.node.ObjectNode node = JSON.createObjectNode();
    node.put("evidence", 1);
    node.put("sha256", sha256);
    node.put("size", size);
    node.put("uploader", uploader);
    return node.toString();
  }

  /** Whether the attachment is an evidence file (and not a link or another attachment). */
  public static boolean isEvidence(Attachment attachment) {
    return attachment != null
        && attachment.getUrl() == null
        && (!(attachment instanceof AttachmentEntity entity) || entity.getContentId() != null)
        && parse(attachment.getDescription()) != null;
  }

  /** Whether an attachment's description is an evidence file's. */
  public static boolean isEvidenceDescription(String description) {
    return parse(description) != null;
  }

  /** The evidence file of an attachment of the given task. */
  public static EvidenceFile of(
      Attachment attachment,
      String taskName,
      String taskDefinitionKey,
      String rootProcessInstanceId) {
    JsonNode description = parse(attachment.getDescription());
    if (description == null) {
      throw new IllegalArgumentException("not an evidence file: " + attachment.getId());
    }
    return new EvidenceFile(
        attachment.getId(),
        attachment.getTaskId(),
        taskName,
        taskDefinitionKey,
        attachment.getProcessInstanceId(),
        rootProcessInstanceId,
        attachment.getName(),
        attachment.getType(),
        description.get("size").asLong(),
        description.get("sha256").asText(),
        uploader(attachment),
        attachment.getCreateTime() == null ? null : attachment.getCreateTime().toInstant());
  }

  /** Who uploaded the evidence file, from its description; null when it does not say. */
  public static String uploader(Attachment attachment) {
    JsonNode description = attachment == null ? null : parse(attachment.getDescription());
    return description == null || !description.path("uploader").isTextual()
        ? null
        : description.get("uploader").asText();
  }

  private static JsonNode parse(String description) {
    if (description == null || !description.startsWith("{\"evidence\":1,")) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(description);
      if ((node.size() == 3 || (node.size() == 4 && node.path("uploader").isTextual()))
          && node.path("evidence").asInt() == 1
          && SHA256.matcher(node.path("sha256").asText()).matches()
          && node.path("size").canConvertToLong()
          && node.path("size").isIntegralNumber()) {
        return node;
      }
    } catch (java.io.IOException e) {
      // not JSON: not evidence
    }
    return null;
  }

  /**
   * The file's name as kept: without directories and control characters, at most {@link
   * #MAX_NAME_LENGTH} characters keeping the extension; {@code file} when nothing is left.
   */
  public static String name(String uploaded) {
    String name = uploaded == null ? "" : uploaded;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder kept = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c) && c != 0x7f)
        .forEach(kept::appendCodePoint);
    name = kept.toString().strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      name = "file";
    }
    if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
      int dot = name.lastIndexOf('.');
      String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
      String stem = extension.isEmpty() ? name : name.substring(0, dot);
      int keep = MAX_NAME_LENGTH - extension.codePointCount(0, extension.length());
      name = stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
    }
    return name;
  }
}
