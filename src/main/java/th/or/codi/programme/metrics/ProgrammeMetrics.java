package th.or.codi.programme.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import th.or.codi.programme.dashboard.Party;
import th.or.codi.programme.dashboard.ProgrammeDashboard;
import th.or.codi.programme.pipeline.PipelineStages.Stage;

/**
 * The programme's figures for an operator's monitoring system, at {@code /actuator/prometheus}:
 * {@code programme_tasks_open{party}}, {@code programme_tasks_overdue{party}} and {@code
 * programme_pipelines{stage}} (running provincial pipelines). They are the dashboard's totals,
 * counted by the engine, computed at most once per {@link #MAX_AGE} however often the endpoint is
 * scraped.
 */
@Component
public class ProgrammeMetrics implements MeterBinder {

  static final Duration MAX_AGE = Duration.ofSeconds(15);

  private final ProgrammeDashboard dashboard;
  private final Clock clock;
  private volatile ProgrammeDashboard.Totals snapshot;
  private volatile Instant taken = Instant.EPOCH;

  @Autowired
  public ProgrammeMetrics(ProgrammeDashboard dashboard) {
    this(dashboard, Clock.systemUTC());
  }

  ProgrammeMetrics(ProgrammeDashboard dashboard, Clock clock) {
    this.dashboard = dashboard;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Party party : Party.values()) {
      Gauge.builder(
              "programme.tasks.open",
              this,
              m -> m.figure(m.view().openTasksPerParty(), party.key()))
          .description("Open tasks of the party (its candidate groups), in all programme processes")
          .tag("party", party.key())
          .register(registry);
      Gauge.builder(
              "programme.tasks.overdue",
              this,
              m -> m.figure(m.view().overdueTasksPerParty(), party.key()))
          .description("Open tasks of the party past their due date")
          .tag("party", party.key())
          .register(registry);
    }
    for (Stage stage : Stage.values()) {
      Gauge.builder(
              "programme.pipelines", this, m -> m.figure(m.view().pipelinesPerStage(), stage.key()))
          .description("Running provincial pipelines in the stage")
          .tag("stage", stage.key())
          .register(registry);
    }
  }

  private double figure(Map<String, Long> figures, String key) {
    Long value = figures.get(key);
    return value == null ? 0 : value;
  }

  synchronized ProgrammeDashboard.Totals view() {
    Instant now = clock.instant();
    if (snapshot == null || Duration.between(taken, now).compareTo(MAX_AGE) > 0) {
      snapshot = dashboard.totals(now);
      taken = now;
    }
    return snapshot;
  }
}
