package th.or.codi.programme.audit;

import java.util.Map;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;

/**
 * Comments people wrote, and the reminders (เลยกำหนด) the programme wrote as comments without a
 * user.
 */
final class CommentEntries implements EntrySource {

  @Override
  public void addEntries(InstanceTrail trail) {
    for (Comment comment : trail.history.comments(trail.id())) {
      boolean reminder = comment.getUserId() == null;
      HistoricTaskInstance task = trail.history.task(comment.getTaskId());
      trail.add(
          comment.getTime(),
          reminder ? AuditKind.REMINDER : AuditKind.COMMENT,
          reminder ? AuditEntry.SYSTEM : comment.getUserId(),
          task == null ? null : task.getTaskDefinitionKey(),
          task == null ? null : task.getName(),
          comment.getTaskId(),
          comment.getFullMessage(),
          Map.of());
    }
  }
}
