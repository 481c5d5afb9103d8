package th.or.codi.programme.validation;

import th.or.codi.programme.messages.Messages;

/**
 * What is wrong with one field of a submission, and what to do about it, in Thai and English.
 *
 * @param field the variable, e.g. {@code expectedParticipants} or {@code
 *     planActivities[2].activityBudget}
 * @param label the field's label as the form shows it
 */
public record FieldError(String field, String label, String th, String en) {

  /** The error with the message {@code key} of {@link Messages} in each language. */
  public static FieldError of(String field, String label, String key, Object... arguments) {
    return new FieldError(
        field, label, Messages.thai(key, arguments), Messages.english(key, arguments));
  }

  public String message() {
    return th + " / " + en;
  }
}
