package th.or.codi.programme.pipeline;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import th.or.codi.programme.labels.Labelled;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.processes.BusinessKey;
import th.or.codi.programme.provinces.Province;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * The provincial pipeline's identity and current stage, called from {@code
 * provincial-pipeline.bpmn}: province variables and business key when it starts, {@code
 * stage}/{@code stageKey} as it moves, {@code outcome} when it ends. Tasklist's filters and Cockpit
 * show these variables.
 */
@Component("pipelineStages")
public class PipelineStages {

  static final String DEFAULT_STUDY_VISIT_HOST = "TH-27";

  /**
   * The stages in order, with the Thai names the working group uses; {@link #label()} is what the
   * {@code stage} variable holds.
   */
  public enum Stage implements Labelled {
    UNDERSTANDING_FORUM("understanding-forum", "1 เวทีทำความเข้าใจ", "Understanding forum"),
    STUDY_VISIT("study-visit", "2 ศึกษาดูงาน", "Study visit"),
    JOINT_DESIGN("joint-design", "3 ออกแบบร่วม", "Joint design"),
    IMPLEMENTATION("implementation", "4 ปฏิบัติการและกำกับติดตาม", "Implementation and monitoring"),
    EVALUATION("evaluation", "5 ประเมินผล", "Evaluation"),
    CLOSED("closed", "ปิดแล้ว", "Closed");

    private final String key;
    private final String th;
    private final String en;

    Stage(String key, String th, String en) {
      this.key = key;
      this.th = th;
      this.en = en;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public String th() {
      return th;
    }

    @Override
    public String en() {
      return en;
    }

    public static Stage of(String key) {
      return Labelled.byKey(values(), key)
          .orElseThrow(() -> new IllegalArgumentException("Unknown stage " + key));
    }
  }

  private final ProvinceReferenceData referenceData;

  public PipelineStages(ProvinceReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  private static Long wholeNumber(Object value, Long absent) {
    return value instanceof Number number ? Long.valueOf(number.longValue()) : absent;
  }

  /** Start of a pipeline: who the province is, and a business key naming province and wave. */
  public void prepare(DelegateExecution execution) {
    Object code = execution.getVariable("provinceCode");
    Province province =
        referenceData
            .byCode(code == null ? null : code.toString())
            .filter(Province::inProgramme)
            .orElseThrow(
                () ->
                    new BadUserRequestException(
                        Messages.both("provinces.options.notInProgramme", code)));

    execution.setVariable("provinceName", province.nameTh());
    execution.setVariable("provinceNameEn", province.nameEn());
    execution.setVariable("communityGroup", province.communityGroupId());
    execution.setVariable("jointGroup", province.jointGroupId());
    // counters are Long throughout, as the models' expressions (${cycle + 1}) produce them and
    // whether a number came from Tasklist (Integer) or a script (Long) does not show in the record
    execution.setVariable("wave", wholeNumber(execution.getVariable("wave"), 1L));
    execution.setVariable("fiscalYear", wholeNumber(execution.getVariable("fiscalYear"), null));
    execution.setVariable("cycle", wholeNumber(execution.getVariable("cycle"), 1L));
    if (execution.getVariable("studyVisitHost") == null) {
      execution.setVariable("studyVisitHost", DEFAULT_STUDY_VISIT_HOST);
    }
    String key =
        BusinessKey.format(
            province.code(), execution.getVariable("fiscalYear"), execution.getVariable("wave"));

    if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
      execution.setProcessBusinessKey(key);
    }
  }

  /** The pipeline enters a stage. */
  public void enter(DelegateExecution execution, String stageKey) {
    Stage stage = Stage.of(stageKey);
    execution.setVariable("stageKey", stage.key());
    execution.setVariable("stage", stage.label());
  }

  /** The pipeline ends with an outcome the regional programme sees. */
  public void close(DelegateExecution execution, String outcome) {
    execution.setVariable("outcome", outcome);
    enter(execution, Stage.CLOSED.key());
  }

  /** Name of the study-visit host area for the forms. */
  public String areaName(String code) {
    return referenceData.byCode(code).map(p -> p.nameTh() + " / " + p.nameEn()).orElse(code);
  }
}
