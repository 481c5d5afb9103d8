package th.or.codi.programme.engine;

import java.util.function.Supplier;

/**
 * Marks the engine commands the programme's own services run on this thread as trusted, so that the
 * command rules (security/CommandPolicy) let them do what they refuse to a person calling the
 * engine directly: today only the evidence service storing a file as a task attachment with
 * content. Nothing outside the application's own code can set the flag (a REST request runs no code
 * of its choosing).
 */
public final class TrustedCommands {

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private TrustedCommands() {}

  /** Runs the work with the flag set, then restores it as it was. */
  public static <T> T run(Supplier<T> work) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      return work.get();
    } finally {
      depth[0]--;
      if (depth[0] == 0) {
        DEPTH.remove();
      }
    }
  }

  /** Runs the work with the flag set. */
  public static void run(Runnable work) {
    run(
        () -> {
          work.run();
          return null;
        });
  }

  /** Whether the current thread runs trusted work. */
  public static boolean active() {
    return DEPTH.get()[0] > 0;
  }
}
