package th.or.codi.programme.dashboard;

import th.or.codi.programme.labels.Labelled;

/**
 * A pipeline's monthly progress status ({@code latestMonthlyStatus}, from the monthly report and
 * its review), with the words of the implementation forms' choices and how serious it is ({@code
 * ok}, {@code warn}, {@code bad}: the dashboard colours it so).
 */
public enum MonthlyStatus implements Labelled {
  ON_TRACK("on-track", "ตามแผน", "On track", "ok"),
  AT_RISK("at-risk", "มีความเสี่ยง", "At risk", "warn"),
  OFF_TRACK("off-track", "ไม่เป็นไปตามแผน", "Off track", "bad");

  private final String key;
  private final String th;
  private final String en;
  private final String level;

  MonthlyStatus(String key, String th, String en, String level) {
    this.key = key;
    this.th = th;
    this.en = en;
    this.level = level;
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

  public String level() {
    return level;
  }
}
