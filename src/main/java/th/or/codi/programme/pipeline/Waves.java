package th.or.codi.programme.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.processes.BusinessKey;
import th.or.codi.programme.processes.ProgrammeProcesses;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReadiness.Readiness;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * The regional programme's bookkeeping, called from {@code regional-programme.bpmn}: which
 * provinces are assessed, chosen and covered, wave by wave, and what each pipeline achieved. The
 * Thai/English text its forms show about them comes from {@link WaveSummaries}.
 */
@Component("waves")
public class Waves {

  static final String READINESS_RESULTS = "readinessResults";
  static final String COVERED = "coveredProvinces";
  static final String WAVE_OUTCOMES = "waveOutcomes";

  private final ProvinceReferenceData referenceData;

  public Waves(ProvinceReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  /** Start of the programme: first wave, nothing covered yet. */
  public void start(DelegateExecution execution) {
    execution.setVariable("wave", 1L);
    execution.setVariable(COVERED, JsonVariables.json(List.of()));
    execution.setVariable(READINESS_RESULTS, JsonVariables.json(List.of()));
    execution.setVariable(WAVE_OUTCOMES, JsonVariables.json(List.of()));
    if (execution.getVariable("region") == null) {
      execution.setVariable("region", "central-west");
    }
  }

  /** Programme provinces not covered by a wave yet: the collection of the readiness assessment. */
  public List<String> provincesToAssess(DelegateExecution execution) {
    List<String> covered = JsonVariables.strings(execution.getVariable(COVERED));
    return referenceData.programmeProvinces().stream()
        .map(Province::code)
        .filter(code -> !covered.contains(code))
        .toList();
  }

  /**
   * After the decision for one province: keeps its result and refreshes what the choosing form
   * shows (summary, options, provinces proposed for the wave).
   */
  @SuppressWarnings("unchecked")
  public void collectReadiness(DelegateExecution execution) {
    String code = (String) execution.getVariable("provinceCode");
    Map<String, Object> assessment = (Map<String, Object>) execution.getVariable("assessment");
    List<Map<String, Object>> results =
        JsonVariables.rows(execution.getVariable(READINESS_RESULTS));
    results.removeIf(row -> code.equals(row.get("provinceCode")));
    Province province = referenceData.requireByCode(code);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("provinceCode", code);
    row.put("provinceName", province.nameTh());
    row.put("readiness", assessment.get("readiness"));
    row.put("readinessReason", assessment.get("readinessReason"));
    results.add(row);
    execution.setVariable(READINESS_RESULTS, JsonVariables.json(results));
    refreshChoices(execution, results);
  }

  private void refreshChoices(DelegateExecution execution, List<Map<String, Object>> results) {
    List<String> covered = JsonVariables.strings(execution.getVariable(COVERED));
    List<Map<String, String>> options = new ArrayList<>();
    List<String> proposed = new ArrayList<>();
    List<String> nextWave = new ArrayList<>();
    Map<Province, Map<String, Object>> assessed = new LinkedHashMap<>();
    for (Province province : referenceData.programmeProvinces()) {
      if (covered.contains(province.code())) {
        continue;
      }
      Map<String, Object> result =
          results.stream()
              .filter(r -> province.code().equals(r.get("provinceCode")))
              .findFirst()
              .orElse(null);
      String readiness = result == null ? null : (String) result.get("readiness");
      options.add(
          Map.of(
              "label",
              WaveSummaries.provinceOption(province, readiness),
              "value",
              province.code()));
      if (Readiness.PILOT_READY.value().equals(readiness)) {
        proposed.add(province.code());
      }
      if (Readiness.PILOT_READY.value().equals(readiness)
          || Readiness.NEXT_WAVE.value().equals(readiness)) {
        nextWave.add(province.code());
      }
      if (result != null) {
        assessed.put(province, result);
      }
    }
    execution.setVariable("provinceOptions", JsonVariables.json(options));
    execution.setVariable("readinessSummary", WaveSummaries.readinessSummary(assessed));
    execution.setVariable("waveProvinces", JsonVariables.json(proposed));
    execution.setVariable("nextWaveProvinces", JsonVariables.json(nextWave));
  }

  /** The wave's provinces, for the multi-instance call activity. */
  public List<String> waveProvinces(DelegateExecution execution) {
    List<String> codes = JsonVariables.strings(execution.getVariable("waveProvinces"));
    if (codes.isEmpty()) {
      throw new BadUserRequestException(Messages.both("pipeline.waves.noProvince"));
    }
    for (String code : codes) {
      referenceData.requireByCode(code);
    }
    return codes;
  }

  /** Business key of a provincial pipeline: province and wave, e.g. {@code TH-60/2562-1}. */
  public String businessKey(String provinceCode, Object fiscalYear, Object wave) {
    return BusinessKey.format(provinceCode, fiscalYear, wave);
  }

  /**
   * After all pipelines of the wave ended: the wave's provinces count as covered, and each
   * pipeline's outcome is read from the history of the called instances (kept there rather than
   * written by each pipeline as it ends, so pipelines ending at the same moment never compete for
   * one variable).
   */
  public void recordWave(DelegateExecution execution) {
    int wave = ((Number) execution.getVariable("wave")).intValue();
    List<Map<String, Object>> outcomes = JsonVariables.rows(execution.getVariable(WAVE_OUTCOMES));
    outcomes.addAll(outcomesOfWave(execution, wave));
    execution.setVariable(WAVE_OUTCOMES, JsonVariables.json(outcomes));

    List<String> covered = JsonVariables.strings(execution.getVariable(COVERED));
    for (String code : JsonVariables.strings(execution.getVariable("waveProvinces"))) {
      if (!covered.contains(code)) {
        covered.add(code);
      }
    }
    execution.setVariable(COVERED, JsonVariables.json(covered));
    boolean allCovered =
        referenceData.programmeProvinces().stream().allMatch(p -> covered.contains(p.code()));
    execution.setVariable("allProvincesCovered", allCovered);

    List<Map<String, Object>> ofThisWave =
        JsonVariables.rows(execution.getVariable(WAVE_OUTCOMES)).stream()
            .filter(row -> Integer.valueOf(wave).equals(((Number) row.get("wave")).intValue()))
            .toList();
    execution.setVariable(
        "waveSummary",
        WaveSummaries.waveSummary(
            wave, ofThisWave, covered.size(), referenceData.programmeProvinces().size()));
    refreshChoices(execution, JsonVariables.rows(execution.getVariable(READINESS_RESULTS)));
  }

  private List<Map<String, Object>> outcomesOfWave(DelegateExecution execution, int wave) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (HistoricProcessInstance pipeline :
        history
            .createHistoricProcessInstanceQuery()
            .superProcessInstanceId(execution.getProcessInstanceId())
            .processDefinitionKey(ProgrammeProcesses.PIPELINE)
            .orderByProcessInstanceStartTime()
            .asc()
            .list()) {
      Map<String, Object> values = new LinkedHashMap<>();
      history
          .createHistoricVariableInstanceQuery()
          .processInstanceId(pipeline.getId())
          .variableNameIn("provinceCode", "wave", "outcome")
          .list()
          .forEach(v -> values.put(v.getName(), v.getValue()));
      if (!Integer.valueOf(wave)
          .equals(values.get("wave") == null ? null : ((Number) values.get("wave")).intValue())) {
        continue;
      }
      String code = (String) values.get("provinceCode");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("provinceCode", code);
      row.put("provinceName", referenceData.requireByCode(code).nameTh());
      row.put("wave", wave);
      row.put("businessKey", pipeline.getBusinessKey());
      row.put("outcome", values.get("outcome"));
      rows.add(row);
    }
    return rows;
  }

  /** Managers chose a next wave: its number and provinces. */
  public void prepareNextWave(DelegateExecution execution) {
    List<String> chosen = JsonVariables.strings(execution.getVariable("nextWaveProvinces"));
    List<String> covered = JsonVariables.strings(execution.getVariable(COVERED));
    List<String> fresh = chosen.stream().filter(code -> !covered.contains(code)).toList();
    if (fresh.isEmpty()) {
      throw new BadUserRequestException(Messages.both("pipeline.waves.noFreshProvince"));
    }
    execution.setVariable("wave", ((Number) execution.getVariable("wave")).longValue() + 1);
    execution.setVariable("waveProvinces", JsonVariables.json(fresh));
  }
}
