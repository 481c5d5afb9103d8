package th.or.codi.programme.ledger;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import th.or.codi.programme.messages.Messages;

/**
 * The words of the ledger's stages, kinds and sources in one language, and baht as people read them
 * (25,000.00), for the audit trail's ledger entries and the evaluation's texts.
 */
public final class LedgerWords {

  private LedgerWords() {}

  /** {@code forum}, {@code study-visit} or {@code joint-plan} in the language. */
  public static String stage(Locale locale, String stage) {
    return switch (stage) {
      case "forum" -> Messages.in(locale, "ledger.stage.forum");
      case "study-visit" -> Messages.in(locale, "ledger.stage.visit");
      default -> Messages.in(locale, "ledger.stage.jointPlan");
    };
  }

  /** {@code requested}, {@code approved} or {@code spent} in the language. */
  public static String kind(Locale locale, String kind) {
    return switch (kind) {
      case "requested" -> Messages.in(locale, "ledger.kind.requested");
      case "approved" -> Messages.in(locale, "ledger.kind.approved");
      default -> Messages.in(locale, "ledger.kind.spent");
    };
  }

  /** {@code codi}, {@code thaihealth} or {@code other} in the language. */
  public static String source(Locale locale, String source) {
    return switch (source) {
      case "codi" -> Messages.in(locale, "ledger.source.codi");
      case "thaihealth" -> Messages.in(locale, "ledger.source.thaihealth");
      default -> Messages.in(locale, "ledger.source.other");
    };
  }

  /** 25,000.00 (null as "-"). */
  public static String baht(BigDecimal amount) {
    if (amount == null) {
      return "-";
    }
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(amount);
  }

  /**
   * One entry in both languages: "เวทีทำความเข้าใจ · อนุมัติ · พอช.: 25,000.00 บาท / Understanding
   * forum · approved · CODI: 25,000.00 THB", with the plan's line and the month where there are.
   */
  public static String describe(LedgerEntry e) {
    return Messages.both(
        "ledger.entry",
        Messages.localized(stage(Messages.THAI, e.stage()), stage(Messages.ENGLISH, e.stage())),
        Messages.localized(kind(Messages.THAI, e.kind()), kind(Messages.ENGLISH, e.kind())),
        Messages.localized(source(Messages.THAI, e.source()), source(Messages.ENGLISH, e.source())),
        baht(e.amount()),
        e.line() == null ? "" : " #" + e.line() + (e.lineName() == null ? "" : " " + e.lineName()),
        e.month() == null ? "" : " (" + e.month() + ")");
  }
}
