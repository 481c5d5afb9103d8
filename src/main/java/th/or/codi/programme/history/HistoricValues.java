package th.or.codi.programme.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.messages.Messages;

/** Historic variables and their values as the programme's readers show them. */
public final class HistoricValues {

  private HistoricValues() {}

  /**
   * Whether the variable is the process instance's own, not a task-local copy (Tasklist's province,
   * wave, stage) nor one of an inner scope.
   */
  public static boolean ownVariable(HistoricVariableInstance variable) {
    return variable.getTaskId() == null
        && variable.getProcessInstanceId().equals(variable.getActivityInstanceId());
  }

  /** The variable's value as text; {@code null} for no variable or no value. */
  public static String text(HistoricVariableInstance variable) {
    return variable == null || variable.getValue() == null ? null : variable.getValue().toString();
  }

  /**
   * When the variable was last written, from its updates in the history (the instance itself keeps
   * only its creation time); empty for no variable.
   */
  public static Optional<Instant> lastWrite(
      HistoryService history, HistoricVariableInstance variable) {
    if (variable == null) {
      return Optional.empty();
    }
    return history
        .createHistoricDetailQuery()
        .variableInstanceId(variable.getId())
        .variableUpdates()
        .list()
        .stream()
        .map(HistoricDetail::getTime)
        .max(Date::compareTo)
        .map(Date::toInstant);
  }

  /** A time in Bangkok's offset, ISO 8601. */
  public static String iso(Date date) {
    return date.toInstant().atZone(ThaiCalendar.ZONE).toOffsetDateTime().toString();
  }

  /**
   * A variable's value as plain JSON-friendly data: text, number, boolean, date, list or map; JSON
   * read with {@code json}, the application's ObjectMapper.
   */
  public static Object plain(ObjectMapper json, HistoricDetail detail) {
    HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
    if (update.getErrorMessage() != null) {
      return "("
          + Messages.both("history.values.unreadable")
          + ": "
          + update.getErrorMessage()
          + ")";
    }
    TypedValue typed = update.getTypedValue();
    if (typed instanceof ObjectValue object && !object.isDeserialized()) {
      return object.getValueSerialized();
    }
    Object value = typed == null ? null : typed.getValue();
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Date date) {
      return iso(date);
    }
    if ("json".equalsIgnoreCase(update.getTypeName())
        || value.getClass().getName().contains("Spin")) {
      try {
        return json.readValue(value.toString(), Object.class);
      } catch (Exception e) {
        return value.toString();
      }
    }
    if (value instanceof byte[] || value instanceof java.io.InputStream) {
      return "(" + Messages.both("history.values.file") + ")";
    }
    return value.toString();
  }
}
