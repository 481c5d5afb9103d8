package th.or.codi.programme.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
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
 * {@link NotificationsInAdmin}: Admin's plugin API answers as {@link NotificationApi} with the
 * webapps' session login and CSRF token. An administrator reads and sets another person's settings,
 * lists the outbox and sends a test message; a person who is not one can do none of it there
 * either; Admin lists the plugin and serves its script.
 */
@NotificationTest
class NotificationsInAdminTest {

  private static final String ADMIN =
      "/camunda/api/admin/plugin/" + NotificationsAdminPlugin.ID + "/" + NotificationTest.ENGINE;

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

  private WebSession loggedIn(String user, String app) {
    WebSession session = WebSession.open(http, NotificationTest.ENGINE);
    ResponseEntity<String> login = session.login(user, user, app, NotificationTest.ENGINE);
    assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
    return session;
  }

  @Test
  void anAdministratorSetsAnotherPersonsSettingsInAdmin() throws Exception {
    assertThat(
            http.getForEntity(ADMIN + "/preferences/nakhonsawan", String.class)
                .getStatusCode()
                .value())
        .isIn(401, 403);
    WebSession admin = loggedIn("admin", "admin");

    ResponseEntity<String> read = admin.get(ADMIN + "/preferences/nakhonsawan");
    assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode view = json.readTree(read.getBody());
    assertThat(view.get("userId").asText()).isEqualTo("nakhonsawan");
    assertThat(view.get("delivery").asText()).isEqualTo("immediate");
    assertThat(view.get("email").asText()).isEqualTo("nakhonsawan@example.org");

    // without the CSRF token the webapps refuse the change
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, admin.cookies());
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> forged =
        http.exchange(
            ADMIN + "/preferences/nakhonsawan",
            HttpMethod.PUT,
            new HttpEntity<>("{\"delivery\":\"none\"}", headers),
            String.class);
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(store.of("nakhonsawan").delivery()).isEqualTo(Delivery.IMMEDIATE);

    ResponseEntity<String> set =
        admin.exchange(
            HttpMethod.PUT,
            ADMIN + "/preferences/nakhonsawan",
            "{\"delivery\":\"digest\",\"language\":\"th\",\"weeklyDigest\":true}");
    assertThat(set.getStatusCode()).as(set.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(set.getBody()).get("delivery").asText()).isEqualTo("digest");
    assertThat(store.of("nakhonsawan"))
        .isEqualTo(new Preferences(Delivery.DIGEST, Language.TH, true));

    ResponseEntity<String> bad =
        admin.exchange(HttpMethod.PUT, ADMIN + "/preferences/nakhonsawan", "{\"delivery\":\"x\"}");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(store.of("nakhonsawan"))
        .isEqualTo(new Preferences(Delivery.DIGEST, Language.TH, true));

    assertThat(admin.get(ADMIN + "/preferences/nobody-here").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anAdministratorSeesTheOutboxAndSendsATestMessageInAdmin() throws Exception {
    WebSession admin = loggedIn("admin", "admin");
    ResponseEntity<String> counts = admin.get(ADMIN + "/messages/counts");
    assertThat(counts.getStatusCode()).as(counts.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(counts.getBody()).has("failed")).isTrue();
    ResponseEntity<String> failed = admin.get(ADMIN + "/messages?state=failed");
    assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(failed.getBody()).isArray()).isTrue();

    ResponseEntity<String> test = admin.postJson(ADMIN + "/test", null);
    assertThat(test.getStatusCode()).as(test.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(json.readTree(test.getBody()).get("email").asText()).isEqualTo("admin@example.org");
    assertThat(sender.deliverDue()).isEqualTo(1);
    assertThat(TestMail.recipients()).containsExactly("admin@example.org");
  }

  @Test
  void aPersonWhoIsNotAnAdministratorIsRefusedInAdmin() throws Exception {
    // not an administrator: Admin refuses the login, and the session of Tasklist gets nothing
    // of another person's through Admin's plugin API
    WebSession adminLogin = WebSession.open(http, NotificationTest.ENGINE);
    assertThat(
            adminLogin
                .login("nakhonsawan", "nakhonsawan", "admin", NotificationTest.ENGINE)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    WebSession person = loggedIn("nakhonsawan", "tasklist");
    for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.PUT}) {
      ResponseEntity<String> refused =
          person.exchange(
              method,
              ADMIN + "/preferences/saraburi",
              method == HttpMethod.PUT ? "{\"delivery\":\"none\"}" : null);
      assertThat(refused.getStatusCode())
          .as(method + " " + refused.getBody())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json.readTree(refused.getBody()).get("message").asText())
          .isEqualTo(Messages.both("notifications.preferences.forbidden"));
    }
    assertThat(store.of("saraburi").delivery()).isEqualTo(Delivery.IMMEDIATE);
    assertThat(person.get(ADMIN + "/messages?state=failed").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(person.get(ADMIN + "/messages/counts").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> test = person.postJson(ADMIN + "/test", null);
    assertThat(test.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.readTree(test.getBody()).get("message").asText())
        .isEqualTo(Messages.both("notifications.test.forbidden"));
  }

  @Test
  void adminListsThePluginAndServesItsScript() {
    WebSession admin = loggedIn("admin", "admin");
    assertThat(admin.get("/camunda/app/admin/" + NotificationTest.ENGINE + "/").getBody())
        .contains("admin-plugin-" + NotificationsAdminPlugin.ID);
    String assets = "/camunda/api/admin/plugin/" + NotificationsAdminPlugin.ID + "/static/app/";
    ResponseEntity<String> script = admin.get(assets + "plugin.js");
    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(script.getBody())
        .contains("admin.system", "การแจ้งเตือน / Notifications", "X-XSRF-TOKEN");
    assertThat(admin.get(assets + "plugin.css").getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
