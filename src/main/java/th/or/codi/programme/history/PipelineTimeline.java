package th.or.codi.programme.history;

import java.time.Instant;
import java.util.List;

/**
 * What the programme report shows of a pipeline's course besides its money: when it entered each
 * stage and left it, and each month's report with its status as the province reported it and as the
 * working group confirmed it. Plain data, read by {@link PipelineTimelines}.
 *
 * @param pipelineId the provincial pipeline's process instance id
 * @param started when the pipeline started
 * @param ended when it ended; {@code null} while it runs
 * @param stages the stages in the order entered
 * @param months the monthly reports in the order submitted
 */
public record PipelineTimeline(
    String pipelineId,
    Instant started,
    Instant ended,
    List<StagePeriod> stages,
    List<MonthReport> months) {

  /**
   * A stage's stay: from the moment {@code stageKey} was written until it was written again (or the
   * pipeline ended).
   *
   * @param end {@code null} while the pipeline is still in this stage
   * @param overranAt when the engine's own timer found the stage running longer than allowed (the
   *     pipeline's {@code stage-allowed} escalation, or the implementation's plan end and grace
   *     passing); {@code null} if it never fired in this stay
   */
  public record StagePeriod(String stageKey, Instant start, Instant end, Instant overranAt) {

    public StagePeriod(String stageKey, Instant start, Instant end) {
      this(stageKey, start, end, null);
    }
  }

  /**
   * One month's report.
   *
   * @param month {@code reportMonth} (yyyy-MM)
   * @param reportedStatus {@code progressStatus}, the province's own
   * @param confirmedStatus {@code progressStatusConfirmed}, the working group's; {@code null} until
   *     reviewed
   * @param interventionType the managers' intervention, if one was decided
   * @param submitted when the report was submitted
   */
  public record MonthReport(
      String month,
      String reportedStatus,
      String confirmedStatus,
      String interventionType,
      Instant submitted) {}
}
