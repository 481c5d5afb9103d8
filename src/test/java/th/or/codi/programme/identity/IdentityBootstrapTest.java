package th.or.codi.programme.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.ProbeProcess;
import th.or.codi.programme.provinces.ProvinceReferenceData;

@DemoApplicationTest
class IdentityBootstrapTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired ProvinceReferenceData referenceData;
  @Autowired DemoProperties demo;
  @Autowired AdministratorProperties administrator;

  @Test
  void partyAndRoleGroupsExistWithThaiNames() {
    for (String id :
        List.of("codi", "thaihealth", "working-group", "managers", "auditors", "camunda-admin")) {
      Group group = identityService.createGroupQuery().groupId(id).singleResult();
      assertThat(group).as(id).isNotNull();
      assertThat(group.getName()).as(id).containsPattern("\\p{InThai}{3,}");
    }
    assertThat(identityService.createGroupQuery().groupId("codi").singleResult().getName())
        .startsWith("พอช.");
    assertThat(identityService.createGroupQuery().groupId("thaihealth").singleResult().getName())
        .startsWith("สสส. สำนัก 6");
  }

  @Test
  void everyProvinceOfTheReferenceDataHasItsCommunityGroup() {
    assertThat(referenceData.provinces()).hasSize(17);
    referenceData
        .provinces()
        .forEach(
            province -> {
              Group group =
                  identityService
                      .createGroupQuery()
                      .groupId(province.communityGroupId())
                      .singleResult();
              assertThat(group).as(province.label()).isNotNull();
              assertThat(group.getName()).contains("ขบวนองค์กรชุมชนจังหวัด" + province.nameTh());
            });
    assertThat(
            identityService
                .createGroupQuery()
                .groupId("community-nakhon-sawan")
                .singleResult()
                .getName())
        .isEqualTo(
            "ขบวนองค์กรชุมชนจังหวัดนครสวรรค์ / Nakhon Sawan community-organisation movement");
  }

  @Test
  void everyProgrammeProvinceHasItsTriPartyTeamAndTheStudyVisitHostHasNone() {
    referenceData
        .provinces()
        .forEach(
            province -> {
              Group group =
                  identityService
                      .createGroupQuery()
                      .groupId(province.jointGroupId())
                      .singleResult();
              if (province.inProgramme()) {
                assertThat(group).as(province.label()).isNotNull();
                assertThat(group.getName()).startsWith("ทีมร่วม 3 ฝ่ายจังหวัด" + province.nameTh());
              } else {
                assertThat(group).as(province.label()).isNull();
              }
            });
    assertThat(
            identityService
                .createGroupQuery()
                .groupIdIn(
                    referenceData.provinces().stream()
                        .map(p -> p.jointGroupId())
                        .toArray(String[]::new))
                .count())
        .isEqualTo(16);
  }

  @Test
  void aDemoUserLeavesAGroupTheConfigurationNoLongerNames() {
    // as a demo database made by an earlier version: the province's user in the regional group
    identityService.createMembership("saraburi", "working-group");
    new IdentityBootstrap(referenceData, demo, administrator).postProcessEngineBuild(engine);
    assertThat(
            identityService.createGroupQuery().groupMember("saraburi").list().stream()
                .map(Group::getId))
        .containsExactlyInAnyOrder("community-saraburi", "joint-saraburi");
  }

  @ParameterizedTest(name = "{0} is a member of {1}")
  @CsvSource({
    "admin, camunda-admin",
    "manager, managers",
    "auditor, auditors",
    "codi, codi working-group joint-nakhon-sawan joint-saraburi joint-chai-nat",
    "thaihealth, thaihealth working-group joint-nakhon-sawan joint-saraburi joint-chai-nat",
    "nakhonsawan, community-nakhon-sawan joint-nakhon-sawan",
    "saraburi, community-saraburi joint-saraburi",
    "chainat, community-chai-nat joint-chai-nat"
  })
  void demoUsersHaveTheirGroupsAndPasswordEqualToTheirId(String user, String groups) {
    List<String> memberOf =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    assertThat(memberOf).containsExactlyInAnyOrder(groups.split(" "));
    assertThat(identityService.checkPassword(user, user)).isTrue();
  }

  @ParameterizedTest(name = "{0}: tasklist={1} cockpit={2} admin={3}")
  @CsvSource({
    "admin, true, true, true",
    "manager, true, true, false",
    "auditor, false, true, false",
    "codi, true, false, false",
    "thaihealth, true, false, false",
    "nakhonsawan, true, false, false",
    "saraburi, true, false, false",
    "chainat, true, false, false"
  })
  void applicationAccess(String user, boolean tasklist, boolean cockpit, boolean admin) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    Map<String, Boolean> expected =
        Map.of("tasklist", tasklist, "cockpit", cockpit, "admin", admin);
    expected.forEach(
        (application, allowed) ->
            assertThat(
                    authorizationService.isUserAuthorized(
                        user, groups, Permissions.ACCESS, Resources.APPLICATION, application))
                .as("%s may open %s", user, application)
                .isEqualTo(allowed));
  }

  @Test
  void assigneesAndCandidatesGetTaskWorkNotUpdate() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.getDefaultUserPermissionForTask().getName())
        .isEqualTo(TaskPermissions.TASK_WORK.getName());
  }

  @Test
  void thaiTasklistFiltersExistAndEveryTasklistGroupMayReadThem() {
    List<String> names = List.of("งานของฉัน", "งานของกลุ่ม", "เลยกำหนด", "ใกล้ครบกำหนด");
    for (String name : names) {
      List<Filter> filters = filterService.createFilterQuery().filterName(name).list();
      assertThat(filters).as(name).hasSize(1);
      for (String group : ProgrammeGroups.tasklistGroups(referenceData)) {
        assertThat(
                authorizationService.isUserAuthorized(
                    "someone",
                    List.of(group),
                    Permissions.READ,
                    Resources.FILTER,
                    filters.get(0).getId()))
            .as("%s reads filter %s", group, name)
            .isTrue();
      }
      assertThat(
              authorizationService.isUserAuthorized(
                  "someone",
                  List.of("auditors"),
                  Permissions.READ,
                  Resources.FILTER,
                  filters.get(0).getId()))
          .as("auditors do not use Tasklist")
          .isFalse();
    }
  }

  @Test
  void filtersShowEachPersonTheirOwnTasksByDueDate() {
    try (ProbeProcess probe = new ProbeProcess(engine, "community-nakhon-sawan")) {
      List<String> tasks = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String pi = probe.start().getId();
        tasks.add(
            engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId());
      }
      Instant now = Instant.now();
      setDue(tasks.get(0), now.minus(2, ChronoUnit.HOURS));
      setDue(tasks.get(1), now.plus(1, ChronoUnit.DAYS));
      setDue(tasks.get(2), now.plus(10, ChronoUnit.DAYS));

      assertThat(countsAs("nakhonsawan"))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("งานของฉัน", 0L, "งานของกลุ่ม", 3L, "เลยกำหนด", 1L, "ใกล้ครบกำหนด", 1L));
      assertThat(countsAs("saraburi"))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("งานของฉัน", 0L, "งานของกลุ่ม", 0L, "เลยกำหนด", 0L, "ใกล้ครบกำหนด", 0L));

      engine.getTaskService().claim(tasks.get(0), "nakhonsawan");
      assertThat(countsAs("nakhonsawan"))
          .containsEntry("งานของฉัน", 1L)
          .containsEntry("งานของกลุ่ม", 2L);
    }
  }

  private void setDue(String taskId, Instant due) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(Date.from(due));
    engine.getTaskService().saveTask(task);
  }

  private Map<String, Long> countsAs(String user) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    identityService.setAuthentication(user, groups);
    try {
      Map<String, Long> counts = new java.util.HashMap<>();
      for (Filter filter : filterService.createFilterQuery().list()) {
        counts.put(filter.getName(), filterService.count(filter.getId()));
      }
      return counts;
    } finally {
      identityService.clearAuthentication();
    }
  }
}
