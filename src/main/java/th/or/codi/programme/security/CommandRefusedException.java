package th.or.codi.programme.security;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * An engine command a person may not run, refused by {@link CommandPolicy} before it does anything.
 * An {@link AuthorizationException}, so both REST APIs answer 403 and Java callers see the same
 * kind of failure as a missing grant. The message is in Thai and English.
 */
public class CommandRefusedException extends AuthorizationException {

  private final String rule;

  CommandRefusedException(String rule, String th, String en) {
    super(th + " / " + en);
    this.rule = rule;
  }

  /** Which rule refused it, e.g. {@code only-form-fields}: stable, for logs and tests. */
  public String rule() {
    return rule;
  }
}
