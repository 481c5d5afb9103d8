package th.or.codi.programme.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import th.or.codi.programme.DemoApplicationTest;

/**
 * The webapps' "who is logged in?" and "which password rules?" answer "nobody" and "no policy"
 * (password policy off, as in the demo) with 204 instead of Camunda's 404, so a page shows no
 * failed request in the browser console; every other 404 stays a 404.
 */
@DemoApplicationTest
class AbsentAnswersTest {

  @Autowired TestRestTemplate http;

  @Test
  void nobodyLoggedInIsNoContent() {
    ResponseEntity<String> who =
        http.getForEntity("/camunda/api/admin/auth/user/default", String.class);
    assertThat(who.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(who.getBody()).isNull();
  }

  @Test
  void noPasswordPolicyIsNoContent() {
    assertThat(
            http.withBasicAuth("admin", "admin")
                .getForEntity("/engine-rest/identity/password-policy", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void anyOtherNotFoundStaysNotFound() {
    assertThat(
            http.withBasicAuth("admin", "admin")
                .getForEntity("/engine-rest/task/no-such-task", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            http.getForEntity("/camunda/api/admin/auth/user/default/no-such-thing", String.class)
                .getStatusCode()
                .value())
        .isNotEqualTo(204);
  }
}
