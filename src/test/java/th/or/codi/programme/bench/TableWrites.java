package th.or.codi.programme.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Rows inserted, updated and deleted per table, from PostgreSQL's cumulative statistics ({@code
 * pg_stat_user_tables}): where an engine's time goes, in the database's own count. A backend
 * reports its counts when it has been idle for a while (at most 10 s), so a snapshot waits that
 * long first.
 */
final class TableWrites {

  private TableWrites() {}

  /** Inserts, updates and deletes so far, by table (lower-case name). */
  static Map<String, long[]> snapshot(DataSource dataSource) throws Exception {
    Thread.sleep(11_000);
    Map<String, long[]> counts = new TreeMap<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("select pg_stat_clear_snapshot()");
      try (ResultSet rows =
          statement.executeQuery(
              "select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")) {
        while (rows.next()) {
          counts.put(
              rows.getString(1).toLowerCase(Locale.ROOT),
              new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
        }
      }
    }
    return counts;
  }

  /**
   * Bytes on disk of the tables that stay, by table: the history ({@code ACT_HI_*}) and the byte
   * arrays (variables' serialized values, deployments), with their indexes and TOAST; after a
   * {@code VACUUM}, so dead rows do not count.
   */
  static Map<String, Long> keptBytes(DataSource dataSource) throws Exception {
    Map<String, Long> sizes = new TreeMap<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("VACUUM");
      try (ResultSet rows =
          statement.executeQuery(
              "select relname, pg_total_relation_size(relid) from pg_stat_user_tables"
                  + " where relname ilike 'act_hi_%' or relname ilike 'act_ge_bytearray'")) {
        while (rows.next()) {
          sizes.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getLong(2));
        }
      }
    }
    return sizes;
  }

  /** (after - before) / n, summed over the tables. */
  static double bytesPerInstance(Map<String, Long> before, Map<String, Long> after, int n) {
    long sum = 0;
    for (var e : after.entrySet()) {
      sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    return sum / (double) n;
  }

  /** Per instance: (after - before) / n, for every table written. */
  static Map<String, double[]> perInstance(
      Map<String, long[]> before, Map<String, long[]> after, int n) {
    Map<String, double[]> out = new TreeMap<>();
    after.forEach(
        (table, a) -> {
          long[] b = before.getOrDefault(table, new long[3]);
          double[] d = {
            (a[0] - b[0]) / (double) n, (a[1] - b[1]) / (double) n, (a[2] - b[2]) / (double) n
          };
          if (d[0] + d[1] + d[2] >= 0.5) { // at least one row per two instances
            out.put(table, d);
          }
        });
    return out;
  }

  /** A Markdown table: the programme's and the baseline's writes per instance, largest first. */
  static List<String> markdown(Map<String, double[]> programme, Map<String, double[]> baseline) {
    Map<String, double[]> both = new LinkedHashMap<>();
    programme.keySet().stream()
        .filter(t -> t.startsWith("act_"))
        .sorted((x, y) -> Double.compare(sum(programme.get(y)), sum(programme.get(x))))
        .forEach(t -> both.put(t, null));
    baseline.keySet().stream()
        .filter(t -> t.startsWith("act_") && !both.containsKey(t))
        .forEach(t -> both.put(t, null));
    List<String> lines = new ArrayList<>();
    lines.add(
        "| table | programme: inserted / updated / deleted per pipeline | baseline: per instance |");
    lines.add("|---|---|---|");
    for (String table : both.keySet()) {
      lines.add(
          "| %s | %s | %s |"
              .formatted(
                  table.toUpperCase(Locale.ROOT),
                  cell(programme.get(table)),
                  cell(baseline.get(table))));
    }
    lines.add(
        "| **all engine tables** | **%.0f** | **%.0f** |"
            .formatted(engineTotal(programme), engineTotal(baseline)));
    return lines;
  }

  static double engineTotal(Map<String, double[]> writes) {
    return writes.entrySet().stream()
        .filter(e -> e.getKey().startsWith("act_"))
        .mapToDouble(e -> sum(e.getValue()))
        .sum();
  }

  private static double sum(double[] d) {
    return d == null ? 0 : d[0] + d[1] + d[2];
  }

  private static String cell(double[] d) {
    return d == null ? "–" : "%.0f / %.0f / %.0f".formatted(d[0], d[1], d[2]);
  }
}
