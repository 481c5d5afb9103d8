package th.or.codi.programme.provinces;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** Loads a YAML file from the classpath as Spring Boot would. */
public final class YamlSource {

  private YamlSource() {}

  public static PropertySource<?> load(String classpathLocation) {
    try {
      return new YamlPropertySourceLoader()
          .load(classpathLocation, new ClassPathResource(classpathLocation))
          .get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
