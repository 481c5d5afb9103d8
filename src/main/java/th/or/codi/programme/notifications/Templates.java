package th.or.codi.programme.notifications;

import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The messages' words and layout: Thymeleaf templates under {@code
 * src/main/resources/notifications/}, {@code <kind>.html} and {@code <kind>.txt} (the plain-text
 * alternative), each with a Thai section and an English one that the recipient's language choice
 * shows or hides. Rendered by Thymeleaf's own engine (no web view resolver).
 */
public class Templates {

  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("notifications/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  public String html(String template, Map<String, Object> model) {
    return html.process(template, context(model));
  }

  public String text(String template, Map<String, Object> model) {
    return text.process(template, context(model));
  }

  private static Context context(Map<String, Object> model) {
    Context context = new Context();
    context.setVariables(model);
    context.setVariable("status", new StatusWords());
    return context;
  }

  /** {@code ${status.th('on-track')}} in a template. */
  public static final class StatusWords {
    public String th(String key) {
      return Composer.monthlyStatus(key, true);
    }

    public String en(String key) {
      return Composer.monthlyStatus(key, false);
    }
  }
}
