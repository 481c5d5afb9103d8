package th.or.codi.programme.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A deployment without a name stops the start with a message naming the setting. */
class DeploymentPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(DeploymentProperties.class)
  static class DeploymentPropertiesOnly {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
          .withUserConfiguration(DeploymentPropertiesOnly.class);

  @Test
  void aNamedDeploymentBinds() {
    runner
        .withPropertyValues(
            "programme.deployment.name=joint-programme",
            "programme.deployment.resource-patterns[0]=classpath*:bpmn/**/*.bpmn")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              DeploymentProperties properties = context.getBean(DeploymentProperties.class);
              assertThat(properties.name()).isEqualTo("joint-programme");
              assertThat(properties.resourcePatterns())
                  .containsExactly("classpath*:bpmn/**/*.bpmn");
            });
  }

  @Test
  void aBlankOrMissingNameIsRefusedByName() {
    for (String[] settings : new String[][] {{"programme.deployment.name= "}, {}}) {
      runner
          .withPropertyValues(settings)
          .run(
              context -> {
                assertThat(context).hasFailed();
                StringBuilder messages = new StringBuilder();
                for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                  messages.append(t).append('\n');
                }
                assertThat(messages.toString())
                    .contains("programme.deployment")
                    .contains("name")
                    .contains("ต้องระบุชื่อ deployment / must not be empty");
              });
    }
  }
}
