package th.or.codi.programme.deployment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the application deploys to the engine on every start.
 *
 * @param name deployment name shown in Cockpit
 * @param resourcePatterns Spring resource patterns; the first path segment before a wildcard
 *     ({@code bpmn/}, {@code forms/}) is kept in the resource name
 */
@ConfigurationProperties("programme.deployment")
public record DeploymentProperties(String name, List<String> resourcePatterns) {

  public DeploymentProperties {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("programme.deployment.name must not be empty");
    }
    resourcePatterns = resourcePatterns == null ? List.of() : List.copyOf(resourcePatterns);
  }
}
