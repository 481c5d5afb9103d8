package th.or.codi.programme.evidence;

import java.time.Instant;

/**
 * One evidence file: a task attachment with content, its SHA-256 and size (from the attachment's
 * description, see {@link EvidenceFiles#description}), the type detected from its bytes, who
 * uploaded it and when.
 */
public record EvidenceFile(
    String id,
    String taskId,
    String taskName,
    String taskDefinitionKey,
    String processInstanceId,
    String rootProcessInstanceId,
    String name,
    String contentType,
    long size,
    String sha256,
    String uploader,
    Instant uploaded) {}
