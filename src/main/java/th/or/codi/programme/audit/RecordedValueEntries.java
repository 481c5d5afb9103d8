package th.or.codi.programme.audit;

import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import th.or.codi.programme.history.HistoricValues;

/**
 * Values the models and the programme's Java code recorded that no other entry shows (not a
 * person's submission nor an operator's change), grouped by step and moment. Task-local copies for
 * Tasklist (province, wave, stage) and reminder counters are left out. Which of them are news is
 * decided once the whole trail is in order ({@link AuditTrail}).
 */
final class RecordedValueEntries implements EntrySource {

  @Override
  public void addEntries(InstanceTrail trail) {
    Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
    Map<String, Date> times = new HashMap<>();
    for (HistoricVariableUpdate u : trail.updates()) {
      if (trail.shown(u) || u.getTaskId() != null) {
        continue;
      }
      String key = u.getActivityInstanceId() + "@" + u.getTime().getTime();
      groups
          .computeIfAbsent(key, k -> new LinkedHashMap<>())
          .put(u.getVariableName(), HistoricValues.plain(trail.json, u));
      times.putIfAbsent(key, u.getTime());
    }
    Date ended = trail.instance.getEndTime();
    for (Map.Entry<String, Map<String, Object>> group : groups.entrySet()) {
      Date time = times.get(group.getKey());
      // what the last step recorded in the millisecond the process ended is shown before its end
      SameInstant rank =
          ended != null && ended.getTime() == time.getTime()
              ? SameInstant.LAST_IN_PROCESS
              : SameInstant.VALUES_RECORDED;
      trail.add(
          rank,
          time,
          AuditKind.VALUES_RECORDED,
          AuditEntry.SYSTEM,
          null,
          null,
          null,
          null,
          group.getValue());
    }
  }
}
