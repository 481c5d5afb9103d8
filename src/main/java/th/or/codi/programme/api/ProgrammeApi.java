package th.or.codi.programme.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import th.or.codi.programme.audit.AuditEntry;
import th.or.codi.programme.audit.AuditExport;
import th.or.codi.programme.audit.AuditQuery;
import th.or.codi.programme.audit.AuditReport;
import th.or.codi.programme.audit.AuditTrail;
import th.or.codi.programme.audit.ProgrammeAccess;
import th.or.codi.programme.audit.ProgrammeAccess.AccessDeniedException;
import th.or.codi.programme.audit.ProgrammeAccess.View;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.dashboard.ProgrammeDashboard;
import th.or.codi.programme.dashboard.ProgrammeTimeline;
import th.or.codi.programme.dashboard.ProvinceMap;
import th.or.codi.programme.ledger.Ledgers;
import th.or.codi.programme.ledger.PipelineLedger;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.provinces.ProvinceReferenceData;
import th.or.codi.programme.report.ProgrammeReport;
import th.or.codi.programme.report.ReportData;

/**
 * The programme's own REST endpoints ({@link ProgrammeEndpoints}): the audit trail (JSON, CSV), a
 * pipeline's ledger and the dashboard. The same class answers under {@code /engine-rest/programme}
 * (HTTP Basic) and under Cockpit's plugin API {@code
 * /camunda/api/cockpit/plugin/programme/{engine}} (the webapps' login), so both check the same
 * rules ({@link ProgrammeAccess}, from the engine's grants) against whoever the API authenticated,
 * and both read the engine as that caller. It is built from an engine and the province reference
 * data; it holds no state of its own, so one is as good as another and building one costs nothing.
 */
public class ProgrammeApi implements ProgrammeEndpoints {

  private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
  private static final MediaType CSV_UTF8 = new MediaType("text", "csv", "UTF-8");

  private final AuditTrail audit;
  private final ProgrammeDashboard dashboard;
  private final ProgrammeTimeline timeline;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final Clock clock;
  private final ObjectMapper json;
  private final AuditExport exports;
  private final Ledgers ledgers;
  private final ProgrammeReport report;
  private final ProvinceReferenceData provinces;

  /**
   * @param json the application's {@code ObjectMapper} (Spring Boot's, with {@code
   *     spring.jackson.*}), handed on by whoever builds this: {@link ProgrammeApiWiring} for {@code
   *     /engine-rest}, {@link ProgrammeApiPlugin} (a Spring bean too) for Cockpit's plugin
   *     resource, which the webapps' JAX-RS application creates outside Spring
   */
  public ProgrammeApi(
      ProcessEngine engine, ProvinceReferenceData provinces, Clock clock, ObjectMapper json) {
    this.audit = new AuditTrail(engine, json);
    this.dashboard = new ProgrammeDashboard(engine, provinces);
    this.timeline = new ProgrammeTimeline(engine, provinces);
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
    this.clock = clock;
    this.json = json;
    this.exports = new AuditExport(json);
    this.ledgers = new Ledgers(engine, json);
    this.report = new ProgrammeReport(engine, dashboard, ledgers);
    this.provinces = provinces;
  }

  @Override
  public Response trail(String processInstanceId, String format) {
    try {
      String user = ProgrammeAccess.require(identity, authorizations, View.AUDIT_TRAIL);
      if (!knownFormat(format)) {
        return badFormat(format);
      }
      List<AuditEntry> entries = audit.trail(processInstanceId);
      if (entries == null) {
        return error(
            Response.Status.NOT_FOUND,
            "NotFound",
            Messages.both("api.trail.notFound", processInstanceId),
            null);
      }
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("processInstanceId", processInstanceId);
      String name =
          entries.isEmpty() || entries.get(0).pipeline() == null
              ? processInstanceId
              : entries.get(0).pipeline();
      return export(entries, query, user, null, false, format, name);
    } catch (AccessDeniedException e) {
      return denied(e);
    }
  }

  @Override
  public Response search(
      String instance,
      String province,
      String wave,
      String from,
      String to,
      String user,
      String limit,
      String format) {
    try {
      String caller = ProgrammeAccess.require(identity, authorizations, View.AUDIT_TRAIL);
      if (!knownFormat(format)) {
        return badFormat(format);
      }
      AuditQuery query = AuditQuery.parse(instance, province, wave, from, to, user, limit);
      AuditReport report = audit.search(query);
      return export(
          report.entries(),
          query.describe(),
          caller,
          report.instances(),
          report.truncated(),
          format,
          "search");
    } catch (AccessDeniedException e) {
      return denied(e);
    } catch (AuditQuery.InvalidQueryException e) {
      return invalidQuery(e);
    }
  }

  @Override
  public Response ledger(String processInstanceId) {
    try {
      ProgrammeAccess.require(identity, authorizations, View.AUDIT_TRAIL);
      PipelineLedger ledger = ledgers.ofPipeline(processInstanceId);
      if (ledger == null) {
        return error(
            Response.Status.NOT_FOUND,
            "NotFound",
            Messages.both("api.trail.notFound", processInstanceId),
            null);
      }
      return Response.ok(write(ledger).getBytes(StandardCharsets.UTF_8), JSON_UTF8).build();
    } catch (AccessDeniedException e) {
      return denied(e);
    }
  }

  @Override
  public Response pipelines(String province, String wave, String limit) {
    try {
      ProgrammeAccess.require(identity, authorizations, View.AUDIT_TRAIL);
      AuditQuery query = AuditQuery.parse(null, province, wave, null, null, null, limit);
      return Response.ok(
              write(audit.pipelines(query.provinceCode(), query.wave(), query.maxInstances()))
                  .getBytes(StandardCharsets.UTF_8),
              JSON_UTF8)
          .build();
    } catch (AccessDeniedException e) {
      return denied(e);
    } catch (AuditQuery.InvalidQueryException e) {
      return invalidQuery(e);
    }
  }

  @Override
  public Response dashboard() {
    try {
      String user = ProgrammeAccess.require(identity, authorizations, View.DASHBOARD);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("viewer", user);
      body.put("auditTrail", ProgrammeAccess.allowed(identity, authorizations, View.AUDIT_TRAIL));
      body.putAll(json.convertValue(dashboard.view(clock.instant()), Map.class));
      body.put("map", ProvinceMap.shipped().forDashboard(provinces.provinces()));
      return Response.ok(write(body).getBytes(StandardCharsets.UTF_8), JSON_UTF8).build();
    } catch (AccessDeniedException e) {
      return denied(e);
    }
  }

  @Override
  public Response timeline(String province) {
    try {
      ProgrammeAccess.require(identity, authorizations, View.DASHBOARD);
      String code = AuditQuery.parse(null, province, null, null, null, null, null).provinceCode();
      if (code != null && provinces.byCode(code).isEmpty()) {
        return error(
            Response.Status.BAD_REQUEST,
            "InvalidQuery",
            Messages.both("api.timeline.provinceUnknown", code),
            null);
      }
      return Response.ok(
              write(timeline.view(clock.instant(), code)).getBytes(StandardCharsets.UTF_8),
              JSON_UTF8)
          .build();
    } catch (AccessDeniedException e) {
      return denied(e);
    } catch (AuditQuery.InvalidQueryException e) {
      return invalidQuery(e);
    }
  }

  @Override
  public Response report() {
    try {
      ProgrammeAccess.require(identity, authorizations, View.DASHBOARD);
      ReportData data = report.data(clock.instant());
      return Response.ok(report.workbook(data), ProgrammeReport.XLSX)
          .header(
              "Content-Disposition",
              "attachment; filename=\"" + ProgrammeReport.fileName(data.dashboard().asOf()) + "\"")
          .build();
    } catch (AccessDeniedException e) {
      return denied(e);
    }
  }

  @Override
  public Response labels() {
    try {
      ProgrammeAccess.require(identity, authorizations, View.AUDIT_TRAIL);
      return Response.ok(write(ProgrammeLabels.all()).getBytes(StandardCharsets.UTF_8), JSON_UTF8)
          .build();
    } catch (AccessDeniedException e) {
      return denied(e);
    }
  }

  private Response export(
      List<AuditEntry> entries,
      Map<String, Object> query,
      String user,
      Integer instances,
      boolean truncated,
      String format,
      String name) {
    Instant now = clock.instant();
    String file =
        "audit-trail-"
            + name.replaceAll("[^A-Za-z0-9-]+", "_")
            + "-"
            + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").format(now.atZone(ThaiCalendar.ZONE));
    if ("csv".equals(format)) {
      byte[] body =
          exports.csv(entries, query, user, now, truncated).getBytes(StandardCharsets.UTF_8);
      return Response.ok(body, CSV_UTF8)
          .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
          .build();
    }
    String body =
        exports.json(AuditExport.document(entries, query, user, now, instances, truncated));
    Response.ResponseBuilder ok = Response.ok(body.getBytes(StandardCharsets.UTF_8), JSON_UTF8);
    if ("json".equals(format)) {
      ok.header("Content-Disposition", "attachment; filename=\"" + file + ".json\"");
    }
    return ok.build();
  }

  private static boolean knownFormat(String format) {
    return format == null || format.isBlank() || format.equals("json") || format.equals("csv");
  }

  private Response badFormat(String format) {
    return error(
        Response.Status.BAD_REQUEST,
        "InvalidQuery",
        Messages.both("api.export.badFormat") + ": " + format,
        null);
  }

  private Response denied(AccessDeniedException e) {
    return e.authenticated()
        ? error(Response.Status.FORBIDDEN, "Forbidden", e.getMessage(), null)
        : error(Response.Status.UNAUTHORIZED, "NotAuthenticated", e.getMessage(), null);
  }

  /** 400 naming every problem of the query's parameters. */
  private Response invalidQuery(AuditQuery.InvalidQueryException e) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("problems", e.problems());
    return error(Response.Status.BAD_REQUEST, "InvalidQuery", e.getMessage(), extra);
  }

  private Response error(
      Response.Status status, String type, String message, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (extra != null) {
      body.putAll(extra);
    }
    return Response.status(status)
        .type(JSON_UTF8)
        .entity(write(body).getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
