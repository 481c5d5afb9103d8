package th.or.codi.programme.report;

import th.or.codi.programme.labels.Labelled;
import th.or.codi.programme.ledger.LedgerWords;
import th.or.codi.programme.messages.Messages;

/**
 * The words of the ledger's keys (issue 18's contract): who pays ({@link Source}), for which stage
 * ({@link LedgerStage}), and what a figure is ({@link Kind}). The workbook writes them in its
 * cells, and the labels endpoint hands them to the Cockpit plugin, which keeps no copy; like the
 * other enums the plugin receives, the stages' and kinds' words stay here; the sources' are the
 * ledger's message keys ({@code ledger.source.*}), which the evaluation and the monthly report's
 * checks use too, so a funder is named one way everywhere.
 */
public final class MoneyWords {

  private MoneyWords() {}

  /** Who pays, in the order the dashboard and the workbook list them. */
  public enum Source implements Labelled {
    CODI("codi"),
    THAIHEALTH("thaihealth"),
    OTHER("other");

    private final String key;

    Source(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }

    /** The ledger's own word ({@code ledger.source.*}), the one the forms' checks also use. */
    @Override
    public String th() {
      return LedgerWords.source(Messages.THAI, key);
    }

    @Override
    public String en() {
      return LedgerWords.source(Messages.ENGLISH, key);
    }
  }

  /** The stages that have money, in the pipeline's order. */
  public enum LedgerStage implements Labelled {
    FORUM("forum", "เวทีทำความเข้าใจ", "Understanding forum"),
    STUDY_VISIT("study-visit", "ศึกษาดูงาน", "Study visit"),
    JOINT_PLAN("joint-plan", "แผนร่วม", "Joint plan");

    private final String key;
    private final String th;
    private final String en;

    LedgerStage(String key, String th, String en) {
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
  }

  /** What a figure is: asked for, granted, or paid out. */
  public enum Kind implements Labelled {
    REQUESTED("requested", "ขอ", "Requested"),
    APPROVED("approved", "อนุมัติ", "Approved"),
    SPENT("spent", "ใช้จ่าย", "Spent");

    private final String key;
    private final String th;
    private final String en;

    Kind(String key, String th, String en) {
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
  }

  /** "ไทย / English" of a key of {@code values}, or the key itself when it is not one of them. */
  static <L extends Labelled> String label(L[] values, String key) {
    if (key == null) {
      return "";
    }
    return Labelled.byKey(values, key).map(Labelled::label).orElse(key);
  }
}
