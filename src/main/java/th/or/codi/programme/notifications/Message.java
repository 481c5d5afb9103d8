package th.or.codi.programme.notifications;

/** A message ready for a channel: subject, plain text and HTML, in the recipient's language(s). */
public record Message(String id, Kind kind, String subject, String text, String html) {}
