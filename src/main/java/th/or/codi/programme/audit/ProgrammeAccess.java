package th.or.codi.programme.audit;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import th.or.codi.programme.identity.ProgrammeGroups;

/**
 * Who may read the programme's own views. The audit trail shows every value every party
 * submitted, so only auditors and administrators read it; the dashboard shows counts and
 * stages, for managers too. The caller is whoever the REST API or the webapps authenticated.
 */
public final class ProgrammeAccess {

  public enum View {
    AUDIT_TRAIL("บันทึกการตรวจสอบ", "the audit trail", Set.of(ProgrammeGroups.AUDITORS, ProgrammeGroups.ADMINISTRATORS)),
    DASHBOARD("แดชบอร์ดโครงการ", "the programme dashboard",
        Set.of(ProgrammeGroups.MANAGERS, ProgrammeGroups.AUDITORS, ProgrammeGroups.ADMINISTRATORS));

    private final String th;
    private final String en;
    private final Set<String> groups;

    View(String th, String en, Set<String> groups) {
      this.th = th;
      this.en = en;
      this.groups = groups;
    }

    public Set<String> groups() {
      return groups;
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
  public static boolean allowed(IdentityService identity, View view) {
    try {
      require(identity, view);
      return true;
    } catch (AccessDeniedException e) {
      return false;
    }
  }

  /** The logged-in user's id, once it is known they may open the view. */
  public static String require(IdentityService identity, View view) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new AccessDeniedException(false, "กรุณาเข้าสู่ระบบก่อน / Please log in first.");
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.stream().noneMatch(view.groups::contains)) {
      throw new AccessDeniedException(true, "ผู้ใช้ " + caller.getUserId() + " ไม่มีสิทธิ์เปิด" + view.th
          + " (เฉพาะกลุ่ม " + String.join(", ", view.groups.stream().sorted().toList()) + ") / User "
          + caller.getUserId() + " may not open " + view.en + " (only " + String.join(", ",
              view.groups.stream().sorted().toList()) + ").");
    }
    return caller.getUserId();
  }
}
