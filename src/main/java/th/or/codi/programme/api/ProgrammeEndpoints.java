package th.or.codi.programme.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import th.or.codi.programme.report.ProgrammeReport;

/**
 * The programme's REST endpoints as JAX-RS sees them: paths, parameters, media types, declared once
 * here. {@link ProgrammeApi} answers them; {@link ProgrammeApiAtEngineRest} publishes them under
 * {@code /engine-rest/programme} and {@code cockpit/ProgrammeCockpitResource} under Cockpit's
 * plugin API, each inheriting these annotations (JAX-RS annotations of an implemented interface
 * apply to a method that declares none of its own).
 */
public interface ProgrammeEndpoints {

  /** The whole trail of one programme or pipeline instance, with every process it called. */
  @GET
  @Path("audit-trail/{processInstanceId}")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  Response trail(
      @PathParam("processInstanceId") String processInstanceId,
      @QueryParam("format") String format);

  /** Entries across pipelines by province, wave, days (yyyy-MM-dd, inclusive) and user. */
  @GET
  @Path("audit-trail")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  Response search(
      @QueryParam("instance") String instance,
      @QueryParam("province") String province,
      @QueryParam("wave") String wave,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("user") String user,
      @QueryParam("limit") String limit,
      @QueryParam("format") String format);

  /**
   * A pipeline's budget ledger: requested, approved and spent per stage and source, every figure
   * with the task and person behind it, and its indicators' results.
   */
  @GET
  @Path("ledger/{processInstanceId}")
  @Produces(MediaType.APPLICATION_JSON)
  Response ledger(@PathParam("processInstanceId") String processInstanceId);

  /** The provincial pipelines, running and ended, newest first: where an auditor picks a trail. */
  @GET
  @Path("pipelines")
  @Produces(MediaType.APPLICATION_JSON)
  Response pipelines(
      @QueryParam("province") String province,
      @QueryParam("wave") String wave,
      @QueryParam("limit") String limit);

  /**
   * Per province: wave, stage, days in it, open and overdue tasks per party, monthly status,
   * outcome.
   */
  @GET
  @Path("dashboard")
  @Produces(MediaType.APPLICATION_JSON)
  Response dashboard();

  /**
   * The programme over time, for the dashboard's timeline and charts ({@code
   * dashboard/ProgrammeTimeline}): every pipeline's stages as bars from the engine's history,
   * waves, overruns and monthly reports, pipelines per stage and reports per status month by month;
   * of one province with {@code province=TH-60}.
   */
  @GET
  @Path("timeline")
  @Produces(MediaType.APPLICATION_JSON)
  Response timeline(@QueryParam("province") String province);

  /**
   * The programme report for the board: an {@code .xlsx} workbook of the dashboard's provinces,
   * their money, indicators, timelines and every ledger entry ({@code report/ProgrammeWorkbook}).
   */
  @GET
  @Path("report.xlsx")
  @Produces({ProgrammeReport.XLSX, MediaType.APPLICATION_JSON})
  Response report();

  /**
   * The words of the parties, stages, monthly statuses, outcomes and pipeline states, from the Java
   * code's own enums: the Cockpit plugin shows these and keeps no copy.
   */
  @GET
  @Path("labels")
  @Produces(MediaType.APPLICATION_JSON)
  Response labels();
}
