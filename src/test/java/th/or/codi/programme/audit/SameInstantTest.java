package th.or.codi.programme.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented order of a trail's entries at one instant. */
class SameInstantTest {

  private static final Instant AT = Instant.parse("2026-03-01T03:00:00Z");

  private static RankedEntry entry(AuditKind kind, SameInstant rank, int depth, String process) {
    return new RankedEntry(
        new AuditEntry(
            AT,
            kind,
            AuditEntry.SYSTEM,
            null,
            null,
            null,
            null,
            process,
            process,
            process,
            null,
            null,
            null,
            null,
            Map.of()),
        rank,
        depth);
  }

  private static RankedEntry entry(AuditKind kind, int depth, String process) {
    return entry(kind, SameInstant.of(kind), depth, process);
  }

  @Test
  void aStageHandingOverInOneMillisecondReadsInTheOrderItHappened() {
    // a stage's last task completed, its process ends (with what its last step recorded), the
    // stage ends, the pipeline records the stage's results and starts the next stage, which
    // starts its process and creates its first task: all in one millisecond
    List<RankedEntry> expected =
        List.of(
            entry(AuditKind.TASK_CLAIMED, 1, "forum"),
            entry(AuditKind.TASK_COMPLETED, 1, "forum"),
            entry(AuditKind.VALUES_RECORDED, SameInstant.LAST_IN_PROCESS, 1, "forum"),
            entry(AuditKind.PROCESS_ENDED, 1, "forum"),
            entry(AuditKind.STAGE_ENDED, 0, "pipeline"),
            entry(AuditKind.STAGE_STARTED, 0, "pipeline"),
            entry(AuditKind.VALUES_RECORDED, 0, "pipeline"),
            entry(AuditKind.PROCESS_STARTED, 1, "visit"),
            entry(AuditKind.TASK_CREATED, 1, "visit"),
            entry(AuditKind.VALUES_RECORDED, 1, "visit"));
    List<RankedEntry> shuffled = new ArrayList<>(expected);
    Collections.reverse(shuffled);
    shuffled.sort(RankedEntry.CHRONOLOGICAL);
    assertThat(shuffled).containsExactlyElementsOf(expected);
  }

  @Test
  void everythingThatClosesComesBeforeAnythingThatOpens() {
    for (AuditKind kind : AuditKind.values()) {
      SameInstant rank = SameInstant.of(kind);
      boolean opens =
          kind.name().endsWith("STARTED")
              || kind == AuditKind.TASK_CREATED
              || kind == AuditKind.INCIDENT_OPENED
              || kind == AuditKind.VALUES_RECORDED;
      assertThat(rank.opening()).as(kind.name()).isEqualTo(opens);
    }
    assertThat(SameInstant.LAST_IN_PROCESS.opening()).isFalse();
  }
}
