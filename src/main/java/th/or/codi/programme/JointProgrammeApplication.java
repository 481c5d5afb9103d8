package th.or.codi.programme;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Camunda 7 deployment of the joint community-development programme of CODI (Central and Western
 * Regional Office), ThaiHealth Office 6 and the provincial community-organisation movements.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JointProgrammeApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(JointProgrammeApplication.class);
    StartupTimeline.install(application);
    application.run(args);
  }
}
