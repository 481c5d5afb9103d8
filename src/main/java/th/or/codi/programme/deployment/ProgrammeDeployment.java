package th.or.codi.programme.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models ({@code bpmn/**}) and forms ({@code forms/**}) as one deployment when
 * the engine starts.
 *
 * <p>The starter's own auto-deployment names a file resource by its absolute path on the
 * machine that runs it, so the same model gets a new version whenever the application runs
 * from another directory or from the jar. Here every resource is named by its path inside
 * the project ({@code bpmn/provincial-pipeline.bpmn}), so duplicate filtering recognises an
 * unchanged model wherever the application runs. All resources are deployed together (a
 * changed form redeploys its processes too), because a {@code formRef} with binding
 * {@code deployment} only finds forms of its own deployment.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProgrammeDeployment extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ProgrammeDeployment.class);

  private final DeploymentProperties properties;
  private final ResourcePatternResolver resolver;

  public ProgrammeDeployment(DeploymentProperties properties) {
    this.properties = properties;
    this.resolver = new PathMatchingResourcePatternResolver(ProgrammeDeployment.class.getClassLoader());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    Map<String, Resource> resources = findResources();
    if (resources.isEmpty()) {
      LOG.warn("No resources match {}; nothing deployed", properties.resourcePatterns());
      return;
    }
    DeploymentBuilder builder = processEngine.getRepositoryService()
        .createDeployment()
        .name(properties.name())
        .source("joint-programme")
        .enableDuplicateFiltering(false);
    resources.forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        builder.addInputStream(name, new ByteArrayInputStream(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource, e);
      }
    });
    Deployment deployment = builder.deploy();
    LOG.info("Deployment '{}' ({}): {} resources {}", deployment.getName(), deployment.getId(),
        resources.size(), resources.keySet());
  }

  /** The resources to deploy, keyed by their project-relative name, in a stable order. */
  public Map<String, Resource> findResources() {
    Map<String, Resource> found = new TreeMap<>();
    for (String pattern : properties.resourcePatterns()) {
      String folder = baseFolder(pattern);
      try {
        List<String> roots = folderRoots(pattern.substring(0, pattern.indexOf(folder)) + folder + "/");
        for (Resource resource : resolver.getResources(pattern)) {
          if (resource.isReadable()) {
            String name = relativeName(resource, folder, roots);
            Resource previous = found.putIfAbsent(name, resource);
            if (previous != null && !previous.getURL().equals(resource.getURL())) {
              throw new IllegalStateException("Two resources on the classpath are both named '"
                  + name + "': " + previous + " and " + resource);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot resolve " + pattern, e);
      }
    }
    return found;
  }

  /** {@code classpath*:bpmn/**}{@code /*.bpmn} → {@code bpmn}. */
  static String baseFolder(String pattern) {
    String path = pattern.substring(pattern.indexOf(':') + 1);
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    int slash = path.indexOf('/');
    if (slash <= 0 || path.substring(0, slash).contains("*")) {
      throw new IllegalArgumentException("Resource pattern '" + pattern
          + "' must start with a fixed folder, e.g. classpath*:bpmn/**/*.bpmn");
    }
    return path.substring(0, slash);
  }

  private List<String> folderRoots(String folderPattern) throws IOException {
    List<String> roots = new ArrayList<>();
    for (Resource root : resolver.getResources(folderPattern)) {
      String url = root.getURL().toString();
      roots.add(url.endsWith("/") ? url : url + "/");
    }
    return roots;
  }

  /** The resource's path below one of the folder's classpath roots, prefixed by the folder. */
  static String relativeName(Resource resource, String folder, List<String> roots)
      throws IOException {
    String url = resource.getURL().toString();
    for (String root : roots) {
      if (url.startsWith(root)) {
        return folder + "/" + URLDecoder.decode(url.substring(root.length()), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException(resource + " is not below a classpath folder '" + folder + "/'");
  }
}
