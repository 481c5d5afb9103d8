package th.or.codi.programme.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import th.or.codi.programme.engine.StartupPlugin;
import th.or.codi.programme.provinces.ProvinceOptions;

/**
 * Deploys the models ({@code bpmn/**}) and forms ({@code forms/**}) as one deployment when the
 * engine starts.
 *
 * <p>The starter's own auto-deployment names a file resource by its absolute path on the machine
 * that runs it, so the same model gets a new version whenever the application runs from another
 * directory or from the jar. Here every resource is named by its path inside the project ({@code
 * bpmn/provincial-pipeline.bpmn}), so duplicate filtering recognises an unchanged model wherever
 * the application runs. All resources are deployed together (a changed form redeploys its processes
 * too), because a {@code formRef} with binding {@code deployment} only finds forms of its own
 * deployment. A start form's province lists are written into it from the reference data ({@link
 * #fillProvinceLists}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProgrammeDeployment extends StartupPlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ProgrammeDeployment.class);

  private final DeploymentProperties properties;
  private final ProvinceOptions provinceOptions;
  private final ObjectMapper json;
  private final ResourcePatternResolver resolver;

  public ProgrammeDeployment(
      DeploymentProperties properties, ProvinceOptions provinceOptions, ObjectMapper json) {
    this.properties = properties;
    this.provinceOptions = provinceOptions;
    this.json = json;
    this.resolver =
        new PathMatchingResourcePatternResolver(ProgrammeDeployment.class.getClassLoader());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    step("deployment", () -> onStart(processEngine));
  }

  private void onStart(ProcessEngine processEngine) {
    Map<String, Resource> resources = findResources();
    if (resources.isEmpty()) {
      LOG.warn("No resources match {}; nothing deployed", properties.resourcePatterns());
      return;
    }
    DeploymentBuilder builder =
        processEngine
            .getRepositoryService()
            .createDeployment()
            .name(properties.name())
            .source("joint-programme")
            .enableDuplicateFiltering(false);
    contents(resources)
        .forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    Deployment deployment = builder.deploy();
    LOG.info(
        "Deployment '{}' ({}): {} resources {}",
        deployment.getName(),
        deployment.getId(),
        resources.size(),
        resources.keySet());
  }

  /**
   * What is deployed under each name: the files as they are, except that a start form's province
   * lists are written into it ({@link #fillProvinceLists}).
   */
  Map<String, byte[]> contents(Map<String, Resource> resources) {
    Map<String, byte[]> contents = new TreeMap<>();
    resources.forEach(
        (name, resource) -> {
          try (InputStream in = resource.getInputStream()) {
            contents.put(name, in.readAllBytes());
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
          }
        });
    Set<String> startForms = new HashSet<>();
    contents.forEach(
        (name, bytes) -> {
          if (name.endsWith(".bpmn")) {
            startForms.addAll(startFormRefs(name, bytes));
          }
        });
    contents.replaceAll(
        (name, bytes) -> {
          if (!name.endsWith(".form")) {
            return bytes;
          }
          String form = new String(bytes, StandardCharsets.UTF_8);
          String filled =
              startForms.contains(formId(form))
                  ? fillProvinceLists(json, form, provinceOptions)
                  : form;
          return filled.equals(form) ? bytes : filled.getBytes(StandardCharsets.UTF_8);
        });
    return contents;
  }

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /**
   * The {@code camunda:formRef} of each process's own start events, read by streaming the XML: on
   * every start, also an unchanged restart that deploys nothing, so without building the model
   * (schema validation of every file cost more than the rest of the deployment's check). The engine
   * parses and validates the models when it deploys them.
   */
  static Set<String> startFormRefs(String name, byte[] bpmn) {
    Set<String> refs = new HashSet<>();
    Deque<String> open = new ArrayDeque<>();
    try {
      XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(bpmn));
      try {
        while (xml.hasNext()) {
          int event = xml.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            boolean bpmnElement = BPMN.equals(xml.getNamespaceURI());
            String element = bpmnElement ? xml.getLocalName() : "";
            if (element.equals("startEvent") && "process".equals(open.peek())) {
              String ref = xml.getAttributeValue(CAMUNDA, "formRef");
              if (ref != null && !ref.isBlank()) {
                refs.add(ref);
              }
            }
            open.push(element);
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            open.pop();
          }
        }
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot read " + name + ": " + e.getMessage(), e);
    }
    return refs;
  }

  /**
   * A start form with its province lists written in as static options. Tasklist 7.24 renders a
   * Camunda Form start form with no variables at all (it fetches form variables for a task form
   * only), so a {@code valuesKey} there would offer nothing; the engine's start form variables
   * ({@code GET /process-definition/{id}/form-variables}) never reach it. Each field whose {@code
   * valuesKey} names a province list gets that list as {@code values}, and the custom property
   * {@value ProvinceOptions#MARKER} naming the list, so that the server's validation still checks
   * against the list as it is when the form is submitted. The options change when the reference
   * data changes, and the changed form is deployed on the next start.
   */
  public static String fillProvinceLists(
      ObjectMapper json, String formJson, ProvinceOptions provinceOptions) {
    try {
      JsonNode form = json.readTree(formJson);
      if (!fill(form.path("components"), provinceOptions)) {
        return formJson;
      }
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(form) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read form " + formJson.substring(0, Math.min(80, formJson.length())), e);
    }
  }

  private static boolean fill(JsonNode components, ProvinceOptions provinceOptions) {
    boolean changed = false;
    for (JsonNode component : components) {
      String list = component.path("valuesKey").asText(null);
      if (component instanceof ObjectNode field && ProvinceOptions.isList(list)) {
        ArrayNode values = field.putArray("values");
        provinceOptions
            .options(list)
            .forEach(
                o -> values.addObject().put("label", o.get("label")).put("value", o.get("value")));
        field.remove("valuesKey");
        ObjectNode properties =
            field.path("properties") instanceof ObjectNode p ? p : field.putObject("properties");
        properties.put(ProvinceOptions.MARKER, list);
        changed = true;
      }
      changed |= fill(component.path("components"), provinceOptions);
    }
    return changed;
  }

  private String formId(String form) {
    try {
      return json.readTree(form).path("id").asText(null);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read form", e);
    }
  }

  /** The resources to deploy, keyed by their project-relative name, in a stable order. */
  public Map<String, Resource> findResources() {
    Map<String, Resource> found = new TreeMap<>();
    for (String pattern : properties.resourcePatterns()) {
      String folder = baseFolder(pattern);
      try {
        List<String> roots =
            folderRoots(pattern.substring(0, pattern.indexOf(folder)) + folder + "/");
        for (Resource resource : resolver.getResources(pattern)) {
          if (resource.isReadable()) {
            String name = relativeName(resource, folder, roots);
            Resource previous = found.putIfAbsent(name, resource);
            if (previous != null && !previous.getURL().equals(resource.getURL())) {
              throw new IllegalStateException(
                  "Two resources on the classpath are both named '"
                      + name
                      + "': "
                      + previous
                      + " and "
                      + resource);
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
      throw new IllegalArgumentException(
          "Resource pattern '"
              + pattern
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
        return folder
            + "/"
            + URLDecoder.decode(url.substring(root.length()), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException(
        resource + " is not below a classpath folder '" + folder + "/'");
  }
}
