package th.or.codi.programme.audit;

import java.util.Map;
import org.camunda.bpm.engine.history.HistoricIncident;
import th.or.codi.programme.messages.Messages;

/** Incidents opened, and resolved or deleted. */
final class IncidentEntries implements EntrySource {

  @Override
  public void addEntries(InstanceTrail trail) {
    for (HistoricIncident incident : trail.history.incidents(trail.id())) {
      trail.add(
          incident.getCreateTime(),
          AuditKind.INCIDENT_OPENED,
          AuditEntry.SYSTEM,
          incident.getActivityId(),
          null,
          null,
          incident.getIncidentType() + ": " + incident.getIncidentMessage(),
          Map.of());
      if (incident.getEndTime() != null) {
        trail.add(
            incident.getEndTime(),
            AuditKind.INCIDENT_RESOLVED,
            AuditEntry.SYSTEM,
            incident.getActivityId(),
            null,
            null,
            incident.isDeleted()
                ? Messages.both("audit.incidentEntries.deleted")
                : Messages.both("audit.incidentEntries.resolved"),
            Map.of());
      }
    }
  }
}
