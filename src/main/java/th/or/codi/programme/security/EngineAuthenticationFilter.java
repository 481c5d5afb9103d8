package th.or.codi.programme.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs the rest of an {@code /engine-rest} request as the caller Spring Security authenticated:
 * sets the engine's authentication (user, groups, tenants) so that Camunda's REST API applies that
 * person's authorizations and the engine rules ({@link CommandPolicy}, {@link RestAllowListFilter})
 * see who calls, and clears it afterwards, as Camunda's {@code ProcessEngineAuthenticationFilter}
 * did. A request without an {@link EngineUser} (the public engine list) runs without one.
 *
 * <p>Not a bean: Spring Boot would register a {@code Filter} bean for every URL as well.
 */
final class EngineAuthenticationFilter extends OncePerRequestFilter {

  private final ProcessEngine engine;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  EngineAuthenticationFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = contexts.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof EngineUser user)) {
      chain.doFilter(request, response);
      return;
    }
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user.id(), user.groups(), user.tenants());
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
