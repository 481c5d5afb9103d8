package th.or.codi.programme.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import th.or.codi.programme.identity.AuthorizationPolicy;
import th.or.codi.programme.identity.AuthorizationPolicy.Right;
import th.or.codi.programme.identity.ProgrammeGroups;
import th.or.codi.programme.messages.Messages;

/**
 * Who may open the programme's own views, decided by the engine's grants ({@link
 * AuthorizationPolicy}) and not by a list of groups of its own: the audit trail and its exports are
 * for whoever may read the history of every process (the same right {@code /engine-rest/history/*}
 * asks for), the dashboard for whoever may also read the running instances and tasks. Both then
 * read as the caller, so the engine filters what they show. The caller is whoever the REST API or
 * the webapps authenticated.
 */
public final class ProgrammeAccess {

  public enum View {
    AUDIT_TRAIL("audit.programmeAccess.auditTrail", AuthorizationPolicy.READS_HISTORY),
    DASHBOARD("audit.programmeAccess.dashboard", both());

    /** The key of the view's name in the message bundles. */
    private final String nameKey;

    private final List<Right> rights;

    View(String nameKey, List<Right> rights) {
      this.nameKey = nameKey;
      this.rights = rights;
    }

    /** The rights, on every resource of their type, the view needs. */
    public List<Right> rights() {
      return rights;
    }

    private static List<Right> both() {
      List<Right> rights = new ArrayList<>(AuthorizationPolicy.READS_HISTORY);
      rights.addAll(AuthorizationPolicy.READS_RUNNING);
      return List.copyOf(rights);
    }
  }

  /** Refused: {@code authenticated} false means nobody is logged in (401), else 403. */
  public static class AccessDeniedException extends RuntimeException {
    private final boolean authenticated;

    AccessDeniedException(boolean authenticated, String message) {
      super(message);
      this.authenticated = authenticated;
    }

    public boolean authenticated() {
      return authenticated;
    }
  }

  private ProgrammeAccess() {}

  /** Whether the logged-in user may open the view. */
  public static boolean allowed(
      IdentityService identity, AuthorizationService authorizations, View view) {
    try {
      require(identity, authorizations, view);
      return true;
    } catch (AccessDeniedException e) {
      return false;
    }
  }

  /** The logged-in user's id, once the engine's grants say they may open the view. */
  public static String require(
      IdentityService identity, AuthorizationService authorizations, View view) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new AccessDeniedException(false, Messages.both("audit.programmeAccess.logIn"));
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    for (Right right : view.rights) {
      // resource id null: granted on every resource of the type ("*"), as the views read them all
      if (!authorizations.isUserAuthorized(
          caller.getUserId(), groups, right.permission(), right.resource())) {
        List<String> holders = new ArrayList<>(AuthorizationPolicy.PROGRAMME_READERS);
        holders.add(ProgrammeGroups.ADMINISTRATORS);
        throw new AccessDeniedException(
            true,
            Messages.both(
                "audit.programmeAccess.denied",
                caller.getUserId(),
                Messages.localized(Messages.thai(view.nameKey), Messages.english(view.nameKey)),
                String.join(", ", holders)));
      }
    }
    return caller.getUserId();
  }
}
