package th.or.codi.programme.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.engine.TrustedCommands;
import th.or.codi.programme.history.ProcessTree;
import th.or.codi.programme.identity.ProgrammeGroups;
import th.or.codi.programme.processes.BusinessKey;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * Evidence files on the programme's tasks: stored as the engine's task attachments with content
 * (see {@link EvidenceFiles}), checked here before anything is written.
 *
 * <ul>
 *   <li>Upload and remove: the task's assignee, or while it is unclaimed a candidate (user or
 *       member of a candidate group), while the task is open; remove only one's own file.
 *   <li>Read: the pipeline's province movement ({@code community-<slug>}, {@code joint-<slug>}),
 *       {@code codi}, {@code thaihealth}, {@code working-group}, {@code managers}, {@code
 *       auditors}, {@code camunda-admin}; never another province's movement.
 *   <li>Content: the type detected from the bytes ({@link EvidenceTypes}) must be one of {@code
 *       programme.evidence.allowed-types}; a file at most {@code max-file-size}, a task's files
 *       together at most {@code max-task-size}.
 * </ul>
 *
 * The caller is the engine's current authentication (set by either REST API). A pipeline is the
 * provincial pipeline's process instance and every stage it called; for a task of the regional
 * programme, that programme's instance.
 */
public class EvidenceService {

  /** Groups that read every pipeline's evidence. */
  static final Set<String> READERS =
      Set.of(
          ProgrammeGroups.CODI,
          ProgrammeGroups.THAIHEALTH,
          ProgrammeGroups.WORKING_GROUP,
          ProgrammeGroups.MANAGERS,
          ProgrammeGroups.AUDITORS,
          ProgrammeGroups.ADMINISTRATORS);

  /** A file as uploaded: its name and bytes. */
  public record Upload(String fileName, InputStream content) {}

  /** A task's evidence as its page shows it. */
  public record TaskEvidence(
      List<EvidenceFile> task, List<EvidenceFile> earlier, boolean canUpload) {}

  /** An evidence file with its bytes. */
  public record Content(EvidenceFile file, byte[] bytes) {}

  /** The limits of uploads, as configured. */
  public record Limits(long maxFileBytes, long maxTaskBytes, List<String> allowedTypes) {}

  private final ProcessEngine engine;
  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final ProvinceReferenceData provinces;
  private final EvidenceProperties properties;

  public EvidenceService(
      ProcessEngine engine, ProvinceReferenceData provinces, EvidenceProperties properties) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.provinces = provinces;
    this.properties = properties;
  }

  public Limits limits() {
    return new Limits(
        properties.maxFileSize().toBytes(),
        properties.maxTaskSize().toBytes(),
        properties.allowedTypes());
  }

  /** Stores one file on the open task. */
  public EvidenceFile upload(String taskId, String fileName, InputStream content) {
    return upload(taskId, List.of(new Upload(fileName, content))).get(0);
  }

  /** Stores the files on the open task, all or none: one refused file stores none. */
  public List<EvidenceFile> upload(String taskId, List<Upload> uploads) {
    Authentication caller = caller();
    Task task = openTask(taskId, "evidence.upload.taskEnded");
    if (!worksOn(task, caller)) {
      throw new EvidenceException(
          403, "NotAllowed", "evidence.upload.forbidden", caller.getUserId(), task.getName());
    }
    if (uploads.isEmpty()) {
      throw new EvidenceException(400, "NoFile", "evidence.upload.noFile");
    }
    long maxFile = properties.maxFileSize().toBytes();
    long total =
        asSystem(() -> tasks.getTaskAttachments(taskId)).stream()
            .filter(EvidenceFiles::isEvidence)
            .mapToLong(a -> EvidenceFiles.of(a, null, null, null).size())
            .sum();
    List<Checked> checked = new ArrayList<>();
    for (Upload upload : uploads) {
      String name = EvidenceFiles.name(upload.fileName());
      byte[] bytes = readAtMost(upload.content(), maxFile + 1);
      if (bytes.length > maxFile) {
        throw new EvidenceException(
            413, "FileTooLarge", "evidence.upload.fileTooLarge", name, megabytes(maxFile));
      }
      if (bytes.length == 0) {
        throw new EvidenceException(400, "EmptyFile", "evidence.upload.empty", name);
      }
      String type = EvidenceTypes.detect(bytes);
      if (!properties.allowedTypes().contains(type)) {
        throw new EvidenceException(
            415, "TypeNotAllowed", "evidence.upload.typeNotAllowed", name, type);
      }
      total += bytes.length;
      if (total > properties.maxTaskSize().toBytes()) {
        throw new EvidenceException(
            413,
            "TaskTooLarge",
            "evidence.upload.taskTooLarge",
            name,
            megabytes(properties.maxTaskSize().toBytes()));
      }
      checked.add(new Checked(name, type, bytes, sha256(bytes)));
    }
    String root = pipelineOf(task.getProcessInstanceId());
    String key = task.getTaskDefinitionKey();
    String taskName = task.getName();
    List<Attachment> stored = TrustedCommands.run(() -> store(task, caller.getUserId(), checked));
    return stored.stream().map(a -> EvidenceFiles.of(a, taskName, key, root)).toList();
  }

  private record Checked(String name, String type, byte[] bytes, String sha256) {}

  /**
   * Creates the attachments in one transaction of the engine, as the caller (the engine's operation
   * log records who added them) but without the engine's authorization check: the rules above are
   * the check.
   */
  private List<Attachment> store(Task task, String uploader, List<Checked> files) {
    return commands()
        .execute(
            context ->
                context.runWithoutAuthorization(
                    () -> {
                      List<Attachment> created = new ArrayList<>();
                      for (Checked file : files) {
                        created.add(
                            tasks.createAttachment(
                                file.type,
                                task.getId(),
                                task.getProcessInstanceId(),
                                file.name,
                                EvidenceFiles.description(file.sha256, file.bytes.length, uploader),
                                new ByteArrayInputStream(file.bytes)));
                      }
                      return created;
                    }));
  }

  /** The task's files and those of the earlier tasks of its pipeline, each in upload order. */
  public TaskEvidence list(String taskId) {
    Authentication caller = caller();
    HistoricTaskInstance task = anyTask(taskId);
    String root = pipelineOf(task.getProcessInstanceId());
    requireReader(caller, root);
    List<EvidenceFile> all = files(root);
    List<EvidenceFile> own = all.stream().filter(f -> taskId.equals(f.taskId())).toList();
    List<EvidenceFile> earlier = all.stream().filter(f -> !taskId.equals(f.taskId())).toList();
    boolean canUpload = false;
    if (task.getEndTime() == null) {
      Task open = asSystem(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
      canUpload = open != null && worksOn(open, caller);
    }
    return new TaskEvidence(own, earlier, canUpload);
  }

  /** Every file of the pipeline the process instance belongs to, in upload order. */
  public List<EvidenceFile> ofPipeline(String processInstanceId) {
    Authentication caller = caller();
    HistoricProcessInstance instance =
        asSystem(
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId)
                    .singleResult());
    if (instance == null) {
      throw new EvidenceException(
          404, "NotFound", "evidence.pipeline.notFound", String.valueOf(processInstanceId));
    }
    String root = pipelineOf(processInstanceId);
    requireReader(caller, root);
    return files(root);
  }

  /**
   * The content of a file {@link #ofPipeline} returned to the caller (who was checked there), read
   * as a stream: for the ZIP of a pipeline, which copies one file after the other.
   */
  InputStream open(EvidenceFile file) {
    InputStream in = asSystem(() -> tasks.getAttachmentContent(file.id()));
    return in == null ? InputStream.nullInputStream() : in;
  }

  /** The business key of a pipeline's instance ({@code TH-60/2570-1}); null when it has none. */
  String businessKey(String processInstanceId) {
    HistoricProcessInstance instance =
        asSystem(
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(pipelineOf(processInstanceId))
                    .singleResult());
    return instance == null ? null : instance.getBusinessKey();
  }

  /** A file with its bytes, for whoever may read the pipeline's evidence. */
  public Content content(String attachmentId) {
    Authentication caller = caller();
    Attachment attachment = evidence(attachmentId);
    HistoricTaskInstance task = anyTask(attachment.getTaskId());
    String root = pipelineOf(task.getProcessInstanceId());
    requireReader(caller, root);
    byte[] bytes;
    try (InputStream in = asSystem(() -> tasks.getAttachmentContent(attachmentId))) {
      bytes = in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Content(
        EvidenceFiles.of(attachment, task.getName(), task.getTaskDefinitionKey(), root), bytes);
  }

  /** Whether the caller may remove the file: their own, on a task still open they work on. */
  public boolean removable(EvidenceFile file) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null
        || caller.getUserId() == null
        || !caller.getUserId().equals(file.uploader())) {
      return false;
    }
    Task open = asSystem(() -> tasks.createTaskQuery().taskId(file.taskId()).singleResult());
    return open != null && worksOn(open, caller);
  }

  /** Removes one's own file from a task still open. */
  public void remove(String attachmentId) {
    Authentication caller = caller();
    Attachment attachment = evidence(attachmentId);
    HistoricTaskInstance task = anyTask(attachment.getTaskId());
    requireReader(caller, pipelineOf(task.getProcessInstanceId()));
    Task open = openTask(attachment.getTaskId(), "evidence.remove.taskEnded");
    if (!caller.getUserId().equals(EvidenceFiles.uploader(attachment)) || !worksOn(open, caller)) {
      throw new EvidenceException(
          403, "NotAllowed", "evidence.remove.forbidden", caller.getUserId(), attachment.getName());
    }
    TrustedCommands.run(
        () ->
            commands()
                .execute(
                    context ->
                        context.runWithoutAuthorization(
                            () -> {
                              tasks.deleteTaskAttachment(attachment.getTaskId(), attachmentId);
                              return null;
                            })));
  }

  // ---------------------------------------------------------------------------------------------

  private CommandExecutor commands() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  private Authentication caller() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new EvidenceException(401, "NotAuthenticated", "evidence.logIn");
    }
    return caller;
  }

  private <T> T asSystem(java.util.function.Supplier<T> read) {
    return EngineHooks.withoutAuthentication(identity, read);
  }

  private Attachment evidence(String attachmentId) {
    Attachment attachment = asSystem(() -> tasks.getAttachment(attachmentId));
    if (attachment == null
        || !EvidenceFiles.isEvidence(attachment)
        || attachment.getTaskId() == null) {
      throw new EvidenceException(
          404, "NotFound", "evidence.file.notFound", String.valueOf(attachmentId));
    }
    return attachment;
  }

  /** The open task, 409 when it has ended, 404 when there is no such task. */
  private Task openTask(String taskId, String endedKey) {
    Task task = asSystem(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      HistoricTaskInstance ended = anyTask(taskId);
      throw new EvidenceException(409, "TaskEnded", endedKey, ended.getName());
    }
    return task;
  }

  private HistoricTaskInstance anyTask(String taskId) {
    HistoricTaskInstance task =
        asSystem(() -> history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
    if (task == null || task.getProcessInstanceId() == null) {
      throw new EvidenceException(
          404, "NotFound", "evidence.task.notFound", String.valueOf(taskId));
    }
    return task;
  }

  /** The assignee, or while unclaimed a candidate user or a member of a candidate group. */
  private boolean worksOn(Task task, Authentication caller) {
    String user = caller.getUserId();
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(user);
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    for (IdentityLink link : asSystem(() -> tasks.getIdentityLinksForTask(task.getId()))) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (user.equals(link.getUserId())
          || (link.getGroupId() != null && groups.contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  private void requireReader(Authentication caller, String pipelineInstanceId) {
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.stream().anyMatch(READERS::contains)) {
      return;
    }
    Optional<Province> province = provinceOf(pipelineInstanceId);
    if (province.isPresent()
        && (groups.contains(province.get().communityGroupId())
            || groups.contains(province.get().jointGroupId()))) {
      return;
    }
    throw new EvidenceException(403, "NotAllowed", "evidence.read.forbidden", caller.getUserId());
  }

  private Optional<Province> provinceOf(String pipelineInstanceId) {
    HistoricProcessInstance pipeline =
        asSystem(
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(pipelineInstanceId)
                    .singleResult());
    return Optional.ofNullable(pipeline)
        .flatMap(p -> BusinessKey.parse(p.getBusinessKey()))
        .flatMap(key -> provinces.byCode(key.provinceCode()));
  }

  /**
   * The pipeline of a process instance: the outermost instance above it (itself included) with a
   * pipeline's business key ({@code TH-60/2570-1}); without one, the engine's root instance.
   */
  String pipelineOf(String processInstanceId) {
    return asSystem(
        () -> {
          String pipeline = null;
          String root = processInstanceId;
          String id = processInstanceId;
          while (id != null) {
            String current = id;
            HistoricProcessInstance instance =
                history
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(current)
                    .singleResult();
            if (instance == null) {
              break;
            }
            root = instance.getId();
            if (BusinessKey.parse(instance.getBusinessKey()).isPresent()) {
              pipeline = instance.getId();
            }
            id = instance.getSuperProcessInstanceId();
          }
          return pipeline != null ? pipeline : root;
        });
  }

  /** Every evidence file of the pipeline, in upload order. */
  private List<EvidenceFile> files(String pipelineInstanceId) {
    return asSystem(
        () -> {
          HistoricProcessInstance pipeline =
              history
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(pipelineInstanceId)
                  .singleResult();
          if (pipeline == null) {
            return List.<EvidenceFile>of();
          }
          Set<String> instances = new LinkedHashSet<>();
          ProcessTree.of(history, pipeline).forEach(i -> instances.add(i.getId()));
          List<EvidenceFile> files = new ArrayList<>();
          for (String instance : instances) {
            for (HistoricTaskInstance task :
                history.createHistoricTaskInstanceQuery().processInstanceId(instance).list()) {
              for (Attachment attachment : tasks.getTaskAttachments(task.getId())) {
                if (EvidenceFiles.isEvidence(attachment)) {
                  files.add(
                      EvidenceFiles.of(
                          attachment,
                          task.getName(),
                          task.getTaskDefinitionKey(),
                          pipelineInstanceId));
                }
              }
            }
          }
          files.sort(
              Comparator.comparing(
                      EvidenceFile::uploaded, Comparator.nullsFirst(Comparator.naturalOrder()))
                  .thenComparing(EvidenceFile::id));
          return files;
        });
  }

  private static byte[] readAtMost(InputStream in, long limit) {
    try (in) {
      return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long megabytes(long bytes) {
    return bytes / (1024 * 1024);
  }
}
