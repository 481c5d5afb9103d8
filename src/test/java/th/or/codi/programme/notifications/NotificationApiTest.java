package th.or.codi.programme.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.notifications.Preferences.Delivery;
import th.or.codi.programme.notifications.Preferences.Language;
import th.or.codi.programme.security.WebSession;

/**
 * {@link NotificationApi} under {@code /engine-rest/programme/notifications}: a person reads and
 * sets their own settings; another person's are an administrator's; a bad value is refused in Thai
 * and English and saves nothing; an administrator's test message arrives over SMTP; the outbox is
 * listed for administrators only.
 */
@NotificationTest
class NotificationApiTest {

  private static final String API = "/engine-rest/programme/notifications";

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired Sender sender;
  @Autowired ObjectMapper json;

  private PreferenceStore store;

  @BeforeEach
  void setUp() {
    store = new PreferenceStore(engine.getIdentityService());
    sender.deliverDue();
    TestMail.purge();
    for (String user : new String[] {"nakhonsawan", "saraburi", "admin"}) {
      store.save(user, new Preferences(Delivery.IMMEDIATE, Language.BOTH, null));
    }
  }

  @AfterEach
  void tearDown() {
    store.save("nakhonsawan", new Preferences(Delivery.IMMEDIATE, Language.BOTH, null));
  }

  @Test
  void aPersonReadsAndSetsTheirOwnSettings() throws Exception {
    ResponseEntity<String> got = call("nakhonsawan", HttpMethod.GET, "/preferences", null);
    assertThat(got.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(got.getHeaders().getContentType().getCharset()).hasToString("UTF-8");
    JsonNode before = json.readTree(got.getBody());
    assertThat(before.get("userId").asText()).isEqualTo("nakhonsawan");
    assertThat(before.get("delivery").asText()).isEqualTo("immediate");
    assertThat(before.get("language").asText()).isEqualTo("both");
    assertThat(before.get("weeklyDigest").isNull()).isTrue();
    assertThat(before.get("email").asText()).isEqualTo("nakhonsawan@example.org");

    // the e-mail address is read only: sending it back changes nothing
    ResponseEntity<String> put =
        call(
            "nakhonsawan",
            HttpMethod.PUT,
            "/preferences",
            "{\"delivery\":\"digest\",\"language\":\"th\",\"weeklyDigest\":true,"
                + "\"email\":\"someone@else.org\"}");
    assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode after = json.readTree(put.getBody());
    assertThat(after.get("delivery").asText()).isEqualTo("digest");
    assertThat(after.get("language").asText()).isEqualTo("th");
    assertThat(after.get("weeklyDigest").asBoolean()).isTrue();
    assertThat(after.get("email").asText()).isEqualTo("nakhonsawan@example.org");
    assertThat(store.of("nakhonsawan"))
        .isEqualTo(new Preferences(Delivery.DIGEST, Language.TH, true));

    JsonNode again =
        json.readTree(call("nakhonsawan", HttpMethod.GET, "/preferences", null).getBody());
    assertThat(again).isEqualTo(after);

    // a field left out keeps its value; weeklyDigest null goes back to the default
    call("nakhonsawan", HttpMethod.PUT, "/preferences", "{\"weeklyDigest\":null}");
    assertThat(store.of("nakhonsawan"))
        .isEqualTo(new Preferences(Delivery.DIGEST, Language.TH, null));
    User user = engine.getIdentityService().createUserQuery().userId("nakhonsawan").singleResult();
    assertThat(user.getEmail()).isEqualTo("nakhonsawan@example.org");
  }

  @Test
  void aBadValueIsRefusedInThaiAndEnglishAndNothingIsSaved() throws Exception {
    for (String body :
        new String[] {
          "{\"delivery\":\"weekly\",\"language\":\"en\"}",
          "{\"language\":\"fr\"}",
          "{\"delivery\":\"none\",\"weeklyDigest\":\"yes\"}",
          "{\"delivery\":null}",
          "{\"delivery\":\"none\",\"colour\":\"red\"}",
          "[\"none\"]",
          "not json"
        }) {
      ResponseEntity<String> refused = call("nakhonsawan", HttpMethod.PUT, "/preferences", body);
      assertThat(refused.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
      JsonNode error = json.readTree(refused.getBody());
      assertThat(error.get("type").asText()).isEqualTo("InvalidPreferences");
      assertThat(error.get("message").asText())
          .startsWith("ค่าการแจ้งเตือนไม่ถูกต้อง: ")
          .contains(" / Invalid notification setting: ");
      assertThat(store.of("nakhonsawan"))
          .as(body)
          .isEqualTo(new Preferences(Delivery.IMMEDIATE, Language.BOTH, null));
    }
    JsonNode error =
        json.readTree(
            call(
                    "nakhonsawan",
                    HttpMethod.PUT,
                    "/preferences",
                    "{\"delivery\":\"weekly\",\"language\":\"fr\"}")
                .getBody());
    assertThat(error.get("message").asText()).contains("delivery=\"weekly\"", "language=\"fr\"");
  }

  @Test
  void anotherPersonsSettingsAreForAdministratorsOnly() throws Exception {
    for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.PUT}) {
      ResponseEntity<String> refused =
          call("nakhonsawan", method, "/preferences/saraburi", "{\"delivery\":\"none\"}");
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json.readTree(refused.getBody()).get("message").asText())
          .isEqualTo(Messages.both("notifications.preferences.forbidden"))
          .startsWith("ดูหรือแก้ค่าการแจ้งเตือนของผู้อื่นได้เฉพาะผู้ดูแลระบบ / ");
    }
    assertThat(store.of("saraburi").delivery()).isEqualTo(Delivery.IMMEDIATE);

    ResponseEntity<String> read = call("admin", HttpMethod.GET, "/preferences/saraburi", null);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(read.getBody()).get("email").asText())
        .isEqualTo("saraburi@example.org");
    ResponseEntity<String> set =
        call(
            "admin",
            HttpMethod.PUT,
            "/preferences/saraburi",
            "{\"delivery\":\"none\",\"language\":\"en\",\"weeklyDigest\":false}");
    assertThat(set.getStatusCode()).as(set.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(store.of("saraburi")).isEqualTo(new Preferences(Delivery.NONE, Language.EN, false));

    ResponseEntity<String> bad =
        call("admin", HttpMethod.PUT, "/preferences/saraburi", "{\"delivery\":\"x\"}");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(store.of("saraburi")).isEqualTo(new Preferences(Delivery.NONE, Language.EN, false));

    for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.PUT}) {
      ResponseEntity<String> unknown =
          call("admin", method, "/preferences/nobody-here", "{\"delivery\":\"none\"}");
      assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(json.readTree(unknown.getBody()).get("message").asText())
          .isEqualTo("ไม่พบผู้ใช้ nobody-here / No user nobody-here");
    }
    // a person who is not an administrator learns nothing about who exists
    assertThat(
            call("nakhonsawan", HttpMethod.GET, "/preferences/nobody-here", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void withoutCredentialsNothingIsAnswered() {
    ResponseEntity<String> anonymous = http.getForEntity(API + "/preferences", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> wrong =
        http.withBasicAuth("no-such-user", "no-such-user")
            .getForEntity(API + "/preferences", String.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anAdministratorsTestMessageArrives() throws Exception {
    // delivery "none" does not stop a test message
    store.save("admin", new Preferences(Delivery.NONE, Language.BOTH, null));
    try {
      ResponseEntity<String> accepted = call("admin", HttpMethod.POST, "/test", null);
      assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
      assertThat(json.readTree(accepted.getBody()).get("recorded").asInt()).isEqualTo(1);
      assertThat(sender.deliverDue()).isEqualTo(1);
      assertThat(TestMail.recipients()).containsExactly("admin@example.org");
      MimeMessage message = TestMail.to("admin@example.org").get(0);
      assertThat(message.getSubject()).contains("Test message to");
    } finally {
      store.save("admin", new Preferences(Delivery.IMMEDIATE, Language.BOTH, null));
    }

    ResponseEntity<String> refused = call("nakhonsawan", HttpMethod.POST, "/test", null);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(sender.deliverDue()).isZero();
  }

  @Test
  void aTestMessageNeedsAnAddress() throws Exception {
    var identity = engine.getIdentityService();
    User admin = identity.createUserQuery().userId("admin").singleResult();
    String address = admin.getEmail();
    admin.setEmail(null);
    identity.saveUser(admin);
    try {
      ResponseEntity<String> refused = call("admin", HttpMethod.POST, "/test", null);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(json.readTree(refused.getBody()).get("message").asText())
          .isEqualTo(Messages.both("notifications.test.noAddress", "admin"));
      JsonNode own = json.readTree(call("admin", HttpMethod.GET, "/preferences", null).getBody());
      assertThat(own.get("email").isNull()).isTrue();
    } finally {
      admin = identity.createUserQuery().userId("admin").singleResult();
      admin.setEmail(address);
      identity.saveUser(admin);
    }
  }

  @Test
  void theOutboxIsListedForAdministratorsOnly() throws Exception {
    call("admin", HttpMethod.POST, "/test", null);
    sender.deliverDue();

    ResponseEntity<String> listed =
        call("admin", HttpMethod.GET, "/messages?state=sent&limit=5", null);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode rows = json.readTree(listed.getBody());
    assertThat(rows.isArray()).isTrue();
    assertThat(rows.size()).isBetween(1, 5);
    JsonNode newest = rows.get(0);
    assertThat(newest.get("kind").asText()).isEqualTo("test");
    assertThat(newest.get("recipient").asText()).isEqualTo("admin");
    assertThat(newest.get("state").asText()).isEqualTo("sent");
    assertThat(newest.get("attempts").asInt()).isEqualTo(1);
    assertThat(newest.has("id")).isTrue();
    assertThat(newest.has("created")).isTrue();
    assertThat(newest.has("taskId")).isTrue();
    assertThat(newest.has("lastError")).isTrue();

    JsonNode counts =
        json.readTree(call("admin", HttpMethod.GET, "/messages/counts", null).getBody());
    assertThat(counts.get("sent").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(counts.has("failed")).isTrue();
    assertThat(counts.has("pending")).isTrue();

    ResponseEntity<String> badState = call("admin", HttpMethod.GET, "/messages?state=lost", null);
    assertThat(badState.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(badState.getBody()).get("message").asText())
        .isEqualTo("สถานะไม่ถูกต้อง: lost / Unknown state: lost");
    assertThat(call("admin", HttpMethod.GET, "/messages?limit=0", null).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    for (String path : new String[] {"/messages", "/messages?state=failed", "/messages/counts"}) {
      ResponseEntity<String> refused = call("nakhonsawan", HttpMethod.GET, path, null);
      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json.readTree(refused.getBody()).get("message").asText())
          .isEqualTo(Messages.both("notifications.list.forbidden"));
    }
  }

  @Test
  void tasklistAsksTheSameWithTheSessionLoginAndItsCsrfToken() throws Exception {
    String tasklist = "/camunda/api/tasklist/plugin/notifications/" + NotificationTest.ENGINE;
    assertThat(http.getForEntity(tasklist + "/preferences", String.class).getStatusCode().value())
        .isIn(401, 403);

    WebSession session = WebSession.open(http, NotificationTest.ENGINE);
    assertThat(
            session
                .login("nakhonsawan", "nakhonsawan", "tasklist", NotificationTest.ENGINE)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> got = session.get(tasklist + "/preferences");
    assertThat(got.getStatusCode()).as(got.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(got.getBody()).get("email").asText())
        .isEqualTo("nakhonsawan@example.org");

    // without the CSRF token the webapps refuse the change
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session.cookies());
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> forged =
        http.exchange(
            tasklist + "/preferences",
            HttpMethod.PUT,
            new HttpEntity<>("{\"delivery\":\"none\"}", headers),
            String.class);
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(store.of("nakhonsawan").delivery()).isEqualTo(Delivery.IMMEDIATE);

    ResponseEntity<String> put =
        session.exchange(
            HttpMethod.PUT,
            tasklist + "/preferences",
            "{\"delivery\":\"digest\",\"language\":\"en\"}");
    assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(store.of("nakhonsawan"))
        .isEqualTo(new Preferences(Delivery.DIGEST, Language.EN, null));
    ResponseEntity<String> bad =
        session.exchange(HttpMethod.PUT, tasklist + "/preferences", "{\"delivery\":\"often\"}");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("message").asText())
        .startsWith("ค่าการแจ้งเตือนไม่ถูกต้อง");
    assertThat(session.get(tasklist + "/preferences/saraburi").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(session.get(tasklist + "/messages").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // the plugin's client: Tasklist lists it and serves its script and style
    assertThat(session.get("/camunda/app/tasklist/" + NotificationTest.ENGINE + "/").getBody())
        .contains("tasklist-plugin-notifications");
    ResponseEntity<String> script =
        session.get("/camunda/api/tasklist/plugin/notifications/static/app/plugin.js");
    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(script.getBody()).contains("tasklist.navbar.action", "การแจ้งเตือน / Notifications");
    assertThat(
            session
                .get("/camunda/api/tasklist/plugin/notifications/static/app/plugin.css")
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
    return http.withBasicAuth(user, user)
        .exchange(API + path, method, new HttpEntity<>(body, headers), String.class);
  }
}
