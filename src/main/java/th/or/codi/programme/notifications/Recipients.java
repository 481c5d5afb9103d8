package th.or.codi.programme.notifications;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import th.or.codi.programme.engine.EngineHooks;

/**
 * Who is told: the people of a task (its assignee, or while unclaimed its candidate users and the
 * members of its candidate groups) and the members of a group, read from the engine's identity
 * store as the system (a task's candidates are told whoever completed the task before it).
 */
public class Recipients {

  private final IdentityService identity;
  private final PreferenceStore preferences;

  public Recipients(IdentityService identity) {
    this.identity = identity;
    this.preferences = new PreferenceStore(identity);
  }

  /** The user ids a task waits for: its assignee, or its candidates while unclaimed. */
  public Set<String> ofTask(String assignee, Collection<? extends IdentityLink> links) {
    Set<String> users = new LinkedHashSet<>();
    if (assignee != null) {
      users.add(assignee);
      return users;
    }
    for (IdentityLink link : links) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      } else if (link.getGroupId() != null) {
        users.addAll(members(link.getGroupId()));
      }
    }
    return users;
  }

  /** The candidate groups among a task's links. */
  public static List<String> candidateGroups(Collection<? extends IdentityLink> links) {
    return links.stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  public Set<String> members(String groupId) {
    return EngineHooks.withoutAuthentication(
        identity,
        () -> {
          Set<String> ids = new LinkedHashSet<>();
          for (User user : identity.createUserQuery().memberOfGroup(groupId).list()) {
            ids.add(user.getId());
          }
          return ids;
        });
  }

  public boolean isMember(String userId, String groupId) {
    return EngineHooks.withoutAuthentication(
        identity,
        () -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  /** The person now, with their e-mail address and preferences; empty when they were removed. */
  public Optional<Recipient> find(String userId) {
    return EngineHooks.withoutAuthentication(
        identity,
        () -> {
          User user = identity.createUserQuery().userId(userId).singleResult();
          if (user == null) {
            return Optional.empty();
          }
          return Optional.of(
              new Recipient(
                  user.getId(),
                  user.getFirstName(),
                  user.getLastName(),
                  user.getEmail(),
                  preferences.of(user.getId())));
        });
  }
}
