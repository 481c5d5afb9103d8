package th.or.codi.programme.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.history.HistoricValues;
import th.or.codi.programme.messages.Messages;

/**
 * A search of the audit trail. Every criterion is optional; {@code from} and {@code to} are
 * inclusive days in Thailand's time (Asia/Bangkok), written yyyy-MM-dd in the Common Era.
 */
public record AuditQuery(
    String processInstanceId,
    String provinceCode,
    Long wave,
    Instant from,
    Instant to,
    String user,
    int maxInstances) {

  public static final int DEFAULT_MAX_INSTANCES = 200;
  public static final int MAX_INSTANCES = 2000;

  /** Thrown for a criterion that cannot be read; the message is Thai / English. */
  public static class InvalidQueryException extends RuntimeException {
    private final List<String> problems;

    InvalidQueryException(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = problems;
    }

    public List<String> problems() {
      return problems;
    }
  }

  /** Reads the criteria as they come from a URL's query string; blank means not given. */
  public static AuditQuery parse(
      String instance,
      String province,
      String wave,
      String from,
      String to,
      String user,
      String limit) {
    List<String> problems = new ArrayList<>();
    Long waveNumber = null;
    if (present(wave)) {
      try {
        waveNumber = Long.parseLong(wave.trim());
        if (waveNumber < 1) {
          problems.add(Messages.both("audit.query.waveInvalid") + ": " + wave);
        }
      } catch (NumberFormatException e) {
        problems.add(Messages.both("audit.query.waveInvalid") + ": " + wave);
      }
    }
    Instant fromTime = day(from, "from", false, problems);
    Instant toTime = day(to, "to", true, problems);
    if (fromTime != null && toTime != null && toTime.isBefore(fromTime)) {
      problems.add(Messages.both("audit.query.toBeforeFrom"));
    }
    int max = DEFAULT_MAX_INSTANCES;
    if (present(limit)) {
      try {
        max = Integer.parseInt(limit.trim());
        if (max < 1 || max > MAX_INSTANCES) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        problems.add(Messages.both("audit.query.limitInvalid", MAX_INSTANCES));
      }
    }
    if (present(province) && !province.trim().matches("TH-\\d{2}")) {
      problems.add(Messages.both("audit.query.provinceInvalid") + ": " + province);
    }
    if (!problems.isEmpty()) {
      throw new InvalidQueryException(problems);
    }
    return new AuditQuery(
        blankToNull(instance),
        blankToNull(province),
        waveNumber,
        fromTime,
        toTime,
        blankToNull(user),
        max);
  }

  private static Instant day(String text, String name, boolean endOfDay, List<String> problems) {
    if (!present(text)) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text.trim());
      if (date.getYear() > 2400) {
        problems.add(
            Messages.thai("audit.query.buddhistEraYear", name)
                + " ("
                + date.getYear()
                + " → "
                + ThaiCalendar.commonYear(date.getYear())
                + ") / "
                + Messages.english("audit.query.buddhistEraYear", name));
        return null;
      }
      return (endOfDay ? date.plusDays(1) : date)
          .atStartOfDay(ThaiCalendar.ZONE)
          .toInstant()
          .minusMillis(endOfDay ? 1 : 0);
    } catch (DateTimeParseException e) {
      problems.add(Messages.both("audit.query.dateInvalid", name) + ": " + text);
      return null;
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static String blankToNull(String s) {
    return present(s) ? s.trim() : null;
  }

  boolean matches(AuditEntry entry) {
    return (from == null || !entry.time().isBefore(from))
        && (to == null || !entry.time().isAfter(to))
        && (user == null || user.equals(entry.actor()))
        && (provinceCode == null || provinceCode.equals(entry.provinceCode()))
        && (wave == null || wave.equals(entry.wave()));
  }

  /** The criteria as given, for the head of an export. */
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (processInstanceId != null) {
      out.put("processInstanceId", processInstanceId);
    }
    if (provinceCode != null) {
      out.put("province", provinceCode);
    }
    if (wave != null) {
      out.put("wave", wave);
    }
    if (from != null) {
      out.put("from", HistoricValues.iso(java.util.Date.from(from)));
    }
    if (to != null) {
      out.put("to", HistoricValues.iso(java.util.Date.from(to)));
    }
    if (user != null) {
      out.put("user", user);
    }
    out.put("limit", maxInstances);
    return out;
  }
}
