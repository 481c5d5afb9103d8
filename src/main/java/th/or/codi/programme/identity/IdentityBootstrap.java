package th.or.codi.programme.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.or.codi.programme.engine.StartupPlugin;
import th.or.codi.programme.identity.AuthorizationPolicy.Grant;
import th.or.codi.programme.identity.ProgrammeGroups.GroupDefinition;
import th.or.codi.programme.identity.TaskFilters.FilterDefinition;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * Brings groups, authorizations, Tasklist filters and users to the state this version of the
 * application expects, on every start, before the web server takes requests. Idempotent: what
 * exists and is right is left alone, so a restart writes nothing; group names and filters follow
 * the reference data and this code; passwords of existing users are never touched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class IdentityBootstrap extends StartupPlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  private final ProvinceReferenceData referenceData;
  private final DemoProperties demo;
  private final AdministratorProperties administrator;

  public IdentityBootstrap(
      ProvinceReferenceData referenceData,
      DemoProperties demo,
      AdministratorProperties administrator) {
    this.referenceData = referenceData;
    this.demo = demo;
    this.administrator = administrator;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    step("identity", () -> onStart(engine));
  }

  private void onStart(ProcessEngine engine) {
    ensureGroups(engine.getIdentityService());
    ensureGrants(engine.getAuthorizationService());
    ensureFilters(engine);
    if (administrator.configured()) {
      ensureAdministrator(engine.getIdentityService());
    }
    if (demo.enabled()) {
      for (DemoProperties.DemoUser user : demo.users()) {
        ensureUser(
            engine.getIdentityService(),
            user.id(),
            user.id(),
            user.firstName(),
            user.lastName(),
            user.email(),
            user.groups(),
            true);
      }
      LOG.warn("Demo mode: {} demo users whose password equals their user id", demo.users().size());
    }
  }

  /** The programme's groups, read with one query; only a missing or renamed one is written. */
  void ensureGroups(IdentityService identity) {
    List<GroupDefinition> definitions = ProgrammeGroups.all(referenceData);
    Map<String, Group> existing = new HashMap<>();
    identity
        .createGroupQuery()
        .groupIdIn(definitions.stream().map(GroupDefinition::id).toArray(String[]::new))
        .list()
        .forEach(group -> existing.put(group.getId(), group));
    for (GroupDefinition definition : definitions) {
      Group group = existing.get(definition.id());
      if (group == null) {
        group = identity.newGroup(definition.id());
      } else if (Objects.equals(group.getName(), definition.name())
          && Objects.equals(group.getType(), definition.type())) {
        continue;
      }
      group.setName(definition.name());
      group.setType(definition.type());
      identity.saveGroup(group);
    }
  }

  void ensureGrants(AuthorizationService authorizations) {
    ensureGrants(authorizations, AuthorizationPolicy.grants(referenceData));
  }

  /**
   * Each grant as an authorization holding at least its permissions. The existing authorizations
   * are read with one query per resource and resource id (a few dozen in all, not one per grant);
   * grants of one group on the same resource are merged first, so each authorization is written at
   * most once, and only when something is missing.
   */
  static void ensureGrants(AuthorizationService authorizations, List<Grant> grants) {
    Map<List<Object>, Map<String, Set<Permission>>> wanted = new LinkedHashMap<>();
    Map<List<Object>, Grant> resourceOf = new HashMap<>();
    for (Grant grant : grants) {
      List<Object> resource = List.of(grant.resource().resourceType(), grant.resourceId());
      resourceOf.putIfAbsent(resource, grant);
      wanted
          .computeIfAbsent(resource, r -> new LinkedHashMap<>())
          .computeIfAbsent(grant.groupId(), g -> new LinkedHashSet<>())
          .addAll(grant.permissions());
    }
    wanted.forEach(
        (resource, byGroup) -> {
          Grant any = resourceOf.get(resource);
          Map<String, Authorization> existing = new HashMap<>();
          for (Authorization authorization :
              authorizations
                  .createAuthorizationQuery()
                  .authorizationType(Authorization.AUTH_TYPE_GRANT)
                  .resourceType(any.resource())
                  .resourceId(any.resourceId())
                  .groupIdIn(byGroup.keySet().toArray(String[]::new))
                  .list()) {
            existing.putIfAbsent(authorization.getGroupId(), authorization);
          }
          byGroup.forEach(
              (group, permissions) -> {
                Authorization authorization = existing.get(group);
                boolean changed = false;
                if (authorization == null) {
                  authorization =
                      authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                  authorization.setGroupId(group);
                  authorization.setResource(any.resource());
                  authorization.setResourceId(any.resourceId());
                  changed = true;
                }
                for (Permission permission : permissions) {
                  if (!authorization.isPermissionGranted(permission)) {
                    authorization.addPermission(permission);
                    changed = true;
                  }
                }
                if (changed) {
                  authorizations.saveAuthorization(authorization);
                }
              });
        });
  }

  /** Tasklist's filters, read with one query, and every Tasklist group's grant to read them. */
  void ensureFilters(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    Map<String, Filter> existing = new HashMap<>();
    for (Filter filter : filters.createFilterQuery().list()) {
      existing.putIfAbsent(filter.getName(), filter);
    }
    List<String> groups = ProgrammeGroups.tasklistGroups(referenceData);
    List<Grant> grants = new ArrayList<>();
    for (FilterDefinition definition : TaskFilters.definitions(engine.getTaskService())) {
      Filter filter = existing.get(definition.name());
      Map<String, Object> properties = definition.properties();
      if (filter == null) {
        filter =
            filters
                .newTaskFilter(definition.name())
                .setQuery(definition.query())
                .setProperties(properties);
        filters.saveFilter(filter);
      } else if (!Objects.equals(filter.getProperties(), properties)) {
        // Properties carry a revision of the definition, so a changed query is saved too.
        filter.setQuery(definition.query());
        filter.setProperties(properties);
        filters.saveFilter(filter);
      }
      for (String group : groups) {
        grants.add(new Grant(group, Resources.FILTER, filter.getId(), Permissions.READ));
      }
    }
    ensureGrants(engine.getAuthorizationService(), grants);
  }

  private void ensureAdministrator(IdentityService identity) {
    try {
      ensureUser(
          identity,
          administrator.id(),
          administrator.password(),
          administrator.firstName(),
          administrator.lastName(),
          administrator.email(),
          List.of(ProgrammeGroups.ADMINISTRATORS),
          false);
    } catch (ProcessEngineException e) {
      throw new IllegalStateException(
          Messages.thai("identity.admin.weakPassword", administrator.id())
              + "\n"
              + Messages.english("identity.admin.weakPassword", administrator.id())
              + " Engine: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The user with at least these groups; a new user gets the name, address and password given, an
   * existing one keeps its password. With {@code onlyTheseGroups} (demo users only: real people's
   * groups are administrators' business) it also leaves every other group, so a demo database made
   * by an earlier version (when the provinces' users were in the regional working group) follows
   * the configuration on the next start. Its groups are read with one query.
   */
  private static void ensureUser(
      IdentityService identity,
      String id,
      String password,
      String firstName,
      String lastName,
      String email,
      List<String> groups,
      boolean onlyTheseGroups) {
    User user = identity.createUserQuery().userId(id).singleResult();
    Set<String> memberOf = new HashSet<>();
    if (user == null) {
      user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email == null || email.isBlank() ? null : email);
      user.setPassword(password);
      identity.saveUser(user);
    } else {
      identity.createGroupQuery().groupMember(id).list().forEach(g -> memberOf.add(g.getId()));
      if (user.getEmail() == null && email != null && !email.isBlank()) {
        // a user of an older version had no address: the notifications need one
        user.setEmail(email);
        identity.saveUser(user);
      }
    }
    for (String group : groups) {
      if (!memberOf.contains(group)) {
        identity.createMembership(id, group);
      }
    }
    if (onlyTheseGroups) {
      for (String group : memberOf) {
        if (!groups.contains(group)) {
          identity.deleteMembership(id, group);
          LOG.info("Demo user {} is no longer in group {}", id, group);
        }
      }
    }
  }
}
