package th.or.codi.programme.identity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
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
public class IdentityBootstrap extends AbstractProcessEnginePlugin {

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
            user.groups());
        leaveOtherGroups(engine.getIdentityService(), user.id(), user.groups());
      }
      LOG.warn("Demo mode: {} demo users whose password equals their user id", demo.users().size());
    }
  }

  void ensureGroups(IdentityService identity) {
    for (GroupDefinition definition : ProgrammeGroups.all(referenceData)) {
      Group group = identity.createGroupQuery().groupId(definition.id()).singleResult();
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
    for (Grant grant : AuthorizationPolicy.grants(referenceData)) {
      ensureGrant(authorizations, grant);
    }
  }

  private static void ensureGrant(AuthorizationService authorizations, Grant grant) {
    Authorization authorization =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(grant.groupId())
            .resourceType(grant.resource())
            .resourceId(grant.resourceId())
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    boolean changed = false;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
      changed = true;
    }
    for (Permission permission : grant.permissions()) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  void ensureFilters(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    List<String> groups = ProgrammeGroups.tasklistGroups(referenceData);
    for (FilterDefinition definition : TaskFilters.definitions(engine.getTaskService())) {
      Filter filter =
          filters.createFilterQuery().filterName(definition.name()).list().stream()
              .findFirst()
              .orElse(null);
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
        ensureGrant(
            engine.getAuthorizationService(),
            new Grant(group, Resources.FILTER, filter.getId(), Permissions.READ));
      }
    }
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
          List.of(ProgrammeGroups.ADMINISTRATORS));
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
   * A demo user belongs to exactly the groups the configuration names, so a demo database made by
   * an earlier version (when the provinces' users were in the regional working group) follows the
   * configuration on the next start. Only demo users: real people's groups are administrators'
   * business.
   */
  private static void leaveOtherGroups(IdentityService identity, String id, List<String> groups) {
    for (Group group : identity.createGroupQuery().groupMember(id).list()) {
      if (!groups.contains(group.getId())) {
        identity.deleteMembership(id, group.getId());
        LOG.info("Demo user {} is no longer in group {}", id, group.getId());
      }
    }
  }

  private static void ensureUser(
      IdentityService identity,
      String id,
      String password,
      String firstName,
      String lastName,
      String email,
      List<String> groups) {
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email == null || email.isBlank() ? null : email);
      user.setPassword(password);
      identity.saveUser(user);
    } else if (user.getEmail() == null && email != null && !email.isBlank()) {
      // a user of an older version had no address: the notifications need one
      user.setEmail(email);
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }
}
