package th.or.codi.programme.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.UnusedWave;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.demo.Walkthrough;

/**
 * The setup of the REST tests that complete a task: Nakhon Sawan's (TH-60) pipeline started through
 * {@link Walkthrough} and waiting at its first task, the forum plan ({@code Activity_PlanForum});
 * the plan the province would send for it; a JSON POST as a demo user (whose password is their id)
 * through {@code /engine-rest}.
 *
 * <p>Use {@link #inUnusedWave} in a test class of the shared context unless the class needs keys of
 * its own ({@link #at}).
 */
public record ForumPlanning(String key, Task planForum) {

  public static final String PROVINCE = "TH-60";
  public static final String PROVINCE_USER = "nakhonsawan";

  /** A new pipeline in a fiscal year and wave no pipeline of the province has used yet. */
  public static ForumPlanning inUnusedWave(ProcessEngine engine, PersonActions act) {
    UnusedWave unused = UnusedWave.of(engine, PROVINCE);
    return at(act, unused.fiscalYear(), unused.wave());
  }

  /** A new pipeline with this fiscal year and wave (its business key TH-60/year-wave). */
  public static ForumPlanning at(PersonActions act, int fiscalYear, int wave) {
    String key =
        new Walkthrough(act, code -> PROVINCE_USER, task -> {}).start(PROVINCE, fiscalYear, wave);
    return new ForumPlanning(key, act.task(key, "Activity_PlanForum"));
  }

  /** {@code /engine-rest/task/<id>/complete} of the forum plan task. */
  public String completePath() {
    return "/engine-rest/task/" + planForum.getId() + "/complete";
  }

  /** A forum plan that passes every check of its form, the forum 30 days from today. */
  public static String goodPlan() {
    return """
        {"variables": {
          "forumDate": {"value": "%s"},
          "venue": {"value": "ศาลาประชาคมจังหวัด"},
          "targetGroups": {"value": "[\\"community-councils\\"]", "type": "Json"},
          "expectedParticipants": {"value": 80},
          "agenda": {"value": "ทำความเข้าใจแนวทางความร่วมมือ 3 ฝ่าย"},
          "forumBudgetRequested": {"value": 25000},
          "forumBudgetSource": {"value": "codi"}
        }}"""
        .formatted(Walkthrough.inDays(30));
  }

  /** A POST with a JSON body as the demo user, with HTTP Basic. */
  public static ResponseEntity<String> post(
      TestRestTemplate http, String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }
}
