package org.laasuite.indicators.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.laasuite.common.grpc.Pages;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.indicator.IndicatorService;
import org.laasuite.indicators.v1.Frequency;
import org.laasuite.indicators.v1.IndicatorSource;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.type.v1.LaaBlock;

/**
 * A page of the indicators a listing of reports asks for, with their total, in one statement: the filters and order of
 * IndicatorRepository.search, the total counted beside the rows, and the rows mapped by column index.
 */
@Singleton
class IndicatorPages {

  private static final String SQL = """
      SELECT id, code, title, block, theme_group, outcome, units, polarity, source, ni_code, monitor_only, cumulative,
             owner_organisation, frequency, decimal_places, amber_tolerance, source_reference, create_time,
             update_time, delete_time, version, count(*) OVER () AS total
      FROM indicator
      WHERE (CAST(? AS TEXT) IS NULL OR block = ?)
        AND (CAST(? AS TEXT) IS NULL OR theme_group = ?)
        AND (CAST(? AS TEXT) IS NULL OR source = ?)
        AND (? OR delete_time IS NULL)
      ORDER BY block, regexp_replace(code, '[0-9]+$', ''),
               CAST(NULLIF(substring(code FROM '([0-9]+)$'), '') AS NUMERIC) NULLS FIRST, code
      LIMIT ? OFFSET ?""";

  private final JdbcOperations jdbc;
  private final IndicatorService indicators;

  IndicatorPages(JdbcOperations jdbc, IndicatorService indicators) {
    this.jdbc = jdbc;
    this.indicators = indicators;
  }

  /** The page, as IndicatorService.list answers it; a page past the end counts the total on its own. */
  @Transactional(readOnly = true)
  public Pages.Slice<IndicatorRow> list(IndicatorService.Filter filter, Pages.Page page) {
    long[] total = {-1};
    List<IndicatorRow> rows = jdbc.prepareStatement(SQL, (PreparedStatement st) -> {
      int p = 1;
      for (String value : new String[] {filter.block(), filter.themeGroup(), filter.source()}) {
        st.setString(p++, value);
        st.setString(p++, value);
      }
      st.setBoolean(p++, filter.showDeleted());
      st.setInt(p++, page.size());
      st.setInt(p, page.offset());
      List<IndicatorRow> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
          total[0] = rs.getLong(22);
        }
      }
      return out;
    });
    return total[0] < 0 ? indicators.list(filter, page) : page.slice(rows, total[0]);
  }

  private static IndicatorRow row(ResultSet rs) throws SQLException {
    return new IndicatorRow(rs.getLong(1), rs.getString(2), rs.getString(3), LaaBlock.valueOf(rs.getString(4)),
        rs.getString(5), rs.getString(6), rs.getString(7), Polarity.valueOf(rs.getString(8)),
        IndicatorSource.valueOf(rs.getString(9)), rs.getString(10), rs.getBoolean(11), rs.getBoolean(12),
        rs.getString(13), Frequency.valueOf(rs.getString(14)), rs.getInt(15), rs.getBigDecimal(16), rs.getString(17),
        instant(rs.getTimestamp(18)), instant(rs.getTimestamp(19)), instant(rs.getTimestamp(20)), rs.getLong(21));
  }

  /** A TIMESTAMPTZ column's value as an instant (null for NULL). */
  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
