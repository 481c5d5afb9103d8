package th.or.codi.programme.history;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * What an implementation stage's monthly reports spent, read from the engine's history: each
 * month's {@code monthlySpending} (local to its month, so history keeps one value per month, the
 * one submitted; a month not yet reported holds its prefilled zeros), summed per budget line (the
 * line's number in the plan, {@code "1"}, {@code "2"}, …) and in total. No second bookkeeping: the
 * over-spend rule, the completion report's check and the stage's {@code planSpentToDate} all read
 * this.
 *
 * @param byLine spent per plan line, by the line's number as text
 * @param bySource spent per source ({@code codi}, {@code thaihealth}, {@code other}) as reported
 * @param total everything spent
 */
public record SubmittedSpending(
    Map<String, BigDecimal> byLine, Map<String, BigDecimal> bySource, BigDecimal total) {

  public static final String VARIABLE = "monthlySpending";

  public static final SubmittedSpending NONE =
      new SubmittedSpending(Map.of(), Map.of(), BigDecimal.ZERO);

  /**
   * The months of the process instance (the implementation stage), without the month whose variable
   * is {@code exceptVariableId} (the report being submitted: its new value is not history yet);
   * null leaves none out. The caller reads without authorization checks where the person acting may
   * not read history.
   */
  public static SubmittedSpending of(
      HistoryService history, String processInstanceId, String exceptVariableId) {
    SubmittedSpending sum = NONE;
    for (HistoricVariableInstance month :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .variableName(VARIABLE)
            .list()) {
      if (month.getId().equals(exceptVariableId) || month.getValue() == null) {
        continue;
      }
      sum = sum.plus(ofItems(month.getValue()));
    }
    return sum;
  }

  /**
   * One month's items ({@code spendingLine}, {@code spendingAmount}), as a Json variable, a JSON
   * text, or plain lists and maps.
   */
  public static SubmittedSpending ofItems(Object items) {
    Map<String, BigDecimal> byLine = new TreeMap<>();
    Map<String, BigDecimal> bySource = new TreeMap<>();
    BigDecimal total = BigDecimal.ZERO;
    if (items instanceof java.util.List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> item) {
          BigDecimal amount = decimal(item.get("spendingAmount"));
          byLine.merge(String.valueOf(item.get("spendingLine")), amount, BigDecimal::add);
          bySource.merge(String.valueOf(item.get("spendingSource")), amount, BigDecimal::add);
          total = total.add(amount);
        }
      }
      return of(byLine, bySource, total);
    }
    SpinJsonNode node =
        items instanceof SpinJsonNode json ? json : Spin.JSON(String.valueOf(items));
    if (!node.isArray()) {
      return NONE;
    }
    for (SpinJsonNode item : node.elements()) {
      if (!item.isObject()) {
        continue;
      }
      BigDecimal amount = decimal(plain(item, "spendingAmount"));
      byLine.merge(String.valueOf(plain(item, "spendingLine")), amount, BigDecimal::add);
      bySource.merge(String.valueOf(plain(item, "spendingSource")), amount, BigDecimal::add);
      total = total.add(amount);
    }
    return of(byLine, bySource, total);
  }

  /** Spent on the line, zero when nothing. */
  public BigDecimal line(String line) {
    return byLine.getOrDefault(line, BigDecimal.ZERO);
  }

  /** Spent from the source, zero when nothing. */
  public BigDecimal source(String source) {
    return bySource.getOrDefault(source, BigDecimal.ZERO);
  }

  /** The two together (what was spent before a month, and that month). */
  public SubmittedSpending plus(SubmittedSpending other) {
    Map<String, BigDecimal> lines = new TreeMap<>(byLine);
    other.byLine.forEach((line, amount) -> lines.merge(line, amount, BigDecimal::add));
    Map<String, BigDecimal> sources = new TreeMap<>(bySource);
    other.bySource.forEach((source, amount) -> sources.merge(source, amount, BigDecimal::add));
    return of(lines, sources, total.add(other.total));
  }

  private static SubmittedSpending of(
      Map<String, BigDecimal> byLine, Map<String, BigDecimal> bySource, BigDecimal total) {
    return new SubmittedSpending(
        Collections.unmodifiableMap(byLine), Collections.unmodifiableMap(bySource), total);
  }

  private static Object plain(SpinJsonNode item, String field) {
    if (!item.hasProp(field) || item.prop(field).isNull()) {
      return null;
    }
    SpinJsonNode value = item.prop(field);
    return value.isNumber() ? value.numberValue() : value.stringValue();
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof Number n) {
      try {
        return new BigDecimal(n.toString());
      } catch (NumberFormatException e) {
        return BigDecimal.ZERO; // not finite: the form's own check refuses it
      }
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return BigDecimal.ZERO;
      }
    }
    return BigDecimal.ZERO;
  }
}
