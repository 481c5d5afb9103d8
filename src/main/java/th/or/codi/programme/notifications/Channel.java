package th.or.codi.programme.notifications;

/**
 * A way of reaching a person (e-mail now; the LINE Messaging API could be another). The triggers
 * and the {@link Sender} know only this: a channel says whether it can reach a person and delivers
 * one composed message, throwing when it could not (the sender retries).
 */
public interface Channel {

  /** The channel's name in the outbox and the metrics, e.g. {@code email}. */
  String name();

  boolean reaches(Recipient recipient);

  /** Delivers the message or throws; returns where it went (an address, a file), for the log. */
  String deliver(Recipient recipient, Message message) throws Exception;
}
