package th.or.codi.programme.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Fills the history tables to a benchmark's size in minutes instead of hours: the history of a
 * set of real pipelines (driven through the engine, with every listener, form and timer) is
 * copied in SQL, {@code copies} times, every instance id of a copy given the suffix {@code ~k}.
 * The engine's definitions, users and byte arrays are shared, ids and business keys are not, so
 * each copy is an independent historic pipeline to every history query: the tables hold the
 * rows, and the indexes the entries, of the number of pipelines the figures are quoted for.
 */
final class HistoryCopies {

  /** Every history table a pipeline writes to; all of them carry the root process instance. */
  static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_COMMENT", "ACT_HI_OP_LOG",
      "ACT_HI_INCIDENT", "ACT_HI_JOB_LOG", "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT");

  /** Columns holding ids of one instance's own rows: a copy gets them with its suffix. */
  static final Set<String> OWN_IDS = Set.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_",
      "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "TASK_ID_", "PARENT_TASK_ID_", "CALL_PROC_INST_ID_",
      "SUPER_PROCESS_INSTANCE_ID_", "VAR_INST_ID_", "JOB_ID_", "PROCESS_INSTANCE_ID_", "OPERATION_ID_",
      "CAUSE_INCIDENT_ID_", "ROOT_CAUSE_INCIDENT_ID_", "DEC_INST_ID_", "ROOT_DEC_INST_ID_", "BUSINESS_KEY_");

  private HistoryCopies() {}

  /**
   * Copies the history of the given root process instances; copy numbers {@code from..to}
   * (inclusive). Returns the rows written.
   */
  static long copy(DataSource dataSource, boolean postgres, List<String> roots, int from, int to) throws SQLException {
    String series = postgres ? "(select k from generate_series(" + from + ", " + to + ") as k)"
        : "(select x as k from system_range(" + from + ", " + to + "))";
    String in = roots.stream().map(r -> "?").collect(Collectors.joining(", "));
    long rows = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      for (String table : TABLES) {
        List<String> columns = columns(c, postgres ? table.toLowerCase(Locale.ROOT) : table);
        String select = columns.stream()
            .map(col -> OWN_IDS.contains(col) ? "t." + col + " || '~' || cast(copies.k as varchar(12))" : "t." + col)
            .collect(Collectors.joining(", "));
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select " + select
            + " from " + table + " t cross join " + series + " copies where t.ROOT_PROC_INST_ID_ in (" + in + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
          for (int i = 0; i < roots.size(); i++) {
            insert.setString(i + 1, roots.get(i));
          }
          rows += insert.executeUpdate();
        }
      }
      c.commit();
    }
    return rows;
  }

  /** Refreshes the planner's statistics after a bulk load, as an operator would after one. */
  static void analyze(DataSource dataSource, boolean postgres) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("analyze");
    }
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        var rs = s.executeQuery("select * from " + table + " where 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        out.add(meta.getColumnName(i).toUpperCase(Locale.ROOT));
      }
      return out;
    }
  }
}
