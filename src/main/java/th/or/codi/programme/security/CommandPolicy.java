package th.or.codi.programme.security;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractNativeQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.AuthorizationCheckCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.or.codi.programme.engine.TrustedCommands;
import th.or.codi.programme.evidence.EvidenceFiles;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.validation.CamundaForm;
import th.or.codi.programme.validation.FormField;
import th.or.codi.programme.validation.SubmissionForms;
import th.or.codi.programme.validation.SubmittedValues;

/**
 * The programme's rules for what a person may ask the engine to do, checked on every engine command
 * a logged-in person runs, whichever way it arrives: {@code /engine-rest}, the webapps' API, or
 * Java code acting for a person. The check sits in the engine's command chain (a custom
 * post-interceptor, inside the command's transaction), so no URL, path parameter or encoding can go
 * around it and a refusal writes nothing.
 *
 * <p>For a person who is not an administrator (group {@code camunda-admin}):
 *
 * <ul>
 *   <li><b>Reads</b> (queries, reports, {@code Get…}/{@code Find…} commands, filter execution,
 *       password check) go to the engine's own authorization checks.
 *   <li><b>Completing a task</b> ({@code complete}, {@code submit-form}) may set only the fields of
 *       the task's form (none when it has no form), with values a form sends ({@link
 *       SubmittedValues}: no serialized Java object, XML, file, bytes, NUL, too deep JSON); the
 *       form's checks then run as before.
 *   <li><b>Starting a process</b> is only at its start event, with its start form's fields, no
 *       start instructions, no skipping of listeners or input mappings; a process without a start
 *       form is started by the programme, not by a person.
 *   <li><b>Claiming</b> is for oneself; handing a task back is for its assignee.
 *   <li><b>BPMN errors and escalations</b> from a task are refused unless a boundary event on that
 *       task catches the code (no model does today), with only the form's fields.
 *   <li><b>Comments and attachments</b> only on an open task the person works on (assignee or
 *       candidate); attachment links only {@code http}/{@code https}.
 *   <li><b>Own account</b>: a new password and e-mail address; names, groups and deletion are for
 *       administrators.
 *   <li>Every other engine command is refused (fail closed): a new engine version's new command
 *       stays refused until it is added here.
 * </ul>
 *
 * Administrators are held to the form rules of completion and BPMN errors too (the record of a
 * task's end is the same for everyone), and their process starts carry only values a form sends;
 * everything else is theirs. Commands without a logged-in person (the job executor, start-up, the
 * programme's own system work) are not checked, nor commands the engine runs inside another
 * command. Commands of the webapps' and the programme's own plugins (classes outside the engine)
 * are reads the plugins define; they are not refused.
 */
@Component
public class CommandPolicy extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(CommandPolicy.class);
  private static final String ENGINE_PACKAGE = "org.camunda.bpm.engine.";

  /** Read commands of the engine, by the name of their class. */
  private static final Pattern READ =
      Pattern.compile(
          "(Get|Find|Is)[A-Z].*Cmd|ExecuteFilter(List|ListPage|SingleResult|Count)Cmd|Create(Native)?(User|Group|Tenant)QueryCmd"
              + "|[A-Za-z]+ReportImpl(\\$[A-Za-z]+Cmd)?");

  private static final Set<Class<?>> ALSO_READS =
      Set.of(AuthorizationCheckCmd.class, CheckPassword.class);

  /**
   * Reads of the engine's housekeeping that check no authorization at all in 7.24: the
   * history-cleanup job (metrics queries are not reads by name, so they are refused anyway).
   */
  private static final Set<String> HOUSEKEEPING_READS =
      Set.of("FindHistoryCleanupJobsCmd", "FindHistoryCleanupJobCmd");

  /** Depth of engine commands on this thread: only the outermost one is a person's request. */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new Interceptor()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new Interceptor()));
  }

  private static List<CommandInterceptor> with(
      List<CommandInterceptor> interceptors, CommandInterceptor added) {
    List<CommandInterceptor> all =
        interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(added);
    return all;
  }

  static final class Interceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      depth[0]++;
      try {
        if (depth[0] == 1) {
          CommandContext context = Context.getCommandContext();
          Authentication person = context == null ? null : context.getAuthentication();
          if (person != null
              && person.getUserId() != null
              && check(context, person, command) == Decision.AS_SYSTEM) {
            return context.runWithoutAuthorization(() -> next.execute(command));
          }
        }
        return next.execute(command);
      } finally {
        depth[0]--;
      }
    }
  }

  enum Decision {
    /** Run with the person's authorization checks. */
    ALLOWED,
    /**
     * Run without the engine's authorization check, which would refuse what the programme allows: a
     * task's assignee handing it back (the engine asks for TASK_ASSIGN, which would also let them
     * hand it to anyone). Still recorded as the person's operation.
     */
    AS_SYSTEM
  }

  static Decision check(CommandContext context, Authentication person, Command<?> command) {
    boolean administrator = context.getAuthorizationManager().isCamundaAdmin(person);
    String user = person.getUserId();
    if (command instanceof CompleteTaskCmd) {
      onlyTaskFormFields(
          context, task(context, field(command, "taskId")), mapField(command, "variables"));
      return Decision.ALLOWED;
    }
    if (command instanceof SubmitTaskFormCmd) {
      onlyTaskFormFields(
          context, task(context, field(command, "taskId")), mapField(command, "properties"));
      return Decision.ALLOWED;
    }
    if (command instanceof HandleTaskBpmnErrorCmd) {
      caughtOnTask(
          context,
          field(command, "taskId"),
          field(command, "errorCode"),
          false,
          mapField(command, "variables"));
      return Decision.ALLOWED;
    }
    if (command instanceof HandleTaskEscalationCmd) {
      caughtOnTask(
          context,
          field(command, "taskId"),
          field(command, "escalationCode"),
          true,
          mapField(command, "variables"));
      return Decision.ALLOWED;
    }
    Decision evidence = evidence(context, command);
    if (evidence != null) {
      return evidence;
    }
    if (administrator) {
      // administrators start any process, with form values only (the form is not known here)
      if (command instanceof SubmitStartFormCmd) {
        SubmittedValues.check(null, mapField(command, "variables"));
      } else if (command instanceof StartProcessInstanceCmd
          || command instanceof StartProcessInstanceAtActivitiesCmd) {
        SubmittedValues.check(
            null,
            CommandFields.get(
                    command, "instantiationBuilder", ProcessInstantiationBuilderImpl.class)
                .getVariables());
      }
      return Decision.ALLOWED;
    }
    String type = command.getClass().getName();
    if (!type.startsWith(ENGINE_PACKAGE)
        || (isRead(command) && !HOUSEKEEPING_READS.contains(command.getClass().getSimpleName()))) {
      return Decision.ALLOWED;
    }
    if (command instanceof SubmitStartFormCmd) {
      ProcessDefinition definition =
          context.runWithoutAuthorization(
              () ->
                  repository(context)
                      .createProcessDefinitionQuery()
                      .processDefinitionId(field(command, "processDefinitionId"))
                      .singleResult());
      onlyStartFormFields(context, definition, mapField(command, "variables"));
      return Decision.ALLOWED;
    }
    if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      throw startInMiddle();
    }
    if (command instanceof StartProcessInstanceCmd) {
      checkStart(
          context,
          CommandFields.get(
              command, "instantiationBuilder", ProcessInstantiationBuilderImpl.class));
      return Decision.ALLOWED;
    }
    if (command instanceof ClaimTaskCmd) {
      String claimant = field(command, "userId");
      TaskEntity task = task(context, field(command, "taskId"));
      if (task == null
          || (claimant == null ? user.equals(task.getAssignee()) : claimant.equals(user))) {
        return Decision.ALLOWED;
      }
      throw refused("claim-self", "security.commandPolicy.claimForOneself");
    }
    if (command instanceof AssignTaskCmd) {
      TaskEntity task = task(context, field(command, "taskId"));
      if (task == null) {
        return Decision.ALLOWED;
      }
      if (CommandFields.get(command, "userId", String.class) == null
          && user.equals(task.getAssignee())) {
        return Decision.AS_SYSTEM;
      }
      throw refused("claim-self", "security.commandPolicy.assignOnlyBack");
    }
    if (command instanceof AddCommentCmd) {
      worksOn(
          context, person, field(command, "taskId"), "security.commandPolicy.ownTaskOnly.comment");
      return Decision.ALLOWED;
    }
    if (command instanceof CreateAttachmentCmd) {
      worksOn(
          context,
          person,
          field(command, "taskId"),
          "security.commandPolicy.ownTaskOnly.attachment");
      String url = field(command, "url");
      if (url != null && !isWebLink(url)) {
        throw refused("attachment-link", "security.commandPolicy.attachmentLink");
      }
      return Decision.ALLOWED;
    }
    if (command instanceof SaveUserCmd) {
      ownAccount(
          context,
          user,
          CommandFields.get(command, "user", User.class),
          CommandFields.get(command, "skipPasswordPolicy", Boolean.class));
      return Decision.ALLOWED;
    }
    LOG.info(
        "Refused {} to {}: not an operation of the programme's people",
        command.getClass().getSimpleName(),
        user);
    throw refused(
        "not-allowed",
        "security.commandPolicy.administratorsOnly",
        command.getClass().getSimpleName());
  }

  /**
   * Evidence files are the programme's evidence service's alone (evidence/EvidenceService, which
   * runs its commands as {@link TrustedCommands}): nobody, administrators included, stores an
   * attachment with content, or one described as evidence, through the engine's own API; nobody
   * changes or deletes an evidence file that way; and its content is read through the service,
   * which checks the pipeline's province. Links stay as they are. Null: not an evidence matter.
   */
  static Decision evidence(CommandContext context, Command<?> command) {
    if (TrustedCommands.active()) {
      return null;
    }
    if (command instanceof CreateAttachmentCmd) {
      if (CommandFields.get(command, "content", InputStream.class) != null
          || EvidenceFiles.isEvidenceDescription(field(command, "attachmentDescription"))) {
        throw refused("attachment-content", "security.commandPolicy.attachmentContent");
      }
      return null;
    }
    if (command instanceof SaveAttachmentCmd) {
      Attachment changed = CommandFields.get(command, "attachment", Attachment.class);
      if (changed != null
          && (EvidenceFiles.isEvidenceDescription(changed.getDescription())
              || isEvidence(context, changed.getId()))) {
        throw refused("evidence-immutable", "security.commandPolicy.evidenceImmutable");
      }
      return null;
    }
    if (command instanceof DeleteAttachmentCmd) {
      if (isEvidence(context, field(command, "attachmentId"))) {
        throw refused("evidence-immutable", "security.commandPolicy.evidenceImmutable");
      }
      return null;
    }
    if (command instanceof GetTaskAttachmentContentCmd
        || command instanceof GetAttachmentContentCmd) {
      if (isEvidence(context, field(command, "attachmentId"))) {
        throw refused("evidence-content", "security.commandPolicy.evidenceContent");
      }
      return null;
    }
    return null;
  }

  private static boolean isEvidence(CommandContext context, String attachmentId) {
    if (attachmentId == null) {
      return false;
    }
    Attachment attachment =
        context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
    return attachment != null && EvidenceFiles.isEvidenceDescription(attachment.getDescription());
  }

  static boolean isRead(Command<?> command) {
    return command instanceof AbstractQuery
        || command instanceof AbstractNativeQuery
        || ALSO_READS.contains(command.getClass())
        || READ.matcher(simpleName(command.getClass())).matches();
  }

  /** The class's name without the package, keeping an enclosing class ({@code A$BCmd}). */
  private static String simpleName(Class<?> type) {
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static void checkStart(CommandContext context, ProcessInstantiationBuilderImpl start) {
    ProcessInstanceModificationBuilderImpl modification = start.getModificationBuilder();
    if (modification != null
        && (modification.isSkipCustomListeners()
            || modification.isSkipIoMappings()
            || !modification.getModificationOperations().isEmpty())) {
      throw startInMiddle();
    }
    if (start.getCaseInstanceId() != null || start.getRestartedProcessInstanceId() != null) {
      throw refused("start-at-start-event", "security.commandPolicy.startFormOnly");
    }
    ProcessDefinition definition =
        context.runWithoutAuthorization(
            () -> {
              var query = repository(context).createProcessDefinitionQuery();
              if (start.getProcessDefinitionId() != null) {
                return query.processDefinitionId(start.getProcessDefinitionId()).singleResult();
              }
              query.processDefinitionKey(start.getProcessDefinitionKey()).latestVersion();
              String tenant = start.getProcessDefinitionTenantId();
              return (tenant == null ? query.withoutTenantId() : query.tenantIdIn(tenant))
                  .singleResult();
            });
    onlyStartFormFields(context, definition, start.getVariables());
  }

  private static CommandRefusedException startInMiddle() {
    return refused("start-at-start-event", "security.commandPolicy.startAtStartEvent");
  }

  private static void onlyStartFormFields(
      CommandContext context, ProcessDefinition definition, Map<String, ?> variables) {
    if (definition == null) {
      return; // the engine answers "not found" itself
    }
    CamundaForm form =
        context
            .runWithoutAuthorization(() -> SubmissionForms.ofStart(repository(context), definition))
            .orElseThrow(() -> refused("start-form", "security.commandPolicy.startedByProgramme"));
    onlyFields(form, variables);
  }

  private static void onlyTaskFormFields(
      CommandContext context, TaskEntity task, Map<String, ?> variables) {
    if (task == null || names(variables).isEmpty()) {
      return;
    }
    CamundaForm form =
        context
            .runWithoutAuthorization(
                () ->
                    SubmissionForms.ofTask(
                        repository(context),
                        task.getProcessDefinitionId(),
                        task.getTaskDefinitionKey()))
            .orElse(null);
    if (form == null) {
      throw refused("only-form-fields", "security.commandPolicy.taskWithoutForm");
    }
    onlyFields(form, variables);
  }

  /**
   * Only the form's fields, with values a form can have ({@link SubmittedValues}); the message
   * names each other one, as a rejected submission does.
   */
  private static void onlyFields(CamundaForm form, Map<String, ?> variables) {
    Set<String> names = names(variables);
    Set<String> fields = form.fields().stream().map(FormField::key).collect(Collectors.toSet());
    Set<String> extra = new TreeSet<>(names);
    extra.removeAll(fields);
    if (!extra.isEmpty()) {
      List<th.or.codi.programme.validation.FieldError> errors =
          extra.stream()
              .map(
                  name ->
                      th.or.codi.programme.validation.FieldError.of(
                          name, name, "security.commandPolicy.notAFormField", name))
              .toList();
      throw new th.or.codi.programme.validation.SubmissionRejectedException(form.id(), errors);
    }
    SubmittedValues.check(form.id(), variables);
  }

  private static void caughtOnTask(
      CommandContext context,
      String taskId,
      String code,
      boolean escalation,
      Map<String, ?> variables) {
    TaskEntity task = task(context, taskId);
    if (task == null) {
      return;
    }
    boolean caught =
        task.getProcessDefinitionId() != null
            && context.runWithoutAuthorization(
                () -> {
                  BpmnModelInstance model =
                      repository(context).getBpmnModelInstance(task.getProcessDefinitionId());
                  return model.getModelElementsByType(BoundaryEvent.class).stream()
                      .filter(
                          b ->
                              b.getAttachedTo() != null
                                  && b.getAttachedTo().getId().equals(task.getTaskDefinitionKey()))
                      .flatMap(b -> b.getEventDefinitions().stream())
                      .anyMatch(
                          d ->
                              escalation
                                  ? d instanceof EscalationEventDefinition esc
                                      && (esc.getEscalation() == null
                                          || code.equals(esc.getEscalation().getEscalationCode()))
                                  : d instanceof ErrorEventDefinition e
                                      && (e.getError() == null
                                          || code.equals(e.getError().getErrorCode())));
                });
    if (!caught) {
      throw escalation
          ? refused("uncaught-escalation", "security.commandPolicy.uncaughtEscalation", code)
          : refused("uncaught-error", "security.commandPolicy.uncaughtError", code);
    }
    onlyTaskFormFields(context, task, variables);
  }

  /** Refused with the message {@code refusal} unless the person works on the open task. */
  private static void worksOn(
      CommandContext context, Authentication person, String taskId, String refusal) {
    TaskEntity task = task(context, taskId);
    if (task == null || !worksOn(task, person)) {
      throw refused("own-task-only", refusal);
    }
  }

  private static boolean worksOn(TaskEntity task, Authentication person) {
    if (person.getUserId().equals(task.getAssignee())) {
      return true;
    }
    Collection<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (person.getUserId().equals(link.getUserId())
              || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
        return task.getAssignee() == null;
      }
    }
    return false;
  }

  private static void ownAccount(
      CommandContext context, String user, User changed, Boolean skipPasswordPolicy) {
    if (changed == null
        || !user.equals(changed.getId())
        || Boolean.TRUE.equals(skipPasswordPolicy)) {
      throw refused("own-account", "security.commandPolicy.ownAccountOnly");
    }
    User stored =
        context.runWithoutAuthorization(
            () ->
                context
                    .getProcessEngineConfiguration()
                    .getIdentityService()
                    .createUserQuery()
                    .userId(user)
                    .singleResult());
    if (stored == null
        || !java.util.Objects.equals(stored.getFirstName(), changed.getFirstName())
        || !java.util.Objects.equals(stored.getLastName(), changed.getLastName())) {
      throw refused("own-account", "security.commandPolicy.ownPasswordAndEmailOnly");
    }
  }

  private static boolean isWebLink(String url) {
    try {
      String scheme = URI.create(url.strip()).getScheme();
      return scheme != null && Set.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The open task, or null: the command then runs and the engine gives its own answer. */
  private static TaskEntity task(CommandContext context, String taskId) {
    return taskId == null ? null : context.getTaskManager().findTaskById(taskId);
  }

  private static RepositoryService repository(CommandContext context) {
    return context.getProcessEngineConfiguration().getRepositoryService();
  }

  private static String field(Command<?> command, String name) {
    return CommandFields.get(command, name, String.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapField(Command<?> command, String name) {
    return CommandFields.get(command, name, Map.class);
  }

  private static Set<String> names(Map<String, ?> variables) {
    return variables == null ? Set.of() : variables.keySet();
  }

  /** The refusal by {@code rule}, with the message {@code key} of {@link Messages}. */
  static CommandRefusedException refused(String rule, String key, Object... arguments) {
    return new CommandRefusedException(
        rule, Messages.thai(key, arguments), Messages.english(key, arguments));
  }
}
