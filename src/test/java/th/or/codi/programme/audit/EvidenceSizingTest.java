package th.or.codi.programme.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.TestDatabase;
import th.or.codi.programme.demo.PersonActions;
import th.or.codi.programme.evidence.EvidenceService;
import th.or.codi.programme.evidence.EvidenceService.Upload;
import th.or.codi.programme.web.ForumPlanning;

/**
 * What evidence does to the database (docs/operations.md, "Evidence files and the database"): 20
 * photos of about 2.5 MB on one pipeline's task, and the growth of {@code ACT_GE_BYTEARRAY} (on
 * PostgreSQL {@code pg_total_relation_size}, table, TOAST and indexes; on H2 the stored bytes).
 * Writes the figures to {@code target/evidence-sizing.txt}. A measurement, not part of the suite:
 * {@code -Dprogramme.test.evidence-sizing=true}, with {@code -Dprogramme.test.database=postgres}
 * for PostgreSQL.
 */
@DemoApplicationTest
@EnabledIfSystemProperty(named = "programme.test.evidence-sizing", matches = "true")
class EvidenceSizingTest {

  static final int PHOTOS = Integer.getInteger("programme.test.evidence-sizing.photos", 20);
  static final int PHOTO_BYTES = 2_500_000;

  @Autowired ProcessEngine engine;
  @Autowired EvidenceService evidence;
  @Autowired DataSource dataSource;

  @Test
  void twentyPhotosOnOnePipeline() throws Exception {
    JdbcTemplate db = new JdbcTemplate(dataSource);
    PersonActions act = new PersonActions(engine);
    ForumPlanning forum = ForumPlanning.inUnusedWave(engine, act);
    boolean postgres = TestDatabase.postgres();
    long before = postgres ? relationSize(db) : 0;
    long stored = 0;
    for (int i = 0; i < PHOTOS; i++) {
      // one request per photo, as people upload them; random bytes, as incompressible as a JPEG's
      byte[] photo = EvidenceAuditRestTest.jpeg(PHOTO_BYTES + i * 1000, 100 + i);
      stored += photo.length;
      String name = "ภาพกิจกรรม " + (i + 1) + ".jpg";
      act.as(
          ForumPlanning.PROVINCE_USER,
          () ->
              evidence.upload(
                  forum.planForum().getId(),
                  List.of(new Upload(name, new ByteArrayInputStream(photo)))));
    }
    String root = forum.planForum().getProcessInstanceId();
    String rootOfTree =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(root)
            .singleResult()
            .getRootProcessInstanceId();
    Long inTable =
        db.queryForObject(
            "select sum("
                + (postgres ? "octet_length" : "length")
                + "(BYTES_)) from ACT_GE_BYTEARRAY where ROOT_PROC_INST_ID_ = ? and TYPE_ = 3",
            Long.class,
            rootOfTree);
    List<String> lines = new ArrayList<>();
    lines.add("database: " + (postgres ? "PostgreSQL" : "H2"));
    lines.add("photos: " + PHOTOS + ", bytes uploaded: " + stored + " (" + mb(stored) + ")");
    lines.add(
        "ACT_GE_BYTEARRAY bytes of the pipeline (history content, type 3): "
            + inTable
            + " ("
            + mb(inTable)
            + ")");
    if (postgres) {
      db.execute("analyze ACT_GE_BYTEARRAY");
      long after = relationSize(db);
      lines.add(
          "pg_total_relation_size('act_ge_bytearray'): "
              + before
              + " -> "
              + after
              + ", growth "
              + (after - before)
              + " ("
              + mb(after - before)
              + ", "
              + String.format(Locale.ROOT, "%.3f", (after - before) / (double) stored)
              + " x the bytes uploaded)");
      assertThat(after - before).isGreaterThanOrEqualTo(stored * 95 / 100);
    }
    Files.write(Path.of("target/evidence-sizing.txt"), lines);
    lines.forEach(System.out::println);
    assertThat(inTable).isEqualTo(stored);
  }

  private static long relationSize(JdbcTemplate db) {
    return db.queryForObject("select pg_total_relation_size('act_ge_bytearray')", Long.class);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
