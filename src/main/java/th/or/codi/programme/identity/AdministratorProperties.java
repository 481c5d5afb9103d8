package th.or.codi.programme.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import th.or.codi.programme.messages.Messages;

/**
 * The first administrator (production). When {@code required} (the prod profile) the application
 * does not start without an id and a password, so a production deployment never runs with no
 * administrator, nor with Camunda's "create the first user" page open.
 */
@ConfigurationProperties("programme.admin")
public record AdministratorProperties(
    boolean required, String id, String password, String firstName, String lastName, String email) {

  public AdministratorProperties {
    if (required && (isBlank(id) || isBlank(password))) {
      throw new IllegalStateException(
          Messages.thai("identity.admin.missing")
              + "\n"
              + Messages.english("identity.admin.missing")
              + (isBlank(id) ? " (PROGRAMME_ADMIN_ID is missing)" : "")
              + (isBlank(password) ? " (PROGRAMME_ADMIN_PASSWORD is missing)" : ""));
    }
  }

  @Override
  public String toString() {
    return "AdministratorProperties[required=" + required + ", id=" + id + ", password=****]";
  }

  public boolean configured() {
    return !isBlank(id) && !isBlank(password);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
