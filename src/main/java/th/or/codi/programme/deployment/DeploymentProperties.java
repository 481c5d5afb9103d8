package th.or.codi.programme.deployment;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the application deploys to the engine on every start.
 *
 * @param name deployment name shown in Cockpit
 * @param resourcePatterns Spring resource patterns; the first path segment before a wildcard
 *     ({@code bpmn/}, {@code forms/}) is kept in the resource name
 */
@ConfigurationProperties("programme.deployment")
@Validated
public record DeploymentProperties(
    @NotBlank(message = "ต้องระบุชื่อ deployment / must not be empty") String name,
    List<String> resourcePatterns) {

  public DeploymentProperties {
    resourcePatterns = resourcePatterns == null ? List.of() : List.copyOf(resourcePatterns);
  }
}
