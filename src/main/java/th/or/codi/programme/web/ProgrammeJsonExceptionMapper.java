package th.or.codi.programme.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import th.or.codi.programme.messages.Messages;

/**
 * A request body that is not valid JSON or does not fit what the resource reads (including JSON
 * nested deeper than Jackson's limit of 1000 levels): 400 in Thai and English with Jackson's own
 * explanation, instead of Camunda's plain-text one. One mapper per exception type Camunda maps, so
 * this one is chosen before Camunda's.
 */
public final class ProgrammeJsonExceptionMapper {

  private ProgrammeJsonExceptionMapper() {}

  static Response invalid(JsonProcessingException e) {
    String detail =
        e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
    return RestErrors.json(
        Response.Status.BAD_REQUEST,
        "InvalidJson",
        Messages.thai("web.json.invalid"),
        Messages.english("web.json.invalid") + ": " + detail,
        null);
  }

  @Provider
  @Priority(Priorities.USER - 100)
  public static class Mapping implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      return invalid(exception);
    }
  }

  @Provider
  @Priority(Priorities.USER - 100)
  public static class Parsing implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      return invalid(exception);
    }
  }
}
