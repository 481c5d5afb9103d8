package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;

/**
 * Enforces the process test coverage the process tests ({@link ProcessTest}) recorded under {@code
 * target/process-test-coverage/} during the Surefire phase: for every process in {@code bpmn/}, all
 * flow nodes and at least 95% of the sequence flows. Runs in Failsafe, after all Surefire tests, so
 * it sees the whole suite. Writes a summary to {@code target/process-test-coverage/summary.txt}.
 */
class ProcessCoverageIT {

  static final Path REPORTS = Path.of("target/process-test-coverage");
  static final double MIN_FLOW_NODES = 1.0;
  static final double MIN_SEQUENCE_FLOWS = 0.95;

  @Test
  void everyProcessIsCoveredByItsTests() throws IOException {
    Map<String, Set<String>> covered = coveredElements();
    List<String> summary = new ArrayList<>();
    List<String> shortfalls = new ArrayList<>();
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        Set<String> nodes = new TreeSet<>();
        Set<String> flows = new TreeSet<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
          nodes.add(node.getId());
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
          flows.add(flow.getId());
        }
        Set<String> seen = covered.getOrDefault(process.getId(), Set.of());
        Set<String> missedNodes = new TreeSet<>(nodes);
        missedNodes.removeAll(seen);
        Set<String> missedFlows = new TreeSet<>(flows);
        missedFlows.removeAll(seen);
        double nodeRatio = 1.0 - (double) missedNodes.size() / nodes.size();
        double flowRatio = flows.isEmpty() ? 1.0 : 1.0 - (double) missedFlows.size() / flows.size();
        summary.add(
            String.format(
                "%-20s flow nodes %3.0f%% (%d/%d)  sequence flows %3.0f%% (%d/%d)%s",
                process.getId(),
                nodeRatio * 100,
                nodes.size() - missedNodes.size(),
                nodes.size(),
                flowRatio * 100,
                flows.size() - missedFlows.size(),
                flows.size(),
                missedNodes.isEmpty() && missedFlows.isEmpty()
                    ? ""
                    : "  missed " + missedNodes + missedFlows));
        if (nodeRatio < MIN_FLOW_NODES || flowRatio < MIN_SEQUENCE_FLOWS) {
          shortfalls.add(process.getId() + ": missed " + missedNodes + " " + missedFlows);
        }
      }
    }
    Files.writeString(REPORTS.resolve("summary.txt"), String.join("\n", summary) + "\n");
    System.out.println("Process test coverage:\n  " + String.join("\n  ", summary));
    assertThat(shortfalls)
        .as(
            "every process: 100%% of flow nodes and at least 95%% of sequence flows covered by tests")
        .isEmpty();
  }

  static List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  /** Element ids each process's tests passed, from all report.json files of the run. */
  static Map<String, Set<String>> coveredElements() throws IOException {
    List<Path> reports;
    try (Stream<Path> walk = Files.exists(REPORTS) ? Files.walk(REPORTS) : Stream.empty()) {
      reports = walk.filter(p -> p.getFileName().toString().equals("report.json")).toList();
    }
    assertThat(reports)
        .as("coverage reports under %s: run the process tests (mvn verify) first", REPORTS)
        .isNotEmpty();
    Map<String, Set<String>> covered = new HashMap<>();
    for (Path report : reports) {
      SpinJsonNode json = Spin.JSON(Files.readString(report));
      for (SpinJsonNode suite : json.prop("suites").elements()) {
        for (SpinJsonNode run : suite.prop("runs").elements()) {
          for (SpinJsonNode event : run.prop("events").elements()) {
            covered
                .computeIfAbsent(event.prop("modelKey").stringValue(), k -> new HashSet<>())
                .add(event.prop("definitionKey").stringValue());
          }
        }
      }
    }
    return covered;
  }
}
