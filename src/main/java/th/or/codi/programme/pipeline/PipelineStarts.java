package th.or.codi.programme.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.messages.Messages;
import th.or.codi.programme.provinces.ProvinceReferenceData;

/**
 * One provincial pipeline per province, fiscal year and wave, one regional programme per region and
 * fiscal year, however they are started (Tasklist's start form, {@code /engine-rest}'s {@code
 * start} and {@code submit-form}, the regional programme's call activity): the models call this
 * guard inside the start's own transaction, before anything of the new instance is written.
 *
 * <p>The rules ({@code docs/programme.md}, "Starting a pipeline"):
 *
 * <ul>
 *   <li>a province's pipeline for a fiscal year must have a wave later than every pipeline the
 *       province already has in that year, running or ended (so a second {@code TH-16/2570-1} is
 *       refused, and so is {@code TH-16/2570-1} after {@code TH-16/2570-2}); another design cycle
 *       is not a new pipeline but a loop inside the pipeline ({@code cycle});
 *   <li>a region has one regional programme per fiscal year, running or ended; the next cycle of
 *       the programme is another fiscal year.
 * </ul>
 *
 * Pipelines an operator deleted (state {@code EXTERNALLY_TERMINATED}) do not count: deleting is how
 * a mistaken start is undone.
 *
 * <p>Simultaneous starts: the check alone, inside each start's transaction, would let two starts
 * that run at the same moment both see nothing and both succeed (two threads, or the two nodes of
 * the cluster on one database). So each start first locks a row of the application's own table
 * {@code PROGRAMME_START_LOCK}, one row per province and fiscal year (or region and fiscal year),
 * with {@code SELECT ... FOR UPDATE} in the start's transaction: the second start waits until the
 * first commits, then sees its pipeline in the history and is refused. The row itself is created,
 * once, on a connection of its own that commits at once, so no start ever waits for another's
 * uncommitted insert.
 */
@Component("pipelineStarts")
public class PipelineStarts {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineStarts.class);

  static final String LOCK_TABLE = "PROGRAMME_START_LOCK";
  static final String PROVINCIAL_PIPELINE = "provincialPipeline";
  static final String REGIONAL_PROGRAMME = "regionalProgramme";

  /** A pipeline or programme already in the history (running or ended). */
  public record Existing(
      String processInstanceId, String businessKey, String state, Date started, Long wave) {

    boolean running() {
      return "ACTIVE".equals(state) || "SUSPENDED".equals(state);
    }

    /** The key of the state's name in the message bundles. */
    String stateKey() {
      return switch (state) {
        case "ACTIVE" -> "pipeline.starts.state.active";
        case "SUSPENDED" -> "pipeline.starts.state.suspended";
        case "COMPLETED" -> "pipeline.starts.state.completed";
        default -> "pipeline.starts.state.terminated";
      };
    }
  }

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final ProvinceReferenceData referenceData;

  public PipelineStarts(DataSource dataSource, ProvinceReferenceData referenceData) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.referenceData = referenceData;
    createLockTable();
  }

  // ------------------------------------------------------------------------ called by the models

  /**
   * A provincial pipeline starts (after {@code pipelineStages.prepare}, which checked the province
   * and made {@code fiscalYear} and {@code wave} whole numbers): refuses it if the rules do not
   * allow it.
   */
  public void claimProvincial(DelegateExecution execution) {
    String code = (String) execution.getVariable("provinceCode");
    Long fiscalYear = number(execution.getVariable("fiscalYear"));
    Long wave = number(execution.getVariable("wave"));
    if (fiscalYear == null) {
      throw new BadUserRequestException(Messages.both("pipeline.starts.fiscalYearRequired"));
    }
    lock(PROVINCIAL_PIPELINE + " " + code + "/" + fiscalYear);
    Optional<Existing> refusal = provincialRefusal(code, fiscalYear, wave);
    if (refusal.isPresent()) {
      throw refused(provincialRefused(code, fiscalYear, wave, refusal.get()));
    }
  }

  /** A regional programme starts (after {@code waves.start}, which set its region). */
  public void claimProgramme(DelegateExecution execution) {
    Long fiscalYear = number(execution.getVariable("fiscalYear"));
    String region = (String) execution.getVariable("region");
    if (fiscalYear == null) {
      throw new BadUserRequestException(Messages.both("pipeline.starts.fiscalYearRequired"));
    }
    execution.setVariable("fiscalYear", fiscalYear);
    lock(REGIONAL_PROGRAMME + " " + region + "/" + fiscalYear);
    Optional<Existing> existing = programmes(region, fiscalYear).stream().findFirst();
    if (existing.isPresent()) {
      Existing e = existing.get();
      throw refused(
          new PipelineAlreadyStartedException(
              Messages.both(
                  "pipeline.starts.programmeExists",
                  fiscalYear,
                  described(e),
                  // the Thai text says "this region" (ภาคนี้) without its code
                  Messages.localized("", region)),
              e));
    }
    if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
      execution.setProcessBusinessKey("PROGRAMME-" + fiscalYear);
    }
  }

  /**
   * The regional programme's wave without the provinces whose pipeline for this fiscal year and
   * wave already exists (or a later one): those are not started again; they count as covered by the
   * wave (their pipeline did the work) and are listed in {@code provincesAlreadyRun} with the
   * pipeline that ran.
   */
  public List<String> notYetRun(DelegateExecution execution, List<String> waveProvinces) {
    Long fiscalYear = number(execution.getVariable("fiscalYear"));
    Long wave = number(execution.getVariable("wave"));
    List<String> toStart = new ArrayList<>();
    List<Map<String, Object>> alreadyRun = new ArrayList<>();
    for (String code : waveProvinces) {
      Optional<Existing> existing = provincialRefusal(code, fiscalYear, wave);
      if (existing.isEmpty()) {
        toStart.add(code);
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("provinceCode", code);
      row.put("provinceName", referenceData.requireByCode(code).nameTh());
      row.put("businessKey", existing.get().businessKey());
      row.put("state", existing.get().state());
      alreadyRun.add(row);
      LOG.info(
          "Regional programme {}: {} already has pipeline {} ({}), not started again",
          execution.getProcessBusinessKey(),
          code,
          existing.get().businessKey(),
          existing.get().state());
    }
    execution.setVariable("provincesAlreadyRun", JsonVariables.json(alreadyRun));
    return toStart;
  }

  // ------------------------------------------------------------------------ the rules

  /** The pipeline that stops this one from starting, if any. */
  Optional<Existing> provincialRefusal(String code, Long fiscalYear, Long wave) {
    long asked = wave == null ? 1L : wave;
    return pipelines(code, fiscalYear).stream()
        .filter(e -> e.wave() == null || e.wave() >= asked)
        .sorted(
            (a, b) -> {
              // the same wave first, then the latest
              boolean aSame = a.wave() != null && a.wave() == asked;
              boolean bSame = b.wave() != null && b.wave() == asked;
              if (aSame != bSame) {
                return aSame ? -1 : 1;
              }
              return Long.compare(
                  b.wave() == null ? Long.MAX_VALUE : b.wave(),
                  a.wave() == null ? Long.MAX_VALUE : a.wave());
            })
        .findFirst();
  }

  private static PipelineAlreadyStartedException provincialRefused(
      String code, Long fiscalYear, Long wave, Existing e) {
    boolean same = e.wave() != null && e.wave().equals(wave);
    return new PipelineAlreadyStartedException(
        same
            ? Messages.both(
                "pipeline.starts.sameWave", code, fiscalYear, wave, described(e), e.wave() + 1)
            : Messages.both("pipeline.starts.laterWave", code, fiscalYear, e.wave(), described(e)),
        e);
  }

  /**
   * One INFO line per refusal (the engine's ERROR with a stack trace is dropped: {@code
   * web/QuietRejections}).
   */
  private static PipelineAlreadyStartedException refused(PipelineAlreadyStartedException e) {
    LOG.info("Start refused: {}", e.getMessage());
    return e;
  }

  /** The existing pipeline as a refusal names it: its key, state and start, per language. */
  private static Messages.Localized described(Existing e) {
    return Messages.localized(
        Messages.thai(
            "pipeline.starts.existing",
            e.businessKey(),
            Messages.thai(e.stateKey()),
            ThaiCalendar.thaiMinutes(e.started())),
        Messages.english(
            "pipeline.starts.existing",
            e.businessKey(),
            Messages.english(e.stateKey()),
            ThaiCalendar.englishMinutes(e.started())));
  }

  // ------------------------------------------------------------------------ the history

  /**
   * The province's pipelines of the fiscal year, from the history (every pipeline has a historic
   * instance from its start; its province, year and wave are its own variables). Read with SQL
   * rather than the HistoryService, so the person who starts (or whose task completion starts) a
   * pipeline need not be allowed to read the other pipelines.
   */
  List<Existing> pipelines(String code, Long fiscalYear) {
    return jdbc.query(
        "SELECT P.ID_, P.BUSINESS_KEY_, P.STATE_, P.START_TIME_, W.LONG_ AS WAVE"
            + " FROM ACT_HI_PROCINST P"
            + " JOIN ACT_HI_VARINST C ON C.PROC_INST_ID_ = P.ID_ AND C.EXECUTION_ID_ = P.ID_"
            + "  AND C.NAME_ = 'provinceCode' AND C.TEXT_ = ?"
            + " JOIN ACT_HI_VARINST Y ON Y.PROC_INST_ID_ = P.ID_ AND Y.EXECUTION_ID_ = P.ID_"
            + "  AND Y.NAME_ = 'fiscalYear' AND Y.LONG_ = ?"
            + " LEFT JOIN ACT_HI_VARINST W ON W.PROC_INST_ID_ = P.ID_ AND W.EXECUTION_ID_ = P.ID_"
            + "  AND W.NAME_ = 'wave'"
            + " WHERE P.PROC_DEF_KEY_ = ? AND P.STATE_ <> 'EXTERNALLY_TERMINATED'"
            + " ORDER BY P.START_TIME_",
        (rs, i) ->
            new Existing(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4),
                rs.getObject(5) == null ? null : rs.getLong(5)),
        code,
        fiscalYear,
        PROVINCIAL_PIPELINE);
  }

  List<Existing> programmes(String region, Long fiscalYear) {
    return jdbc.query(
        "SELECT P.ID_, P.BUSINESS_KEY_, P.STATE_, P.START_TIME_"
            + " FROM ACT_HI_PROCINST P"
            + " JOIN ACT_HI_VARINST Y ON Y.PROC_INST_ID_ = P.ID_ AND Y.EXECUTION_ID_ = P.ID_"
            + "  AND Y.NAME_ = 'fiscalYear' AND Y.LONG_ = ?"
            + " LEFT JOIN ACT_HI_VARINST R ON R.PROC_INST_ID_ = P.ID_ AND R.EXECUTION_ID_ = P.ID_"
            + "  AND R.NAME_ = 'region'"
            + " WHERE P.PROC_DEF_KEY_ = ? AND P.STATE_ <> 'EXTERNALLY_TERMINATED'"
            + "  AND (R.TEXT_ = ? OR R.TEXT_ IS NULL)"
            + " ORDER BY P.START_TIME_",
        (rs, i) ->
            new Existing(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4), null),
        fiscalYear,
        REGIONAL_PROGRAMME,
        region);
  }

  // ------------------------------------------------------------------------ the lock

  /**
   * Locks the row of this key until the start's transaction ends. Must run inside the engine's
   * transaction (Spring's, on this data source): a lock taken anywhere else would end at once.
   */
  void lock(String key) {
    if (!TransactionSynchronizationManager.hasResource(dataSource)) {
      throw new IllegalStateException(
          "The start guard must run inside the engine's transaction on the application's data source");
    }
    ensureRow(key);
    jdbc.queryForList(
        "SELECT LOCK_KEY_ FROM " + LOCK_TABLE + " WHERE LOCK_KEY_ = ? FOR UPDATE", key);
  }

  /** Creates the key's row, committed at once on a connection of its own; idempotent. */
  private void ensureRow(String key) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + LOCK_TABLE
                  + " (LOCK_KEY_, CREATED_) SELECT ?, ? WHERE NOT EXISTS"
                  + " (SELECT 1 FROM "
                  + LOCK_TABLE
                  + " WHERE LOCK_KEY_ = ?)")) {
        insert.setString(1, key);
        insert.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
        insert.setString(3, key);
        insert.executeUpdate();
      } catch (SQLException e) {
        // another start created the same row at the same moment: it is there, which is all we need
        LOG.debug("lock row {} created by another start: {}", key, e.getMessage());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to guard a start", e);
    }
  }

  private void createLockTable() {
    String sql =
        "CREATE TABLE IF NOT EXISTS "
            + LOCK_TABLE
            + " (LOCK_KEY_ VARCHAR(255) NOT NULL PRIMARY KEY, CREATED_ TIMESTAMP)";
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        connection.setAutoCommit(true);
        statement.execute(sql);
        return;
      } catch (SQLException e) {
        // two nodes creating the table at the same moment: one of them loses once
        if (attempt == 3) {
          throw new IllegalStateException("Cannot create " + LOCK_TABLE, e);
        }
        LOG.info("Creating {}: retrying after {}", LOCK_TABLE, e.getMessage());
      }
    }
  }

  private static Long number(Object value) {
    return value instanceof Number n ? Long.valueOf(n.longValue()) : null;
  }
}
