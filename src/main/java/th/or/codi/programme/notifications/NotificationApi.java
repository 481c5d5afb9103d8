package th.or.codi.programme.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.or.codi.programme.engine.EngineHooks;
import th.or.codi.programme.identity.ProgrammeGroups;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.notifications.Outbox.Row;
import th.or.codi.programme.notifications.Outbox.State;
import th.or.codi.programme.notifications.Preferences.Delivery;
import th.or.codi.programme.notifications.Preferences.Language;

/**
 * A person's notification settings and the administrators' view of the outbox, in JSON (UTF-8):
 *
 * <ul>
 *   <li>{@code GET|PUT preferences}: the caller's own ({@code delivery}, {@code language}, {@code
 *       weeklyDigest}; {@code email} from the profile, read only);
 *   <li>{@code GET|PUT preferences/{userId}}: anyone's, for {@code camunda-admin} only (and one's
 *       own);
 *   <li>{@code POST test}: a test message to the calling administrator (202);
 *   <li>{@code GET messages?state=&limit=} and {@code GET messages/counts}: the outbox, for {@code
 *       camunda-admin} only.
 * </ul>
 *
 * The same class answers under {@code /engine-rest/programme/notifications} (HTTP Basic; registered
 * by {@link NotificationsConfiguration}) and under Tasklist's plugin API {@code
 * /camunda/api/tasklist/plugin/notifications/{engine}} (the webapps' session login; {@link
 * NotificationsInTasklist}): the caller is whoever the API authenticated, the engine's current
 * authentication. The checks are this class's own; the settings are written as the system (the
 * engine's command rules let a person run no identity command of this kind), after them. A refused
 * or malformed request changes nothing.
 */
@Path("programme/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationApi {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationApi.class);
  private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  /** Fields a client may send back as it got them; they are not settings and are ignored. */
  private static final Set<String> READ_ONLY =
      Set.of("userId", "email", "mailOn", "weeklyDigestDefault");

  private final IdentityService identity;
  private final PreferenceStore store;
  private final NotificationRecorder recorder;
  private final Outbox outbox;
  private final ObjectMapper json;

  public NotificationApi(
      ProcessEngine engine, NotificationRecorder recorder, Outbox outbox, ObjectMapper json) {
    this.identity = engine.getIdentityService();
    this.store = new PreferenceStore(identity);
    this.recorder = recorder;
    this.outbox = outbox;
    this.json = json;
  }

  /** A refusal, ready to be answered. */
  private static final class Refused extends Exception {
    private final transient Response response;

    Refused(Response response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  @GET
  @Path("preferences")
  public Response ownPreferences() {
    try {
      return ok(view(caller().getUserId()));
    } catch (Refused r) {
      return r.response;
    }
  }

  @PUT
  @Path("preferences")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response setOwnPreferences(String body) {
    try {
      Authentication caller = caller();
      return save(caller, caller.getUserId(), body);
    } catch (Refused r) {
      return r.response;
    }
  }

  @GET
  @Path("preferences/{userId}")
  public Response preferences(@PathParam("userId") String userId) {
    try {
      Authentication caller = caller();
      requireAdministratorOrSelf(caller, userId);
      return ok(view(existing(userId).getId()));
    } catch (Refused r) {
      return r.response;
    }
  }

  @PUT
  @Path("preferences/{userId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response setPreferences(@PathParam("userId") String userId, String body) {
    try {
      Authentication caller = caller();
      requireAdministratorOrSelf(caller, userId);
      return save(caller, existing(userId).getId(), body);
    } catch (Refused r) {
      return r.response;
    }
  }

  /** A test message to the calling administrator, sent whatever they chose for delivery. */
  @POST
  @Path("test")
  public Response test() {
    try {
      Authentication caller = caller();
      requireAdministrator(caller, "notifications.test.forbidden");
      String user = caller.getUserId();
      if (!recorder.active()) {
        throw refused(Response.Status.CONFLICT, "MailOff", Messages.both("notifications.test.off"));
      }
      Optional<Recipient> recipient = recorder.recipients().find(user);
      if (recipient.isEmpty() || !recipient.get().reachable()) {
        throw refused(
            Response.Status.CONFLICT,
            "NoAddress",
            Messages.both("notifications.test.noAddress", user));
      }
      int recorded = recorder.record(Kind.TEST, null, null, Set.of(user), null, true);
      LOG.info("Test message to {} recorded ({})", user, recorded);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("recorded", recorded);
      body.put("email", recipient.get().email());
      return answer(Response.Status.ACCEPTED, body);
    } catch (Refused r) {
      return r.response;
    }
  }

  /** The outbox's messages, newest first, of one state or all. */
  @GET
  @Path("messages")
  public Response messages(@QueryParam("state") String state, @QueryParam("limit") String limit) {
    try {
      requireAdministrator(caller(), "notifications.list.forbidden");
      State wanted = state(state);
      int max = limit(limit);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Row row : outbox.list(wanted, null, max)) {
        rows.add(row(row));
      }
      return ok(rows);
    } catch (Refused r) {
      return r.response;
    }
  }

  /** How many messages are in each state. */
  @GET
  @Path("messages/counts")
  public Response counts() {
    try {
      requireAdministrator(caller(), "notifications.list.forbidden");
      Map<String, Long> counts = new LinkedHashMap<>();
      outbox.counts().forEach((s, n) -> counts.put(key(s), n));
      return ok(counts);
    } catch (Refused r) {
      return r.response;
    }
  }

  private Response save(Authentication caller, String userId, String body) throws Refused {
    Preferences current = EngineHooks.withoutAuthentication(identity, () -> store.of(userId));
    Preferences wanted = parse(body, current);
    EngineHooks.withoutAuthentication(
        identity,
        () -> {
          store.save(userId, wanted);
          return null;
        });
    if (caller.getUserId().equals(userId)) {
      LOG.info("{} set their notifications: {}", userId, describe(wanted));
    } else {
      LOG.info("{} set the notifications of {}: {}", caller.getUserId(), userId, describe(wanted));
    }
    return ok(view(userId));
  }

  private static String describe(Preferences p) {
    return p.delivery().key() + ", " + p.language().key() + ", weekly digest " + p.weeklyDigest();
  }

  /**
   * The settings the body asks for: a field left out keeps its value; {@code weeklyDigest: null}
   * goes back to the default (managers get it, others do not). Every problem is named at once.
   */
  private Preferences parse(String body, Preferences current) throws Refused {
    JsonNode tree;
    try {
      tree = body == null || body.isBlank() ? null : json.readTree(body);
    } catch (Exception e) {
      tree = null;
    }
    if (tree == null || !tree.isObject()) {
      throw invalid(List.of("body: {\"delivery\", \"language\", \"weeklyDigest\"}"));
    }
    List<String> problems = new ArrayList<>();
    Delivery delivery = current.delivery();
    Language language = current.language();
    Boolean weekly = current.weeklyDigest();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      switch (name) {
        case "delivery" -> {
          Delivery d = value.isTextual() ? parseOrNull(() -> Delivery.of(value.asText())) : null;
          if (d == null) {
            problems.add("delivery=" + value);
          } else {
            delivery = d;
          }
        }
        case "language" -> {
          Language l = value.isTextual() ? parseOrNull(() -> Language.of(value.asText())) : null;
          if (l == null) {
            problems.add("language=" + value);
          } else {
            language = l;
          }
        }
        case "weeklyDigest" -> {
          if (value.isNull()) {
            weekly = null;
          } else if (value.isBoolean()) {
            weekly = value.booleanValue();
          } else {
            problems.add("weeklyDigest=" + value + " (true, false, null)");
          }
        }
        default -> {
          if (!READ_ONLY.contains(name)) {
            problems.add(name + "?");
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return new Preferences(delivery, language, weekly);
  }

  private static <T> T parseOrNull(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Refused invalid(List<String> problems) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("problems", problems);
    return new Refused(
        error(
            Response.Status.BAD_REQUEST,
            "InvalidPreferences",
            Messages.both("notifications.preferences.invalid", String.join("; ", problems)),
            extra));
  }

  private Map<String, Object> view(String userId) {
    User user =
        EngineHooks.withoutAuthentication(
            identity, () -> identity.createUserQuery().userId(userId).singleResult());
    Preferences p = EngineHooks.withoutAuthentication(identity, () -> store.of(userId));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", userId);
    body.put("delivery", p.delivery().key());
    body.put("language", p.language().key());
    body.put("weeklyDigest", p.weeklyDigest());
    // what an unset weeklyDigest means for this person: managers get it unless they chose none
    body.put(
        "weeklyDigestDefault",
        recorder.recipients().isMember(userId, ProgrammeGroups.MANAGERS)
            && p.delivery() != Delivery.NONE);
    String email = user == null ? null : user.getEmail();
    body.put("email", email == null || email.isBlank() ? null : email);
    body.put("mailOn", recorder.active());
    return body;
  }

  private static Map<String, Object> row(Row row) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", row.id());
    m.put("channel", row.channel());
    m.put("kind", row.kind().key());
    m.put("recipient", row.recipient());
    m.put("taskId", row.taskId());
    m.put("processInstanceId", row.processInstanceId());
    m.put("state", key(row.state()));
    m.put("created", row.created() == null ? null : row.created().toString());
    m.put("nextAttempt", row.nextAttempt() == null ? null : row.nextAttempt().toString());
    m.put("done", row.done() == null ? null : row.done().toString());
    m.put("attempts", row.attempts());
    m.put("lastError", row.lastError());
    return m;
  }

  private static String key(State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  private State state(String state) throws Refused {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return State.valueOf(state.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw refused(
          Response.Status.BAD_REQUEST,
          "InvalidQuery",
          Messages.both("notifications.list.badState", state));
    }
  }

  private int limit(String limit) throws Refused {
    if (limit == null || limit.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(limit.trim());
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw refused(
        Response.Status.BAD_REQUEST,
        "InvalidQuery",
        Messages.both("notifications.list.badLimit", limit, MAX_LIMIT));
  }

  private Authentication caller() throws Refused {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null || current.getUserId() == null) {
      throw refused(
          Response.Status.UNAUTHORIZED, "NotAuthenticated", Messages.both("notifications.logIn"));
    }
    return current;
  }

  private static boolean administrator(Authentication caller) {
    return caller.getGroupIds() != null
        && caller.getGroupIds().contains(ProgrammeGroups.ADMINISTRATORS);
  }

  private void requireAdministrator(Authentication caller, String refusal) throws Refused {
    if (!administrator(caller)) {
      throw refused(Response.Status.FORBIDDEN, "Forbidden", Messages.both(refusal));
    }
  }

  private void requireAdministratorOrSelf(Authentication caller, String userId) throws Refused {
    if (!caller.getUserId().equals(userId)) {
      requireAdministrator(caller, "notifications.preferences.forbidden");
    }
  }

  private User existing(String userId) throws Refused {
    User user =
        EngineHooks.withoutAuthentication(
            identity, () -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      throw refused(
          Response.Status.NOT_FOUND,
          "UserNotFound",
          Messages.both("notifications.user.notFound", userId));
    }
    return user;
  }

  private Refused refused(Response.Status status, String type, String message) {
    return new Refused(error(status, type, message, null));
  }

  private Response ok(Object body) {
    return answer(Response.Status.OK, body);
  }

  private Response answer(Response.Status status, Object body) {
    return Response.status(status)
        .type(JSON_UTF8)
        .entity(write(body).getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /**
   * As the programme's other endpoints answer an error: {@code type}, {@code message} (Thai /
   * English).
   */
  private Response error(
      Response.Status status, String type, String message, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("code", 0);
    if (extra != null) {
      body.putAll(extra);
    }
    return answer(status, body);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
