package th.or.codi.programme.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.context.ApplicationStartupAware;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * An engine plugin whose work at start-up shows in Spring's start-up timeline as a step of its own
 * ({@code programme.<name>}), inside the engine bean's creation, so a timeline says which of the
 * programme's own steps the seconds went to (see {@code StartupTimeline}). Without a buffering
 * {@link ApplicationStartup} a step costs nothing.
 */
public abstract class StartupPlugin extends AbstractProcessEnginePlugin
    implements ApplicationStartupAware {

  private ApplicationStartup startup = ApplicationStartup.DEFAULT;

  @Override
  public void setApplicationStartup(ApplicationStartup applicationStartup) {
    this.startup = applicationStartup;
  }

  /** Runs the work as the start-up step {@code programme.<name>}. */
  protected <T> T step(String name, Supplier<T> work) {
    StartupStep step = startup.start("programme." + name);
    try {
      return work.get();
    } finally {
      step.end();
    }
  }

  protected void step(String name, Runnable work) {
    step(
        name,
        () -> {
          work.run();
          return null;
        });
  }
}
