package th.or.codi.programme.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The fields {@link CommandPolicy} reads, on the engine's own command classes: an engine upgrade
 * that renames one fails here, not silently in production.
 */
class CommandFieldsTest {

  private static final Map<String, Object> VALUES = Map.of("outcome", "expand");

  @Test
  void everyFieldThePolicyReadsIsWhereItLooks() {
    assertThat(CommandFields.get(new CompleteTaskCmd("t1", VALUES), "taskId", String.class))
        .isEqualTo("t1");
    assertThat(CommandFields.get(new CompleteTaskCmd("t1", VALUES), "variables", Map.class))
        .isEqualTo(VALUES);
    assertThat(
            CommandFields.get(
                new SubmitTaskFormCmd("t1", VALUES, false, false), "properties", Map.class))
        .containsEntry("outcome", "expand");
    assertThat(
            CommandFields.get(
                new SubmitTaskFormCmd("t1", VALUES, false, false), "taskId", String.class))
        .isEqualTo("t1");
    assertThat(
            CommandFields.get(
                new SubmitStartFormCmd("p1", "k", VALUES), "processDefinitionId", String.class))
        .isEqualTo("p1");
    assertThat(CommandFields.get(new SubmitStartFormCmd("p1", "k", VALUES), "variables", Map.class))
        .containsEntry("outcome", "expand");
    ProcessInstantiationBuilderImpl builder =
        (ProcessInstantiationBuilderImpl)
            ProcessInstantiationBuilderImpl.createProcessInstanceByKey(null, "pipeline")
                .setVariables(VALUES);
    assertThat(
            CommandFields.get(
                    new StartProcessInstanceCmd(builder),
                    "instantiationBuilder",
                    ProcessInstantiationBuilderImpl.class)
                .getVariables())
        .containsEntry("outcome", "expand");
    assertThat(
            CommandFields.get(
                    new org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd(
                        builder),
                    "instantiationBuilder",
                    ProcessInstantiationBuilderImpl.class)
                .getVariables())
        .containsEntry("outcome", "expand");
    assertThat(CommandFields.get(new ClaimTaskCmd("t1", "u1"), "taskId", String.class))
        .isEqualTo("t1");
    assertThat(CommandFields.get(new ClaimTaskCmd("t1", "u1"), "userId", String.class))
        .isEqualTo("u1");
    assertThat(CommandFields.get(new AssignTaskCmd("t1", "u1"), "taskId", String.class))
        .isEqualTo("t1");
    assertThat(CommandFields.get(new AssignTaskCmd("t1", "u1"), "userId", String.class))
        .isEqualTo("u1");
    HandleTaskBpmnErrorCmd error = new HandleTaskBpmnErrorCmd("t1", "E1", "m", VALUES);
    assertThat(CommandFields.get(error, "taskId", String.class)).isEqualTo("t1");
    assertThat(CommandFields.get(error, "errorCode", String.class)).isEqualTo("E1");
    assertThat(CommandFields.get(error, "variables", Map.class)).isEqualTo(VALUES);
    HandleTaskEscalationCmd escalation = new HandleTaskEscalationCmd("t1", "S1", VALUES);
    assertThat(CommandFields.get(escalation, "taskId", String.class)).isEqualTo("t1");
    assertThat(CommandFields.get(escalation, "escalationCode", String.class)).isEqualTo("S1");
    assertThat(CommandFields.get(escalation, "variables", Map.class)).isEqualTo(VALUES);
    assertThat(CommandFields.get(new AddCommentCmd("t1", null, "m"), "taskId", String.class))
        .isEqualTo("t1");
    CreateAttachmentCmd attachment =
        new CreateAttachmentCmd("link", "t1", null, "n", "d", null, "https://x");
    assertThat(CommandFields.get(attachment, "taskId", String.class)).isEqualTo("t1");
    assertThat(CommandFields.get(attachment, "url", String.class)).isEqualTo("https://x");
    // the evidence rules: content and description of a new attachment, the attachment changed,
    // deleted or read
    java.io.InputStream content = new java.io.ByteArrayInputStream(new byte[1]);
    CreateAttachmentCmd file = new CreateAttachmentCmd("t", "t1", null, "n", "d", content, null);
    assertThat(CommandFields.get(file, "content", java.io.InputStream.class)).isSameAs(content);
    assertThat(CommandFields.get(file, "attachmentDescription", String.class)).isEqualTo("d");
    org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity saved =
        new org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity();
    assertThat(
            CommandFields.get(
                new org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd(saved),
                "attachment",
                org.camunda.bpm.engine.task.Attachment.class))
        .isSameAs(saved);
    assertThat(
            CommandFields.get(
                new org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd("t1", "a1"),
                "attachmentId",
                String.class))
        .isEqualTo("a1");
    assertThat(
            CommandFields.get(
                new org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd("t1", "a1"),
                "attachmentId",
                String.class))
        .isEqualTo("a1");
    assertThat(
            CommandFields.get(
                new org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd("a1"),
                "attachmentId",
                String.class))
        .isEqualTo("a1");
    UserEntity user = new UserEntity("u1");
    assertThat(
            CommandFields.get(
                new SaveUserCmd(user), "user", org.camunda.bpm.engine.identity.User.class))
        .isSameAs(user);
    assertThat(CommandFields.get(new SaveUserCmd(user), "skipPasswordPolicy", Boolean.class))
        .isFalse();
    assertThat(Variables.createVariables()).isEmpty();
  }

  @Test
  void aMissingFieldIsAClearFailure() {
    assertThatThrownBy(
            () -> CommandFields.get(new ClaimTaskCmd("t1", "u1"), "assignee", String.class))
        .hasMessageContaining("ClaimTaskCmd has no field assignee");
  }

  @Test
  void readsAreToldFromWrites() {
    assertThat(
            CommandPolicy.isRead(
                new org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd("t", null, false)))
        .isTrue();
    assertThat(CommandPolicy.isRead(new org.camunda.bpm.engine.impl.TaskQueryImpl())).isTrue();
    assertThat(CommandPolicy.isRead(new ClaimTaskCmd("t1", "u1"))).isFalse();
    assertThat(
            CommandPolicy.isRead(
                new org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd("w", 1, Map.of())))
        .as("fetching external tasks locks them")
        .isFalse();
    assertThat(
            CommandPolicy.isRead(
                new org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd("j", null, 0, null, false)))
        .isFalse();
  }
}
