package th.or.codi.programme.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import th.or.codi.programme.messages.Messages;

/**
 * What the evaluation form shows of a pipeline's ledger, as text (a form does no arithmetic): each
 * indicator against its baseline and target, and per source the money approved against spent, per
 * stage and in total. The whole text in Thai first, then the whole text in English.
 */
final class EvaluationTexts {

  private EvaluationTexts() {}

  static String indicators(List<IndicatorResult> indicators) {
    return both(locale -> indicators(locale, indicators));
  }

  static String money(PipelineLedger ledger) {
    return both(locale -> money(locale, ledger));
  }

  private static String both(java.util.function.Function<Locale, String> text) {
    return text.apply(Messages.THAI) + "\n\n" + text.apply(Messages.ENGLISH);
  }

  private static String indicators(Locale locale, List<IndicatorResult> indicators) {
    if (indicators.isEmpty()) {
      return Messages.in(locale, "ledger.evaluation.noIndicators");
    }
    List<String> lines = new ArrayList<>();
    for (IndicatorResult i : indicators) {
      String result =
          i.reached() == null
              ? Messages.in(locale, "ledger.evaluation.nothingReported")
              : Messages.in(
                  locale,
                  "ledger.evaluation.reached",
                  plain(i.reached()),
                  i.percent() == null ? "-" : i.percent().toPlainString(),
                  Messages.in(
                      locale,
                      i.onTarget()
                          ? "ledger.evaluation.onTarget"
                          : "ledger.evaluation.notOnTarget"));
      lines.add(
          Messages.in(
              locale,
              "ledger.evaluation.indicator",
              String.valueOf(i.number()),
              i.name(),
              plain(i.baseline()),
              plain(i.target()),
              i.unit() == null ? "" : i.unit(),
              result));
    }
    return String.join("\n", lines);
  }

  private static String money(Locale locale, PipelineLedger ledger) {
    List<String> lines = new ArrayList<>();
    Map<String, BigDecimal> approved = Ledgers.bySource(ledger.approved());
    Map<String, BigDecimal> spent = Ledgers.bySource(ledger.spent());
    BigDecimal approvedTotal = BigDecimal.ZERO;
    BigDecimal spentTotal = BigDecimal.ZERO;
    for (String source : Ledgers.sources()) {
      lines.add(
          Messages.in(
              locale,
              "ledger.evaluation.money",
              LedgerWords.source(locale, source),
              LedgerWords.baht(approved.get(source)),
              LedgerWords.baht(spent.get(source))));
      for (String stage : Ledgers.stages()) {
        BigDecimal a = ledger.approved().get(stage).get(source);
        BigDecimal s = ledger.spent().get(stage).get(source);
        if (a.signum() != 0 || s.signum() != 0) {
          lines.add(
              "  - "
                  + Messages.in(
                      locale,
                      "ledger.evaluation.money",
                      LedgerWords.stage(locale, stage),
                      LedgerWords.baht(a),
                      LedgerWords.baht(s)));
        }
      }
      approvedTotal = approvedTotal.add(approved.get(source));
      spentTotal = spentTotal.add(spent.get(source));
    }
    lines.add(
        Messages.in(
            locale,
            "ledger.evaluation.money",
            Messages.in(locale, "ledger.evaluation.total"),
            LedgerWords.baht(approvedTotal),
            LedgerWords.baht(spentTotal)));
    if (ledger.reportedTotalSpent() != null) {
      lines.add(
          Messages.in(
              locale, "ledger.evaluation.reported", LedgerWords.baht(ledger.reportedTotalSpent())));
    }
    if (ledger.spendingDifferenceReason() != null) {
      lines.add(Messages.in(locale, "ledger.evaluation.reason", ledger.spendingDifferenceReason()));
    }
    return String.join("\n", lines);
  }

  private static String plain(BigDecimal n) {
    return n == null ? "-" : n.stripTrailingZeros().toPlainString();
  }
}
