package th.or.codi.programme.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.impl.AbstractProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.codi.programme.identity.ProgrammeGroups;
import th.or.codi.programme.messages.Messages;

/**
 * Holds every request to Camunda's REST API, in both REST applications ({@code /engine-rest} and
 * the webapps' {@code /camunda/api/engine}), to {@link RestAllowList} for everyone but {@code
 * camunda-admin}. It runs after JAX-RS has matched the request to a resource method, so it judges
 * the operation Camunda will really run (not a URL pattern), and before that method. A path that
 * only a crafted request has (a path parameter {@code ;x}, an encoded separator or dot, a doubled
 * slash, a backslash, a dot segment) is refused with 400 before anything else, because servers and
 * frameworks disagree about such paths.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RestAllowListFilter implements ContainerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RestAllowListFilter.class);
  private static final Pattern ODD_PATH =
      Pattern.compile("(?i);|//|\\\\|%2f|%5c|%2e|%25|%3b|%00|(^|/)\\.{1,2}(/|$)");
  private static final String NAMED_ENGINE = "/engine/{name}";

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getUriInfo() instanceof ExtendedUriInfo uri) || !engineApi(uri)) {
      return; // another JAX-RS application of the webapps (Cockpit's plugins, Admin's login)
    }
    String engineName = uri.getPathParameters().getFirst("name");
    if (administrator(engineName)) {
      return;
    }
    String rawPath = uri.getRequestUri().getRawPath();
    if (ODD_PATH.matcher(rawPath).find()) {
      LOG.info("Refused odd path {} {}", request.getMethod(), rawPath);
      request.abortWith(
          answer(
              Response.Status.BAD_REQUEST,
              "OddPath",
              Messages.both("security.restAllowList.oddPath"),
              null));
      return;
    }
    String operation = request.getMethod().toUpperCase(Locale.ROOT) + " " + template(uri);
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    if (!RestAllowList.allows(
        operation, name -> query.containsKey(name) && !query.getFirst(name).isBlank())) {
      LOG.info("Refused {} to {}: not on the REST allow-list", operation, user(engineName));
      request.abortWith(
          answer(
              Response.Status.FORBIDDEN,
              "NotAllowed",
              Messages.both("security.restAllowList.administratorsOnly"),
              "rest-allow-list"));
    }
  }

  /**
   * The resource method's path template as its annotations declare it, e.g. {@code
   * /task/{id}/complete}.
   */
  static String template(ExtendedUriInfo uri) {
    List<UriTemplate> matched = new ArrayList<>(uri.getMatchedTemplates());
    java.util.Collections.reverse(matched);
    StringBuilder path = new StringBuilder();
    for (UriTemplate template : matched) {
      path.append('/').append(template.getTemplate());
    }
    String joined = path.toString().replaceAll("/+", "/");
    if (joined.length() > 1 && joined.endsWith("/")) {
      joined = joined.substring(0, joined.length() - 1);
    }
    if (joined.equals(NAMED_ENGINE) || joined.startsWith(NAMED_ENGINE + "/")) {
      joined = joined.substring(NAMED_ENGINE.length());
    }
    return joined.isEmpty() ? "/" : joined;
  }

  private static boolean engineApi(ExtendedUriInfo uri) {
    List<Object> resources = uri.getMatchedResources();
    return !resources.isEmpty()
        && resources.get(resources.size() - 1) instanceof AbstractProcessEngineRestServiceImpl;
  }

  private static Authentication authentication(String engineName) {
    ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
    return engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
  }

  private static boolean administrator(String engineName) {
    Authentication current = authentication(engineName);
    return current != null
        && current.getGroupIds() != null
        && current.getGroupIds().contains(ProgrammeGroups.ADMINISTRATORS);
  }

  private static String user(String engineName) {
    Authentication current = authentication(engineName);
    return current == null ? "(anonymous)" : current.getUserId();
  }

  private static Response answer(Response.Status status, String type, String message, String rule) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("code", 0);
    if (rule != null) {
      body.put("rule", rule);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
