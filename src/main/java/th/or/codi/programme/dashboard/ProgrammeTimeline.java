package th.or.codi.programme.dashboard;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.history.HistoricValues;
import th.or.codi.programme.history.PipelineTimeline;
import th.or.codi.programme.history.PipelineTimeline.MonthReport;
import th.or.codi.programme.history.PipelineTimeline.StagePeriod;
import th.or.codi.programme.history.PipelineTimelines;
import th.or.codi.programme.pipeline.PipelineStages.Stage;
import th.or.codi.programme.processes.ProgrammeProcesses;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * The programme's course over time, for the dashboard's timeline and charts: every provincial
 * pipeline (all waves, newest {@value #LIMIT} at most) with its stages as bars from the engine's
 * history ({@link PipelineTimelines}: each write of {@code stageKey}, the overrun timers that
 * fired, the monthly reports), and two series over the months from the first pipeline's start to
 * today: how many pipelines were in each stage at each month's end (today for the current month),
 * and how many monthly reports of each status each month had (the working group's confirmed status,
 * else the province's own). Read as the caller, with the caller's authorization checks.
 */
public class ProgrammeTimeline {

  /** The most pipelines the timeline shows, newest first; more is reported as truncated. */
  public static final int LIMIT = 400;

  /** The most months on the axis: the latest ones. */
  static final int MAX_MONTHS = 60;

  /**
   * One stay in a stage.
   *
   * @param end {@code null} while the pipeline is still in the stage (the bar runs to today)
   * @param overranAt when the engine's overrun timer fired in this stay, else {@code null}
   */
  public record Bar(
      String stageKey,
      String stage,
      String stageEn,
      Instant start,
      Instant end,
      Instant overranAt) {}

  /**
   * One month's report.
   *
   * @param status the working group's confirmed status, else the province's reported one
   * @param confirmed whether {@code status} is the confirmed one
   */
  public record Month(String month, String status, boolean confirmed) {}

  /** One pipeline's lane. */
  public record Lane(
      String provinceCode,
      String provinceName,
      String provinceNameEn,
      Long wave,
      String businessKey,
      String processInstanceId,
      String state,
      Instant started,
      Instant ended,
      List<Bar> bars,
      List<Month> months) {}

  /** A month of the axis: its key ({@code yyyy-MM}) and its names (Thai in the Buddhist Era). */
  public record AxisMonth(String key, String th, String en, Instant start, Instant end) {}

  /**
   * The whole response.
   *
   * @param pipelinesPerStage for each stage key, the count at each axis month's end, in the axis's
   *     order ({@code closed}: ended pipelines)
   * @param reportsPerStatus for each monthly status key, the reports of each axis month
   * @param truncated whether more than {@link #LIMIT} pipelines matched (the oldest are left out)
   */
  public record View(
      Instant asOf,
      String province,
      List<AxisMonth> months,
      List<Lane> pipelines,
      Map<String, List<Long>> pipelinesPerStage,
      Map<String, List<Long>> reportsPerStatus,
      boolean truncated) {}

  private static final DateTimeFormatter MONTH_KEY = DateTimeFormatter.ofPattern("yyyy-MM");
  private static final Locale THAI = Locale.forLanguageTag("th-TH");

  private final HistoryService history;
  private final ProvinceReferenceData provinces;
  private final PipelineTimelines timelines;

  public ProgrammeTimeline(ProcessEngine engine, ProvinceReferenceData provinces) {
    this.history = engine.getHistoryService();
    this.provinces = provinces;
    this.timelines = new PipelineTimelines(history);
  }

  /**
   * The timeline as the caller may see it: of the whole programme, or of one province's pipelines
   * when {@code provinceCode} is given.
   */
  public View view(Instant now, String provinceCode) {
    HistoricProcessInstanceQuery query =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProgrammeProcesses.PIPELINE);
    if (provinceCode != null) {
      query.variableValueEquals("provinceCode", provinceCode);
    }
    List<HistoricProcessInstance> found =
        query.orderByProcessInstanceStartTime().desc().listPage(0, LIMIT + 1);
    boolean truncated = found.size() > LIMIT;
    List<HistoricProcessInstance> pipelines = found.subList(0, Math.min(found.size(), LIMIT));

    Map<String, Map<String, Object>> values = ownValues(pipelines);
    Map<String, PipelineTimeline> byId = timelines.ofPipelines(pipelines);
    Map<String, Integer> order = new HashMap<>();
    for (Province p : provinces.provinces()) {
      order.put(p.code(), order.size());
    }
    List<Lane> lanes = new ArrayList<>();
    for (HistoricProcessInstance pipeline : pipelines) {
      Map<String, Object> own = values.getOrDefault(pipeline.getId(), Map.of());
      Object code = own.get("provinceCode");
      Province province = code == null ? null : provinces.byCode(code.toString()).orElse(null);
      lanes.add(
          lane(
              pipeline,
              code == null ? null : code.toString(),
              province,
              own.get("wave") instanceof Number n ? n.longValue() : null,
              byId.get(pipeline.getId())));
    }
    lanes.sort(
        Comparator.comparing((Lane l) -> l.wave() == null ? Long.MAX_VALUE : l.wave())
            .thenComparing(l -> order.getOrDefault(l.provinceCode(), Integer.MAX_VALUE))
            .thenComparing(Lane::started));

    List<AxisMonth> axis = axis(lanes, now);
    return new View(
        now,
        provinceCode,
        axis,
        lanes,
        pipelinesPerStage(lanes, axis, now),
        reportsPerStatus(lanes, axis),
        truncated);
  }

  /** Each pipeline's own {@code provinceCode} and {@code wave}: one statement. */
  private Map<String, Map<String, Object>> ownValues(List<HistoricProcessInstance> pipelines) {
    Map<String, Map<String, Object>> values = new HashMap<>();
    if (pipelines.isEmpty()) {
      return values;
    }
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(
                pipelines.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
            .variableNameIn("provinceCode", "wave")
            .list()) {
      if (HistoricValues.ownVariable(v) && v.getValue() != null) {
        values
            .computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
            .put(v.getName(), v.getValue());
      }
    }
    return values;
  }

  private static Lane lane(
      HistoricProcessInstance pipeline,
      String code,
      Province province,
      Long wave,
      PipelineTimeline timeline) {
    List<Bar> bars = new ArrayList<>();
    List<Month> months = new ArrayList<>();
    if (timeline != null) {
      for (StagePeriod period : timeline.stages()) {
        Stage stage = stageOf(period.stageKey());
        bars.add(
            new Bar(
                period.stageKey(),
                stage == null ? period.stageKey() : stage.th(),
                stage == null ? period.stageKey() : stage.en(),
                period.start(),
                period.end(),
                period.overranAt()));
      }
      Map<String, Month> byMonth = new LinkedHashMap<>();
      for (MonthReport report : timeline.months()) {
        boolean confirmed = report.confirmedStatus() != null;
        String status = confirmed ? report.confirmedStatus() : report.reportedStatus();
        if (status != null) {
          byMonth.put(report.month(), new Month(report.month(), status, confirmed)); // last wins
        }
      }
      months.addAll(byMonth.values());
    }
    return new Lane(
        code,
        province == null ? code : province.nameTh(),
        province == null ? code : province.nameEn(),
        wave,
        pipeline.getBusinessKey(),
        pipeline.getId(),
        PipelineState.of(pipeline).key(),
        pipeline.getStartTime().toInstant(),
        pipeline.getEndTime() == null ? null : pipeline.getEndTime().toInstant(),
        bars,
        months);
  }

  private static Stage stageOf(String key) {
    try {
      return Stage.of(key);
    } catch (IllegalArgumentException e) {
      return null; // a key a later model no longer has: shown as written
    }
  }

  /**
   * From the month of the first start (or of a report month before it) to the current month, in
   * Bangkok time; at most {@value #MAX_MONTHS}, the latest.
   */
  static List<AxisMonth> axis(List<Lane> lanes, Instant now) {
    YearMonth last = YearMonth.from(now.atZone(ThaiCalendar.ZONE));
    YearMonth first = last;
    for (Lane lane : lanes) {
      YearMonth started = YearMonth.from(lane.started().atZone(ThaiCalendar.ZONE));
      first = started.isBefore(first) ? started : first;
      for (Month month : lane.months()) {
        YearMonth reported = parseMonth(month.month());
        if (reported != null && reported.isBefore(first)) {
          first = reported;
        }
        if (reported != null && reported.isAfter(last)) {
          last =
              reported; // a report for a month ahead of today (planned or mistyped) stays visible
        }
      }
    }
    if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
      first = last.minusMonths(MAX_MONTHS - 1L);
    }
    List<AxisMonth> axis = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      axis.add(
          new AxisMonth(
              MONTH_KEY.format(m),
              m.getMonth().getDisplayName(TextStyle.SHORT, THAI)
                  + " "
                  + ThaiCalendar.buddhistYear(m.getYear()),
              m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + m.getYear(),
              m.atDay(1).atStartOfDay(ThaiCalendar.ZONE).toInstant(),
              m.plusMonths(1).atDay(1).atStartOfDay(ThaiCalendar.ZONE).toInstant()));
    }
    return axis;
  }

  private static YearMonth parseMonth(String month) {
    try {
      return month == null ? null : YearMonth.parse(month, MONTH_KEY);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /**
   * For each stage, how many pipelines were in it at each axis month's end (the current month:
   * now); a pipeline that had ended by then counts as {@code closed}, one not yet started not at
   * all.
   */
  static Map<String, List<Long>> pipelinesPerStage(
      List<Lane> lanes, List<AxisMonth> axis, Instant now) {
    Map<String, List<Long>> counts = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      counts.put(stage.key(), new ArrayList<>(java.util.Collections.nCopies(axis.size(), 0L)));
    }
    for (int i = 0; i < axis.size(); i++) {
      Instant at = axis.get(i).end().isAfter(now) ? now : axis.get(i).end();
      for (Lane lane : lanes) {
        String stage = stageAt(lane, at);
        if (stage != null && counts.containsKey(stage)) {
          counts.get(stage).set(i, counts.get(stage).get(i) + 1);
        }
      }
    }
    return counts;
  }

  /** The lane's stage at that moment: {@code closed} once ended, {@code null} before it started. */
  static String stageAt(Lane lane, Instant at) {
    if (lane.started().isAfter(at)) {
      return null;
    }
    if (lane.ended() != null && !lane.ended().isAfter(at)) {
      return Stage.CLOSED.key();
    }
    String current = null;
    for (Bar bar : lane.bars()) {
      if (!bar.start().isAfter(at) && (bar.end() == null || bar.end().isAfter(at))) {
        current = bar.stageKey();
      }
    }
    return current;
  }

  /** For each monthly status, the reports of each axis month. */
  static Map<String, List<Long>> reportsPerStatus(List<Lane> lanes, List<AxisMonth> axis) {
    Map<String, Integer> index = new HashMap<>();
    for (AxisMonth month : axis) {
      index.put(month.key(), index.size());
    }
    Map<String, List<Long>> counts = new LinkedHashMap<>();
    for (MonthlyStatus status : MonthlyStatus.values()) {
      counts.put(status.key(), new ArrayList<>(java.util.Collections.nCopies(axis.size(), 0L)));
    }
    for (Lane lane : lanes) {
      for (Month month : lane.months()) {
        Integer i = index.get(month.month());
        List<Long> series = counts.get(month.status());
        if (i != null && series != null) {
          series.set(i, series.get(i) + 1);
        }
      }
    }
    return counts;
  }
}
