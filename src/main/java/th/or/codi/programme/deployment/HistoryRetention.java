package th.or.codi.programme.deployment;

import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import th.or.codi.programme.engine.StartupPlugin;
import th.or.codi.programme.messages.Messages;

/**
 * Retention: every process and decision definition keeps its history for {@code
 * programme.retention.history-time-to-live} (default P3650D, 10 years) after its root process
 * ended; the engine's history cleanup removes it in the nightly batch window ({@code
 * history-cleanup-batch-window-*}). The models carry the same default in {@code
 * camunda:historyTimeToLive}; this applies the configured value, on every start, to every version
 * already deployed. A changed value applies to instances that end from then on (their removal time
 * is fixed when they end).
 */
@Component
public class HistoryRetention extends StartupPlugin {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);

  private final int days;

  public HistoryRetention(
      @Value("${programme.retention.history-time-to-live:P3650D}") Duration timeToLive) {
    if (timeToLive.isNegative() || timeToLive.isZero() || timeToLive.toDays() > 36500) {
      throw new IllegalArgumentException(
          Messages.both("deployment.retention.outOfRange") + ": " + timeToLive);
    }
    this.days = (int) timeToLive.toDays();
  }

  public int days() {
    return days;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    step("history-retention", () -> onStart(engine));
  }

  private void onStart(ProcessEngine engine) {
    RepositoryService repository = engine.getRepositoryService();
    int changed = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
        repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    LOG.info("History kept {} days after a process ends; {} definition(s) updated", days, changed);
  }
}
