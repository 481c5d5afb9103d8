package th.or.codi.programme.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server on a loopback port (GreenMail), one per test JVM, which a test may stop (the
 * mail server is down) and start again on the same port.
 */
public final class TestMail {

  private static GreenMail server;
  private static final int PORT = freePort();

  private TestMail() {}

  public static int port() {
    return PORT;
  }

  public static synchronized GreenMail server() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
    return server;
  }

  /** The server goes away: connections are refused. */
  public static synchronized void down() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Forgets what arrived. */
  public static void purge() {
    try {
      server().purgeEmailFromAllMailboxes();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What arrived for an address. */
  public static List<MimeMessage> to(String address) {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : server().getReceivedMessages()) {
      try {
        for (Address a : m.getAllRecipients()) {
          if (((InternetAddress) a).getAddress().equalsIgnoreCase(address)) {
            found.add(m);
          }
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }

  public static List<String> recipients() {
    return Arrays.stream(server().getReceivedMessages())
        .map(
            m -> {
              try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** The decoded text of the message's part of the given type (text/plain or text/html). */
  public static String part(Part message, String type) throws Exception {
    if (message.isMimeType(type)) {
      return (String) message.getContent();
    }
    if (message.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String found = part(body, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
