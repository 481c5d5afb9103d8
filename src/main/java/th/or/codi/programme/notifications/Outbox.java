package th.or.codi.programme.notifications;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The messages to send, in the application's own table {@code PROGRAMME_NOTIFICATION} on the
 * engine's database. A trigger records a message with the same connection and transaction as the
 * engine change that caused it (Spring's transaction, which the engine's commands run in), so a
 * completion that rolls back records nothing. A node takes a due message by setting its claim in
 * one conditional UPDATE: of two nodes only one changes the row, so each message is sent by one
 * node; a claim that outlives its node (the node died while sending) expires and another node takes
 * the message. Rows stay after they are done, as the record of who was told what and when, for
 * {@code programme.notifications.delivery.keep-for} (then {@link Periodic} removes them).
 */
public class Outbox {

  static final String TABLE = "PROGRAMME_NOTIFICATION";
  static final String SCHEDULE = "PROGRAMME_NOTIFICATION_RUN";
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  /** Where a message is. */
  public enum State {
    /** To be sent as soon as it is due. */
    PENDING,
    /** Waiting for the recipient's daily digest. */
    HELD,
    /** Sent inside a digest (DIGEST_ID_ names it). */
    BUNDLED,
    SENT,
    /** Not sent because it no longer applied when it went out (LAST_ERROR_ says why). */
    SKIPPED,
    /** Given up after retrying (LAST_ERROR_ holds the last failure). */
    FAILED
  }

  /** One row. */
  public record Row(
      String id,
      String channel,
      Kind kind,
      String recipient,
      String taskId,
      String processInstanceId,
      String detail,
      State state,
      Instant created,
      Instant nextAttempt,
      int attempts,
      Instant done,
      String digestId,
      String lastError) {}

  /** What a trigger records. */
  public record NewMessage(
      Kind kind,
      String recipient,
      String taskId,
      String processInstanceId,
      String detail,
      State state) {}

  private static final RowMapper<Row> ROW =
      (rs, i) ->
          new Row(
              rs.getString("ID_"),
              rs.getString("CHANNEL_"),
              Kind.of(rs.getString("KIND_")),
              rs.getString("RECIPIENT_"),
              rs.getString("TASK_ID_"),
              rs.getString("PROC_INST_ID_"),
              rs.getString("DETAIL_"),
              State.valueOf(rs.getString("STATE_")),
              instant(rs.getTimestamp("CREATED_")),
              instant(rs.getTimestamp("NEXT_ATTEMPT_")),
              rs.getInt("ATTEMPTS_"),
              instant(rs.getTimestamp("DONE_")),
              rs.getString("DIGEST_ID_"),
              rs.getString("LAST_ERROR_"));

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;

  public Outbox(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Creates the tables when they are missing; two nodes starting at once both succeed. */
  public void createTables() {
    create(
        "CREATE TABLE IF NOT EXISTS "
            + TABLE
            + " (ID_ VARCHAR(64) NOT NULL PRIMARY KEY, CHANNEL_ VARCHAR(32) NOT NULL,"
            + " KIND_ VARCHAR(32) NOT NULL, RECIPIENT_ VARCHAR(255) NOT NULL,"
            + " TASK_ID_ VARCHAR(64), PROC_INST_ID_ VARCHAR(64), DETAIL_ VARCHAR(4000),"
            + " STATE_ VARCHAR(16) NOT NULL, CREATED_ TIMESTAMP NOT NULL,"
            + " NEXT_ATTEMPT_ TIMESTAMP NOT NULL, ATTEMPTS_ INTEGER NOT NULL,"
            + " CLAIMED_BY_ VARCHAR(255), CLAIMED_UNTIL_ TIMESTAMP, DONE_ TIMESTAMP,"
            + " DIGEST_ID_ VARCHAR(64), LAST_ERROR_ VARCHAR(2000))");
    create(
        "CREATE INDEX IF NOT EXISTS PROGRAMME_NOTIFICATION_DUE ON "
            + TABLE
            + " (STATE_, NEXT_ATTEMPT_)");
    create("CREATE INDEX IF NOT EXISTS PROGRAMME_NOTIFICATION_TASK ON " + TABLE + " (TASK_ID_)");
    create(
        "CREATE TABLE IF NOT EXISTS "
            + SCHEDULE
            + " (NAME_ VARCHAR(64) NOT NULL PRIMARY KEY, NEXT_RUN_ TIMESTAMP NOT NULL)");
  }

  private void create(String sql) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        connection.setAutoCommit(true);
        statement.execute(sql);
        return;
      } catch (SQLException e) {
        // two nodes creating the table at the same moment: one of them loses once
        if (attempt == 3) {
          throw new IllegalStateException("Cannot create the notification outbox: " + sql, e);
        }
        LOG.info("Creating the notification outbox: retrying after {}", e.getMessage());
      }
    }
  }

  /** Records messages in the caller's transaction; returns their ids. */
  public List<String> record(String channel, List<NewMessage> messages, Instant now) {
    List<String> ids = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (NewMessage m : messages) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      rows.add(
          new Object[] {
            id,
            channel,
            m.kind().key(),
            m.recipient(),
            m.taskId(),
            m.processInstanceId(),
            m.detail(),
            m.state().name(),
            ts(now),
            ts(now),
            0
          });
    }
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(
          "INSERT INTO "
              + TABLE
              + " (ID_, CHANNEL_, KIND_, RECIPIENT_, TASK_ID_, PROC_INST_ID_, DETAIL_, STATE_,"
              + " CREATED_, NEXT_ATTEMPT_, ATTEMPTS_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          rows);
    }
    return ids;
  }

  /**
   * Claims up to {@code limit} due messages for {@code node} until {@code now + claimFor}; returns
   * the rows this node won.
   */
  public List<Row> claimDue(String node, Instant now, Duration claimFor, int limit) {
    List<String> candidates =
        jdbc.query(
            "SELECT ID_ FROM "
                + TABLE
                + " WHERE STATE_ = 'PENDING' AND NEXT_ATTEMPT_ <= ?"
                + " AND (CLAIMED_UNTIL_ IS NULL OR CLAIMED_UNTIL_ < ?) ORDER BY NEXT_ATTEMPT_"
                + " LIMIT ?",
            (rs, i) -> rs.getString(1),
            ts(now),
            ts(now),
            // more than one batch: another node may win some of them
            limit * 4);
    List<Row> won = new ArrayList<>();
    for (String id : candidates) {
      if (won.size() >= limit) {
        break;
      }
      int changed =
          jdbc.update(
              "UPDATE "
                  + TABLE
                  + " SET CLAIMED_BY_ = ?, CLAIMED_UNTIL_ = ? WHERE ID_ = ? AND STATE_ = 'PENDING'"
                  + " AND (CLAIMED_UNTIL_ IS NULL OR CLAIMED_UNTIL_ < ?)",
              node,
              ts(now.plus(claimFor)),
              id,
              ts(now));
      if (changed == 1) {
        won.add(find(id));
      }
    }
    return won;
  }

  public Row find(String id) {
    List<Row> rows = jdbc.query("SELECT * FROM " + TABLE + " WHERE ID_ = ?", ROW, id);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** The node's claimed message is done: sent, skipped or failed. */
  public void finish(String id, String node, State state, String reason, Instant now) {
    jdbc.update(
        "UPDATE "
            + TABLE
            + " SET STATE_ = ?, DONE_ = ?, LAST_ERROR_ = ?, ATTEMPTS_ = ATTEMPTS_ + ?,"
            + " CLAIMED_BY_ = NULL, CLAIMED_UNTIL_ = NULL WHERE ID_ = ? AND CLAIMED_BY_ = ?",
        state.name(),
        ts(now),
        truncate(reason),
        state == State.SKIPPED ? 0 : 1,
        id,
        node);
  }

  /** The attempt failed: try again at {@code next}. */
  public void retryAt(String id, String node, Instant next, String error) {
    jdbc.update(
        "UPDATE "
            + TABLE
            + " SET NEXT_ATTEMPT_ = ?, ATTEMPTS_ = ATTEMPTS_ + 1, LAST_ERROR_ = ?,"
            + " CLAIMED_BY_ = NULL, CLAIMED_UNTIL_ = NULL WHERE ID_ = ? AND CLAIMED_BY_ = ?",
        ts(next),
        truncate(error),
        id,
        node);
  }

  /** The recipients with messages held for their daily digest. */
  public List<String> heldRecipients(String channel) {
    return jdbc.queryForList(
        "SELECT DISTINCT RECIPIENT_ FROM " + TABLE + " WHERE STATE_ = 'HELD' AND CHANNEL_ = ?",
        String.class,
        channel);
  }

  /** Moves the recipient's held messages into a new digest message, in one transaction. */
  public int bundle(String channel, String recipient, String digestId, Instant now) {
    int bundled =
        jdbc.update(
            "UPDATE "
                + TABLE
                + " SET STATE_ = 'BUNDLED', DIGEST_ID_ = ?, DONE_ = ?"
                + " WHERE STATE_ = 'HELD' AND CHANNEL_ = ? AND RECIPIENT_ = ?",
            digestId,
            ts(now),
            channel,
            recipient);
    if (bundled > 0) {
      jdbc.update(
          "INSERT INTO "
              + TABLE
              + " (ID_, CHANNEL_, KIND_, RECIPIENT_, STATE_, CREATED_, NEXT_ATTEMPT_, ATTEMPTS_)"
              + " VALUES (?, ?, ?, ?, 'PENDING', ?, ?, 0)",
          digestId,
          channel,
          Kind.DAILY_DIGEST.key(),
          recipient,
          ts(now),
          ts(now));
    }
    return bundled;
  }

  /** The messages a digest carries, oldest first. */
  public List<Row> bundledIn(String digestId) {
    return jdbc.query(
        "SELECT * FROM " + TABLE + " WHERE DIGEST_ID_ = ? ORDER BY CREATED_", ROW, digestId);
  }

  /** Whether a message of this kind about this task already went (or goes) to the recipient. */
  public boolean recorded(Kind kind, String taskId, String recipient, String detail) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM "
                + TABLE
                + " WHERE KIND_ = ? AND TASK_ID_ = ? AND RECIPIENT_ = ? AND DETAIL_ = ?",
            Integer.class,
            kind.key(),
            taskId,
            recipient,
            detail);
    return n != null && n > 0;
  }

  /** Messages by state, newest first. */
  public List<Row> list(State state, String recipient, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM " + TABLE + " WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (state != null) {
      sql.append(" AND STATE_ = ?");
      args.add(state.name());
    }
    if (recipient != null) {
      sql.append(" AND RECIPIENT_ = ?");
      args.add(recipient);
    }
    sql.append(" ORDER BY CREATED_ DESC LIMIT ?");
    args.add(limit);
    return jdbc.query(sql.toString(), ROW, args.toArray());
  }

  /** Forgets the messages done (sent, skipped, failed, bundled) before {@code before}. */
  public int forgetDoneBefore(Instant before) {
    return jdbc.update(
        "DELETE FROM "
            + TABLE
            + " WHERE STATE_ IN ('SENT', 'SKIPPED', 'FAILED', 'BUNDLED') AND DONE_ < ?",
        ts(before));
  }

  /** How many messages are in each state. */
  public Map<State, Long> counts() {
    Map<State, Long> counts = new LinkedHashMap<>();
    for (State s : State.values()) {
      counts.put(s, 0L);
    }
    jdbc.query(
        "SELECT STATE_, COUNT(*) FROM " + TABLE + " GROUP BY STATE_",
        rs -> {
          counts.put(State.valueOf(rs.getString(1)), rs.getLong(2));
        });
    return counts;
  }

  /**
   * Takes the named periodic run if it is due: moves its next time to {@code next} in one
   * conditional UPDATE, so that of several nodes one runs it. Returns whether this caller won.
   */
  public boolean takeRun(String name, Instant now, Instant next, Instant firstRun) {
    jdbc.update(
        "INSERT INTO "
            + SCHEDULE
            + " (NAME_, NEXT_RUN_) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM "
            + SCHEDULE
            + " WHERE NAME_ = ?)",
        name,
        ts(firstRun),
        name);
    return jdbc.update(
            "UPDATE " + SCHEDULE + " SET NEXT_RUN_ = ? WHERE NAME_ = ? AND NEXT_RUN_ <= ?",
            ts(next),
            name,
            ts(now))
        == 1;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
