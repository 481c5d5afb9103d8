package th.or.codi.programme.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Fills the history tables to a benchmark's size in minutes instead of hours: the history of a set
 * of real pipelines (driven through the engine, with every listener, form and timer) is copied in
 * SQL, {@code copies} times, every instance id of a copy made {@code k~id} (see {@link #id}). The
 * engine's definitions, users and byte arrays are shared, ids and business keys are not, so each
 * copy is an independent historic pipeline to every history query: the tables hold the rows, and
 * the indexes the entries, of the number of pipelines the figures are quoted for.
 */
final class HistoryCopies {

  /** Every history table a pipeline writes to; all of them carry the root process instance. */
  static final List<String> TABLES =
      List.of(
          "ACT_HI_PROCINST",
          "ACT_HI_ACTINST",
          "ACT_HI_TASKINST",
          "ACT_HI_VARINST",
          "ACT_HI_DETAIL",
          "ACT_HI_IDENTITYLINK",
          "ACT_HI_COMMENT",
          "ACT_HI_OP_LOG",
          "ACT_HI_INCIDENT",
          "ACT_HI_JOB_LOG",
          "ACT_HI_DECINST",
          "ACT_HI_DEC_IN",
          "ACT_HI_DEC_OUT");

  /** Columns holding ids of one instance's own rows: a copy gets them with its suffix. */
  static final Set<String> OWN_IDS =
      Set.of(
          "ID_",
          "PROC_INST_ID_",
          "ROOT_PROC_INST_ID_",
          "EXECUTION_ID_",
          "ACT_INST_ID_",
          "PARENT_ACT_INST_ID_",
          "TASK_ID_",
          "PARENT_TASK_ID_",
          "CALL_PROC_INST_ID_",
          "SUPER_PROCESS_INSTANCE_ID_",
          "VAR_INST_ID_",
          "JOB_ID_",
          "PROCESS_INSTANCE_ID_",
          "OPERATION_ID_",
          "CAUSE_INCIDENT_ID_",
          "ROOT_CAUSE_INCIDENT_ID_",
          "DEC_INST_ID_",
          "ROOT_DEC_INST_ID_",
          "BUSINESS_KEY_");

  private HistoryCopies() {}

  /**
   * Copies the history of the given root process instances as copies number {@code from} to {@code
   * to} (inclusive), {@code batch} copies per transaction, saying after each batch how many
   * pipelines the history holds. Returns the rows written.
   */
  static long copy(
      DataSource dataSource,
      boolean postgres,
      List<String> roots,
      int from,
      int to,
      int batch,
      java.util.function.LongConsumer progress)
      throws SQLException {
    long rows = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      List<String> indexes = postgres ? dropIndexes(c) : List.of();
      c.commit();
      for (int first = from; first <= to; first += batch) {
        rows += copyBatch(c, postgres, roots, first, Math.min(to, first + batch - 1));
        c.commit();
        progress.accept((long) roots.size() * (Math.min(to, first + batch - 1) + 1));
      }
      try (Statement s = c.createStatement()) {
        for (String index : indexes) {
          s.execute(index);
        }
      }
      c.commit();
    }
    return rows;
  }

  private static long copyBatch(
      Connection c, boolean postgres, List<String> roots, int from, int to) throws SQLException {
    String series =
        postgres
            ? "(select k from generate_series(" + from + ", " + to + ") as k)"
            : "(select x as k from system_range(" + from + ", " + to + "))";
    String in = roots.stream().map(r -> "?").collect(Collectors.joining(", "));
    long rows = 0;
    for (String table : TABLES) {
      Map<String, Integer> columns = columns(c, postgres ? table.toLowerCase(Locale.ROOT) : table);
      String select =
          columns.entrySet().stream()
              .map(
                  col ->
                      OWN_IDS.contains(col.getKey())
                          ? copyId("t." + col.getKey())
                          : isTime(col.getValue())
                              ? earlier(postgres, "t." + col.getKey())
                              : "t." + col.getKey())
              .collect(Collectors.joining(", "));
      String sql =
          "insert into "
              + table
              + " ("
              + String.join(", ", columns.keySet())
              + ") select "
              + select
              + " from "
              + table
              + " t cross join "
              + series
              + " copies where t.ROOT_PROC_INST_ID_ in ("
              + in
              + ")";
      try (PreparedStatement insert = c.prepareStatement(sql)) {
        for (int i = 0; i < roots.size(); i++) {
          insert.setString(i + 1, roots.get(i));
        }
        rows += insert.executeUpdate();
      }
    }
    return rows;
  }

  /**
   * PostgreSQL: drops the secondary indexes of the history tables and returns the statements that
   * create them again (the usual way to bulk-load: rebuilding an index once is far faster than
   * updating it row by row; the tables end with exactly the indexes they had).
   */
  private static List<String> dropIndexes(Connection c) throws SQLException {
    List<String> create = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "select i.indexname, i.indexdef from pg_indexes i "
                + "where i.schemaname = current_schema() and upper(i.tablename) = any (?) and not exists (select 1 from "
                + "pg_constraint k where k.conname = i.indexname)")) {
      q.setArray(1, c.createArrayOf("varchar", TABLES.toArray()));
      try (var rs = q.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
          create.add(rs.getString(2));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (String name : names) {
        s.execute("drop index " + name);
      }
    }
    return create;
  }

  /**
   * Fresh planner statistics, and on PostgreSQL the visibility map and free space of a vacuum: what
   * autovacuum gives a production database soon after a load, done before measuring so that the
   * measured rounds do not share the machine with autovacuum's work on the rows just written (a
   * round right after 100,000 inserts did).
   */
  static void analyze(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try {
        s.execute(
            c.getMetaData().getDatabaseProductName().equals("PostgreSQL")
                ? "vacuum analyze"
                : "analyze");
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  /** The id a copy gives an original id: {@code k~id}, within the columns' 64 characters. */
  static String id(int copy, String original) {
    String tail = original.length() > 56 ? original.substring(original.length() - 56) : original;
    return copy + "~" + tail;
  }

  private static String copyId(String column) {
    return "cast(copies.k as varchar(12)) || '~' || right(" + column + ", 56)";
  }

  /** Column names and JDBC types of a table, in order. */
  private static Map<String, Integer> columns(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        var rs = s.executeQuery("select * from " + table + " where 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      Map<String, Integer> out = new LinkedHashMap<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        out.put(meta.getColumnName(i).toUpperCase(Locale.ROOT), meta.getColumnType(i));
      }
      return out;
    }
  }

  private static boolean isTime(int jdbcType) {
    return jdbcType == Types.TIMESTAMP
        || jdbcType == Types.TIMESTAMP_WITH_TIMEZONE
        || jdbcType == Types.DATE;
  }

  /**
   * Copy k happened k hours before its original: the history grows into the past, so the newest
   * pipelines are the real ones, as in a programme that has run for years.
   */
  private static String earlier(boolean postgres, String column) {
    return postgres
        ? column + " - copies.k * interval '1 hour'"
        : "dateadd(hour, -copies.k, " + column + ")";
  }
}
