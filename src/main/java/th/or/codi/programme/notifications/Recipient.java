package th.or.codi.programme.notifications;

/** A person a message goes to, as the identity store knows them now. */
public record Recipient(
    String userId, String firstName, String lastName, String email, Preferences preferences) {

  public boolean reachable() {
    return email != null && !email.isBlank();
  }

  public String displayName() {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
    return name.isBlank() ? userId : name.trim();
  }
}
