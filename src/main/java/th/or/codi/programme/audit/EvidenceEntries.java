package th.or.codi.programme.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Attachment;
import th.or.codi.programme.evidence.EvidenceFiles;

/**
 * The evidence files of each task (task attachments with content, see {@link EvidenceFiles}): one
 * entry per file, when it was uploaded, by whom, with its name, detected type, size, SHA-256 and
 * where to download it. The uploader is the one the file records; for a file that records none, the
 * person the engine's user-operation log names for adding that attachment to that task.
 */
final class EvidenceEntries implements EntrySource {

  /** The operation the engine logs when an attachment is added to a task. */
  static final String ADD_ATTACHMENT = "AddAttachment";

  /** The operation the engine logs when an attachment is removed from a task. */
  static final String DELETE_ATTACHMENT = "DeleteAttachment";

  @Override
  public void addEntries(InstanceTrail trail) {
    List<UserOperationLogEntry> rows = trail.history.operationRows(trail.id());
    for (HistoricTaskInstance task : trail.history.tasks(trail.id())) {
      for (Attachment attachment : trail.history.evidence(task.getId())) {
        var file = EvidenceFiles.of(attachment, task.getName(), task.getTaskDefinitionKey(), null);
        String actor = file.uploader();
        if (actor == null) {
          actor = addedBy(rows, task.getId(), attachment.getName());
        }
        trail.add(
            SameInstant.of(AuditKind.EVIDENCE),
            attachment.getCreateTime(),
            AuditKind.EVIDENCE,
            actor == null ? AuditEntry.UNKNOWN : actor,
            task.getTaskDefinitionKey(),
            task.getName(),
            task.getId(),
            detail(file.name(), file.contentType(), file.size(), file.sha256()),
            Map.of(),
            new AuditEntry.Evidence(
                file.id(),
                file.name(),
                file.contentType(),
                file.size(),
                file.sha256(),
                download(file.id())));
      }
    }
  }

  /** Where a file's content is, relative to the evidence API. */
  static String download(String attachmentId) {
    return "files/" + attachmentId + "/content";
  }

  /** "name (type, size) SHA-256: …", the entry's detail as a reader sees it. */
  static String detail(String name, String type, long size, String sha256) {
    return name + " (" + type + ", " + size(size) + ") SHA-256: " + sha256;
  }

  /** A size in bytes as people read it: bytes, KB or MB (1024-based, one decimal). */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** Who the user-operation log says added an attachment of this name to the task; or null. */
  static String addedBy(List<UserOperationLogEntry> rows, String taskId, String name) {
    for (UserOperationLogEntry row : rows) {
      if (isAttachmentOperation(row, ADD_ATTACHMENT)
          && Objects.equals(taskId, row.getTaskId())
          && Objects.equals(name, row.getNewValue())
          && row.getUserId() != null) {
        return row.getUserId();
      }
    }
    return null;
  }

  static boolean isAttachmentOperation(UserOperationLogEntry row, String operation) {
    return operation.equals(row.getOperationType())
        && org.camunda.bpm.engine.EntityTypes.ATTACHMENT.equals(row.getEntityType());
  }
}
