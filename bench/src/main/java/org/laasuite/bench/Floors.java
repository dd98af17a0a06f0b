package org.laasuite.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * The floors: what PostgreSQL takes to do the least any answer needs, measured in the same run as the scenario,
 * against the same database, so that a ratio to it stays meaningful on another machine.
 */
final class Floors {

  /** The columns every imported figure has alike: final, first revision, current, published. */
  private static final String PUBLISHED_FINAL = "\tOUTTURN_STATUS_FINAL\t1\tt\t2008-04-01 00:00:00+00\tPUBLICATION_STATE_PUBLISHED"
      + "\t2008-04-01 00:00:00+00\n";

  private Floors() {
  }

  /** A prepared unique-key select of the indicator {@code code}, every column read, as a service would. */
  static Latency indicatorSelect(Suite suite, String code, int warmUp, int n) throws SQLException {
    Latency latency = new Latency();
    try (Connection c = suite.database();
        PreparedStatement select = c.prepareStatement("SELECT * FROM indicator WHERE code = ?")) {
      for (int i = 0; i < warmUp + n; i++) {
        long start = System.nanoTime();
        select.setString(1, code);
        try (ResultSet rs = select.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("no indicator " + code + " in the indicators database");
          }
          for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
            rs.getObject(col);
          }
        }
        if (i >= warmUp) {
          latency.record(System.nanoTime() - start);
        }
      }
    }
    return latency;
  }

  /**
   * COPY of {@code figures} (the same rows an import is given, codes resolved to ids first, untimed) into the same
   * table, outturn, with its indexes, constraints and write-ahead log, in a transaction rolled back once timed (so
   * run it before the import, whose rows would otherwise be current already): rows per second.
   */
  static double copy(Suite suite, Iterator<ScaleData.Figure> figures) throws SQLException, java.io.IOException {
    try (Connection c = suite.database()) {
      Map<String, Long> indicators = ids(c, "indicator");
      Map<String, Long> periods = ids(c, "period");
      Map<String, Long> areas = ids(c, "area");
      StringBuilder text = new StringBuilder();
      long n = 0;
      while (figures.hasNext()) {
        ScaleData.Figure f = figures.next();
        n++;
        text.append(indicators.get(f.indicator())).append('\t')
            .append(periods.get(f.period())).append('\t').append(areas.get(f.area())).append('\t')
            .append(f.value()).append("\tCOMPARATOR_EQUAL\tFIGURE_STATUS_VALUE\t").append(f.value()).append(PUBLISHED_FINAL);
      }
      c.setAutoCommit(false);
      String rows = text.toString();
      long start = System.nanoTime();
      long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY outturn (indicator_id, "
          + "period_id, area_id, figure_value, figure_comparator, figure_status, figure_original_text, status, "
          + "revision, current, create_time, state, publish_time) FROM STDIN", new StringReader(rows));
      double seconds = (System.nanoTime() - start) / 1e9;
      c.rollback();
      if (copied != n) {
        throw new IllegalStateException("COPY wrote " + copied + " of " + n + " rows");
      }
      return n / seconds;
    }
  }

  private static Map<String, Long> ids(Connection c, String table) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code, id FROM " + table)) {
      while (rs.next()) {
        ids.put(rs.getString(1), rs.getLong(2));
      }
    }
    return ids;
  }
}
