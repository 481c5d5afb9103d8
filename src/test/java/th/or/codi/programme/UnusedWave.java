package th.or.codi.programme;

import org.camunda.bpm.engine.ProcessEngine;
import th.or.codi.programme.processes.BusinessKey;

/**
 * A fiscal year and wave for which a province has had no pipeline yet in the test database the test
 * classes of one Spring context share. Tests that start many pipelines of one province take their
 * keys from here instead of a fixed number, so no two tests ever share a business key, whatever
 * order the classes run in. The years are a block no test with fixed keys uses.
 */
public record UnusedWave(int fiscalYear, int wave) {

  private static final int FIRST_YEAR = 2576;
  private static final int LAST_YEAR = 2585;
  private static final int WAVES = 20;

  public static synchronized UnusedWave of(ProcessEngine engine, String provinceCode) {
    for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      for (int wave = 1; wave <= WAVES; wave++) {
        String key = BusinessKey.format(provinceCode, year, wave);
        if (engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(key)
                .count()
            == 0) {
          return new UnusedWave(year, wave);
        }
      }
    }
    throw new IllegalStateException("No unused fiscal year and wave left for " + provinceCode);
  }
}
