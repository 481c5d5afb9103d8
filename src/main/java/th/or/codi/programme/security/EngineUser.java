package th.or.codi.programme.security;

import java.util.List;

/**
 * A caller of {@code /engine-rest} or {@code /actuator} whose HTTP Basic password the engine's
 * identity store accepted, with the groups and tenants the engine knows for them: the principal of
 * Spring Security's authentication, and what {@link EngineAuthenticationFilter} hands the engine.
 */
public record EngineUser(String id, List<String> groups, List<String> tenants) {

  public EngineUser {
    groups = List.copyOf(groups);
    tenants = List.copyOf(tenants);
  }

  @Override
  public String toString() {
    return id;
  }
}
