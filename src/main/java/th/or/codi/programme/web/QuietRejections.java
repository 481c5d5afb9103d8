package th.or.codi.programme.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.pipeline.PipelineAlreadyStartedException;
import th.or.codi.programme.validation.SubmissionRejectedException;

/**
 * A rejected submission is a person's mistake, answered with a clear message; the engine still logs
 * it as an ERROR with a stack trace ("ENGINE-16004 Exception while closing command context"), which
 * an operator would take for a fault. This drops those engine log events; the validation logs each
 * rejection on one INFO line instead. The same for the other mistakes only a person's request makes
 * ({@link #personsMistake}). Every other error is logged as before.
 */
@Component
public class QuietRejections extends TurboFilter {

  @PostConstruct
  void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(f -> f instanceof QuietRejections)) {
      start();
      context.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null
        || !level.isGreaterOrEqual(Level.WARN)
        || !logger.getName().startsWith("org.camunda.bpm")) {
      return FilterReply.NEUTRAL;
    }
    if (personsMistake(t)) {
      return FilterReply.DENY;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof Throwable thrown && personsMistake(thrown)) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }

  /**
   * A failure only a person's request causes, answered with a clear 4xx: a rejected submission, a
   * claim of a task someone else holds, a second start of a pipeline or programme, a new password
   * that breaks the policy, a condition that starts no process. Failures that could also be a fault
   * of the system (a missing task, an unstorable variable) are still logged.
   */
  static boolean personsMistake(Throwable t) {
    if (t == null) {
      return false;
    }
    if (SubmissionRejectedException.in(t) != null
        || EngineHooks.cause(t, TaskAlreadyClaimedException.class) != null
        || EngineHooks.cause(t, PipelineAlreadyStartedException.class) != null) {
      return true;
    }
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String message = c instanceof ProcessEngineException ? c.getMessage() : null;
      if (message != null
          && (message.equals("Password does not match policy")
              || message.startsWith("ENGINE-13042")
              || message.startsWith("ENGINE-13043"))) {
        return true;
      }
    }
    return false;
  }
}
