package th.or.codi.programme.web;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.codi.programme.security.CommandRefusedException;
import th.or.codi.programme.system.EngineHooks;
import th.or.codi.programme.validation.FieldError;
import th.or.codi.programme.validation.SubmissionRejectedException;

/**
 * Turns what goes wrong in a REST call into an answer a person can act on, in Thai and English:
 * a rejected submission → 400 naming each field; a task someone else completed first → 409; a
 * task that does not exist → 404; a request a delegate refuses ({@link BadUserRequestException},
 * e.g. a province that is not in the programme), which Camunda's resources wrap as 500 → 400
 * with its message. Everything else keeps Camunda's own answer. Used by the
 * exception mappers of both REST APIs: {@code /engine-rest} and the one the webapps call.
 */
public final class RestErrors {

  private static final Logger LOG = LoggerFactory.getLogger(RestErrors.class);
  private static final Pattern TASK_ACTION = Pattern.compile(
      "(?:^|/)(?:engine/([^/]+)/)?task/([^/]+)/(complete|submit-form|resolve)/?$");

  private RestErrors() {}

  /** The answer for this failure of the request to {@code path}, or null to keep Camunda's. */
  public static Response translate(Throwable failure, String path) {
    SubmissionRejectedException rejected = SubmissionRejectedException.in(failure);
    if (rejected != null) {
      return rejected(rejected);
    }
    CommandRefusedException refused = EngineHooks.cause(failure, CommandRefusedException.class);
    if (refused != null) {
      // also where Camunda's resource wraps it in a 400 "Not enough parameters submitted"
      return json(Response.Status.FORBIDDEN, "NotAllowed", null, refused.getMessage(), Map.of("rule", refused.rule()));
    }
    BadUserRequestException badRequest = EngineHooks.cause(failure, BadUserRequestException.class);
    if (badRequest != null && failure instanceof RestException rest
        && rest.getStatus() == Response.Status.INTERNAL_SERVER_ERROR) {
      // a delegate's refusal of what the person asked for (e.g. a province that is not in the
      // programme), which Camunda's start and complete resources wrap as 500: it is the request
      return json(Response.Status.BAD_REQUEST, "BadUserRequest", null, badRequest.getMessage(), null);
    }
    Matcher taskAction = TASK_ACTION.matcher(path == null ? "" : path);
    if (taskAction.find()) {
      if (causedBy(failure, OptimisticLockingException.class)) {
        return json(Response.Status.CONFLICT, "TaskAlreadyCompleted",
            "มีผู้อื่นดำเนินการงานนี้เสร็จไปในเวลาเดียวกันแล้ว ไม่ต้องส่งซ้ำ",
            "Someone else completed this task at the same moment; it is already done.", null);
      }
      if (causedBy(failure, NullValueException.class) || causedBy(failure, NotFoundException.class)) {
        return missingTask(taskAction.group(1), taskAction.group(2));
      }
    }
    return null;
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

  /** 409 when the task was completed (by whom is left out), 404 when it never existed. */
  private static Response missingTask(String engineName, String taskId) {
    HistoricTaskInstance done = null;
    try {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
      done = EngineHooks.withoutAuthentication(engine.getIdentityService(), () -> engine.getHistoryService()
          .createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult());
    } catch (RuntimeException e) {
      LOG.debug("could not look up task {} in history", taskId, e);
    }
    if (done != null) {
      SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm", Locale.ROOT);
      format.setTimeZone(TimeZone.getTimeZone("Asia/Bangkok"));
      String when = format.format(done.getEndTime());
      return json(Response.Status.CONFLICT, "TaskAlreadyCompleted",
          "งานนี้ดำเนินการเสร็จไปแล้วเมื่อ " + when + " น. ไม่ต้องส่งซ้ำ",
          "This task was already completed at " + when + " (Bangkok time); there is nothing left to submit.", null);
    }
    return json(Response.Status.NOT_FOUND, "TaskNotFound", "ไม่พบงาน " + taskId,
        "There is no task " + taskId + ".", null);
  }

  static Response json(Response.Status status, String type, String th, String en, Map<String, Object> extra) {
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
