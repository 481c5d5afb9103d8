package th.or.codi.programme.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.DemoApplicationTest;

/** Retention: 10 years of history for every definition, cleaned up in a nightly window. */
@DemoApplicationTest
class HistoryRetentionTest {

  @Autowired ProcessEngine engine;

  @Test
  void everyDefinitionKeepsItsHistoryTenYearsAndCleanupRunsAtNight() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(3650));
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().list())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(3650));
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
  }

  @Test
  void aTimeToLiveOutsideOneDayToACenturyIsRefused() {
    assertThat(new HistoryRetention(Duration.parse("P3650D")).days()).isEqualTo(3650);
    assertThat(new HistoryRetention(Duration.parse("P1D")).days()).isEqualTo(1);
    for (String bad : new String[] {"PT0S", "-P1D", "P36501D"}) {
      assertThatThrownBy(() -> new HistoryRetention(Duration.parse(bad)))
          .as(bad)
          .hasMessageContaining("history-time-to-live")
          .hasMessageContaining("ระยะเวลาเก็บประวัติ");
    }
  }
}
