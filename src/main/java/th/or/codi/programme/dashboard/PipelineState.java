package th.or.codi.programme.dashboard;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import th.or.codi.programme.labels.Labelled;

/** Whether a dashboard row's pipeline is still running, and if not how it ended. */
public enum PipelineState implements Labelled {
  RUNNING("running", "กำลังดำเนินการ", "Running"),
  COMPLETED("completed", "เสร็จสิ้น", "Completed"),
  CANCELLED("cancelled", "ถูกยกเลิก", "Cancelled");

  private final String key;
  private final String th;
  private final String en;

  PipelineState(String key, String th, String en) {
    this.key = key;
    this.th = th;
    this.en = en;
  }

  /** Running while it has no end; completed when it reached an end event; else cancelled. */
  static PipelineState of(HistoricProcessInstance pipeline) {
    if (pipeline.getEndTime() == null) {
      return RUNNING;
    }
    return HistoricProcessInstance.STATE_COMPLETED.equals(pipeline.getState())
        ? COMPLETED
        : CANCELLED;
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
}
