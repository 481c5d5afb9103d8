package th.or.codi.programme.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks an HTTP Basic user name and password against Camunda's identity store with {@link
 * IdentityService#checkPassword}, which also applies the engine's login throttling and locking
 * (prod: {@code login-max-attempts} and the delays in application-prod.yaml), as Camunda's own
 * {@code HttpBasicAuthenticationProvider} does. An accepted caller becomes an {@link EngineUser}
 * with their groups and tenants from the engine; each group id is also a granted authority, so that
 * a filter chain can require a group ({@link MetricsAccess}).
 *
 * <p>The only {@link AuthenticationProvider} bean: Spring Boot then creates no default in-memory
 * user, and the global authentication manager every chain falls back on uses this one alone, so a
 * password is checked once per request (a second check would count a failed attempt twice).
 */
public class EngineUserAuthenticationProvider implements AuthenticationProvider {

  private final ProcessEngine engine;

  public EngineUserAuthenticationProvider(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    IdentityService identity = engine.getIdentityService();
    if (userId == null
        || userId.isBlank()
        || credentials == null
        || !identity.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("bad credentials for " + userId);
    }
    List<String> groups =
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants =
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId)
            .toList();
    EngineUser user = new EngineUser(userId, groups, tenants);
    return UsernamePasswordAuthenticationToken.authenticated(
        user, null, groups.stream().map(SimpleGrantedAuthority::new).toList());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
