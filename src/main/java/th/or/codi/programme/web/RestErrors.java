package th.or.codi.programme.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.pipeline.PipelineAlreadyStartedException;
import th.or.codi.programme.security.CommandRefusedException;
import th.or.codi.programme.validation.FieldError;
import th.or.codi.programme.validation.SubmissionRejectedException;

/**
 * Turns what goes wrong in a REST call into an answer a person can act on, in Thai and English: a
 * rejected submission → 400 naming each field; a task that ended before or while one acted on it →
 * 409; a task claimed by someone else → 409; a task that does not exist → 404; a password that
 * breaks the policy → 400 naming its rules; a serialized Java object → 400; a condition that starts
 * nothing → 400; a start of a pipeline or programme that already exists → 409 naming it; a request
 * a delegate refuses ({@link BadUserRequestException}, e.g. a province that is not in the
 * programme), which Camunda's resources wrap as 500 → 400 with its message. Everything else keeps
 * Camunda's own answer. Used by the exception mappers of both REST APIs: {@code /engine-rest} and
 * the one the webapps call.
 */
public final class RestErrors {

  private static final Logger LOG = LoggerFactory.getLogger(RestErrors.class);
  private static final Pattern TASK_ACTION =
      Pattern.compile(
          "(?:^|/)(?:engine/([^/]+)/)?task/([^/]+)/(complete|submit-form|resolve|claim)/?$");
  private static final Pattern CONDITION = Pattern.compile("(?:^|/)(?:engine/[^/]+/)?condition/?$");
  private static final Pattern ENGINE = Pattern.compile("(?:^|/)engine/([^/]+)/");

  /**
   * SQL states of a transaction that lost a race for the same rows: serialization failure,
   * deadlock.
   */
  private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01");

  /** H2's codes for the same: deadlock, lock timeout, concurrent update. */
  private static final Set<Integer> H2_CONFLICT_CODES = Set.of(40001, 50200, 90131);

  private RestErrors() {}

  /** The answer for this failure of the request to {@code path}, or null to keep Camunda's. */
  public static Response translate(Throwable failure, String path) {
    String where = path == null ? "" : path;
    Matcher taskAction = TASK_ACTION.matcher(where);
    if (taskAction.find()) {
      Response task =
          taskAction(failure, taskAction.group(1), taskAction.group(2), taskAction.group(3));
      if (task != null) {
        return task;
      }
    }
    SubmissionRejectedException rejected = SubmissionRejectedException.in(failure);
    if (rejected != null) {
      return rejected(rejected);
    }
    CommandRefusedException refused = EngineHooks.cause(failure, CommandRefusedException.class);
    if (refused != null) {
      // also where Camunda's resource wraps it in a 400 "Not enough parameters submitted"
      return json(
          Response.Status.FORBIDDEN,
          "NotAllowed",
          null,
          refused.getMessage(),
          Map.of("rule", refused.rule()));
    }
    if (causedBy(failure, TaskAlreadyClaimedException.class)) {
      return alreadyClaimed();
    }
    if (hasMessage(failure, "Password does not match policy")) {
      return passwordPolicy(engineName(where));
    }
    if (hasMessage(failure, "ENGINE-17007")) { // "Java serialization format is prohibited"
      return json(
          Response.Status.BAD_REQUEST,
          "VariableTypeNotAllowed",
          Messages.thai("web.restErrors.serializedObject"),
          Messages.english("web.restErrors.serializedObject"),
          null);
    }
    if (hasMessage(
        failure,
        "Cannot find serializer for value")) { // a value type the engine cannot store, e.g. Xml
      return json(
          Response.Status.BAD_REQUEST,
          "VariableTypeNotAllowed",
          Messages.thai("web.restErrors.typeNotStored"),
          Messages.english("web.restErrors.typeNotStored"),
          null);
    }
    if (convertingVariable(failure)) {
      return json(
          Response.Status.BAD_REQUEST,
          "InvalidVariable",
          Messages.thai("web.restErrors.invalidVariable"),
          Messages.english("web.restErrors.invalidVariable") + ": " + failure.getMessage(),
          null);
    }
    if (CONDITION.matcher(where).find()
        && (hasMessage(failure, "ENGINE-13043") || hasMessage(failure, "ENGINE-13042"))) {
      return json(
          Response.Status.BAD_REQUEST,
          "NoConditionalStart",
          Messages.thai("web.restErrors.noConditionalStart"),
          Messages.english("web.restErrors.noConditionalStart"),
          null);
    }
    PipelineAlreadyStartedException started =
        EngineHooks.cause(failure, PipelineAlreadyStartedException.class);
    if (started != null) {
      return pipelineExists(started);
    }
    BadUserRequestException badRequest = EngineHooks.cause(failure, BadUserRequestException.class);
    if (badRequest != null
        && failure instanceof RestException rest
        && rest.getStatus() == Response.Status.INTERNAL_SERVER_ERROR) {
      // a delegate's refusal of what the person asked for (e.g. a province that is not in the
      // programme), which Camunda's start and complete resources wrap as 500: it is the request
      return json(
          Response.Status.BAD_REQUEST, "BadUserRequest", null, badRequest.getMessage(), null);
    }
    return null;
  }

  /**
   * A task action that failed because the task ended meanwhile, however it failed: a completion
   * that lost a race reads the task before the winner commits and then fails on whatever the winner
   * removed (the task's grants: 403; its values: 400; its row: an optimistic-locking failure or the
   * database's conflict error). Once the task is finished the answer is 409, which is also what
   * anyone asking after it finished gets; a refusal of an open task stays a refusal.
   */
  private static Response taskAction(
      Throwable failure, String engineName, String taskId, String action) {
    HistoricTaskInstance done = finishedTask(engineName, taskId);
    if (done != null) {
      LOG.debug(
          "{} of task {} failed after it ended ({}): 409", action, taskId, failure.toString());
      return alreadyCompleted(done);
    }
    boolean conflict = causedBy(failure, OptimisticLockingException.class) || isConflict(failure);
    if ("claim".equals(action)
        && (conflict || causedBy(failure, TaskAlreadyClaimedException.class))) {
      return alreadyClaimed();
    }
    if (conflict) {
      return json(
          Response.Status.CONFLICT,
          "TaskAlreadyCompleted",
          Messages.thai("web.restErrors.completedMeanwhile"),
          Messages.english("web.restErrors.completedMeanwhile"),
          null);
    }
    if ((causedBy(failure, NullValueException.class) || causedBy(failure, NotFoundException.class))
        && !openTask(engineName, taskId)) {
      return json(
          Response.Status.NOT_FOUND,
          "TaskNotFound",
          Messages.thai("web.restErrors.taskNotFound", taskId),
          Messages.english("web.restErrors.taskNotFound", taskId),
          null);
    }
    return null;
  }

  /** The database refused the transaction because another one changed the same rows. */
  static boolean isConflict(Throwable failure) {
    for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (CONFLICT_STATES.contains(e.getSQLState())
              || e.getClass().getName().startsWith("org.h2.")
                  && H2_CONFLICT_CODES.contains(e.getErrorCode())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Response alreadyClaimed() {
    return json(
        Response.Status.CONFLICT,
        "TaskAlreadyClaimed",
        Messages.thai("web.restErrors.alreadyClaimed"),
        Messages.english("web.restErrors.alreadyClaimed"),
        null);
  }

  /** The rules of the engine's password policy, in Thai and English. */
  private static Response passwordPolicy(String engineName) {
    List<String> th = new ArrayList<>();
    List<String> en = new ArrayList<>();
    try {
      PasswordPolicy policy =
          EngineUtil.lookupProcessEngine(engineName).getIdentityService().getPasswordPolicy();
      for (PasswordPolicyRule rule :
          policy == null ? List.<PasswordPolicyRule>of() : policy.getRules()) {
        Map<String, String> p = rule.getParameters() == null ? Map.of() : rule.getParameters();
        switch (rule.getPlaceholder()) {
          case "PASSWORD_POLICY_LENGTH" -> {
            th.add(Messages.thai("web.restErrors.policyLength", p.get("minLength")));
            en.add(Messages.english("web.restErrors.policyLength", p.get("minLength")));
          }
          case "PASSWORD_POLICY_LOWERCASE" -> {
            th.add(Messages.thai("web.restErrors.policyLowerCase", p.get("minLowerCase")));
            en.add(Messages.english("web.restErrors.policyLowerCase", p.get("minLowerCase")));
          }
          case "PASSWORD_POLICY_UPPERCASE" -> {
            th.add(Messages.thai("web.restErrors.policyUpperCase", p.get("minUpperCase")));
            en.add(Messages.english("web.restErrors.policyUpperCase", p.get("minUpperCase")));
          }
          case "PASSWORD_POLICY_DIGIT" -> {
            th.add(Messages.thai("web.restErrors.policyDigit", p.get("minDigit")));
            en.add(Messages.english("web.restErrors.policyDigit", p.get("minDigit")));
          }
          case "PASSWORD_POLICY_SPECIAL" -> {
            th.add(Messages.thai("web.restErrors.policySpecial", p.get("minSpecial")));
            en.add(Messages.english("web.restErrors.policySpecial", p.get("minSpecial")));
          }
          case "PASSWORD_POLICY_USER_DATA" -> {
            th.add(Messages.thai("web.restErrors.policyUserData"));
            en.add(Messages.english("web.restErrors.policyUserData"));
          }
          default -> {
            th.add(rule.getPlaceholder());
            en.add(rule.getPlaceholder());
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("could not read the password policy", e);
    }
    String thRules = th.isEmpty() ? "" : ": " + String.join(", ", th);
    String enRules = en.isEmpty() ? "" : ": " + String.join(", ", en);
    return json(
        Response.Status.BAD_REQUEST,
        "PasswordPolicy",
        Messages.thai("web.restErrors.passwordPolicy", thRules),
        Messages.english("web.restErrors.passwordPolicy", enRules),
        Map.of("policy", en));
  }

  /**
   * An IllegalArgumentException of Camunda's conversion of a submitted variable (e.g. "Cannot
   * create file without valueInfo"): the request's mistake, which Camunda's resources do not catch.
   * Other IllegalArgumentExceptions stay server errors.
   */
  private static boolean convertingVariable(Throwable failure) {
    IllegalArgumentException illegal = EngineHooks.cause(failure, IllegalArgumentException.class);
    if (illegal == null) {
      return false;
    }
    for (StackTraceElement frame : illegal.getStackTrace()) {
      if (frame.getClassName().equals("org.camunda.bpm.engine.rest.dto.VariableValueDto")) {
        return true;
      }
    }
    return false;
  }

  private static String engineName(String path) {
    Matcher m = ENGINE.matcher(path);
    return m.find() ? m.group(1) : null;
  }

  private static boolean hasMessage(Throwable failure, String text) {
    for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof ProcessEngineException
          && c.getMessage() != null
          && c.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A start of a pipeline or programme that already exists (or a later wave of it): 409 naming it,
   * whichever API started it and whether it failed wrapped as 500 or 400.
   */
  private static Response pipelineExists(PipelineAlreadyStartedException e) {
    Map<String, Object> existing = new LinkedHashMap<>();
    existing.put("businessKey", e.existingBusinessKey());
    existing.put("state", e.existingState());
    existing.put(
        "started", e.existingStarted() == null ? null : e.existingStarted().toInstant().toString());
    return json(
        Response.Status.CONFLICT,
        "PipelineAlreadyStarted",
        null,
        e.getMessage(),
        Map.of("existing", existing));
  }

  static Response rejected(SubmissionRejectedException e) {
    List<Map<String, Object>> fields = new ArrayList<>();
    for (FieldError error : e.errors()) {
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("field", error.field());
      field.put("label", error.label());
      field.put("th", error.th());
      field.put("en", error.en());
      fields.add(field);
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("form", e.formId());
    extra.put("errors", fields);
    return json(Response.Status.BAD_REQUEST, "SubmissionRejected", null, e.getMessage(), extra);
  }

  /** The task if it has ended (by whom is left out), or null: still open, or it never existed. */
  private static HistoricTaskInstance finishedTask(String engineName, String taskId) {
    try {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
      return EngineHooks.withoutAuthentication(
          engine.getIdentityService(),
          () ->
              engine
                  .getHistoryService()
                  .createHistoricTaskInstanceQuery()
                  .taskId(taskId)
                  .finished()
                  .singleResult());
    } catch (RuntimeException e) {
      LOG.debug("could not look up task {} in history", taskId, e);
      return null;
    }
  }

  /** Whether the task is open (whoever may see it); true when that cannot be found out. */
  private static boolean openTask(String engineName, String taskId) {
    try {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
      return EngineHooks.withoutAuthentication(
          engine.getIdentityService(),
          () -> engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0);
    } catch (RuntimeException e) {
      LOG.debug("could not look up task {}", taskId, e);
      return true;
    }
  }

  private static Response alreadyCompleted(HistoricTaskInstance done) {
    return json(
        Response.Status.CONFLICT,
        "TaskAlreadyCompleted",
        Messages.thai(
            "web.restErrors.alreadyCompleted", ThaiCalendar.thaiMinutes(done.getEndTime())),
        Messages.english(
            "web.restErrors.alreadyCompleted", ThaiCalendar.englishMinutes(done.getEndTime())),
        null);
  }

  static Response json(
      Response.Status status, String type, String th, String en, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", th == null ? en : th + " / " + en);
    body.put("code", 0);
    if (extra != null) {
      body.putAll(extra);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    return EngineHooks.cause(t, type) != null;
  }
}
