package th.or.codi.programme.validation;

/**
 * What is wrong with one field of a submission, and what to do about it, in Thai and English.
 *
 * @param field the variable, e.g. {@code expectedParticipants} or {@code
 *     planActivities[2].activityBudget}
 * @param label the field's label as the form shows it
 */
public record FieldError(String field, String label, String th, String en) {

  public String message() {
    return th + " / " + en;
  }
}
