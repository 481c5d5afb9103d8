package th.or.codi.programme.evidence;

import th.or.codi.programme.messages.Messages;

/**
 * A refused evidence request, with the HTTP status it answers and a message in Thai and English
 * ("ไทย / English"). Thrown before anything is written: a refused request changes nothing.
 */
public class EvidenceException extends RuntimeException {

  private final int status;
  private final String type;

  EvidenceException(int status, String type, String key, Object... arguments) {
    super(Messages.both(key, arguments), null, false, false);
    this.status = status;
    this.type = type;
  }

  /** The HTTP status: 400, 401, 403, 404, 409, 413 or 415. */
  public int status() {
    return status;
  }

  /** A stable name of the refusal, e.g. {@code TypeNotAllowed}. */
  public String type() {
    return type;
  }
}
