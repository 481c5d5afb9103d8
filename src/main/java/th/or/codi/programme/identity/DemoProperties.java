package th.or.codi.programme.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo mode: the users a newcomer logs in with. Each user's password equals the user id, which is
 * why demo mode listens on the loopback interface only.
 *
 * @param enabled create the demo users
 * @param data on an empty database, also start a programme and advance it (see DemoData)
 */
@ConfigurationProperties("programme.demo")
public record DemoProperties(boolean enabled, boolean data, List<DemoUser> users) {

  public DemoProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  public record DemoUser(
      String id, String firstName, String lastName, String email, List<String> groups) {
    public DemoUser {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }
}
