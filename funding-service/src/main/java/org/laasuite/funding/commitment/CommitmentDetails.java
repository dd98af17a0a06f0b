package org.laasuite.funding.commitment;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.funding.stream.FundingStreamRow;
import org.laasuite.funding.v1.AmountStatus;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.type.v1.LaaBlock;

/**
 * The amounts (by financial year), supports (by name) and streams of many commitments in one statement whatever their
 * number: the rows come back in one fixed shape (a kind, then columns each kind uses in its own way), ordered by kind,
 * commitment and the first text, and are mapped by column index.
 */
@Singleton
class CommitmentDetails {

  private static final String SQL = """
      WITH asked AS (SELECT id, stream_id FROM commitment WHERE id = ANY (?))
      SELECT 'A' AS kind, a.commitment_id, a.id, a.financial_year AS text1, a.status AS text2,
             a.original_text AS text3, CAST(NULL AS TEXT) AS text4, CAST(NULL AS TEXT) AS text5,
             CAST(NULL AS TEXT) AS text6, CAST(NULL AS TEXT) AS text7, CAST(NULL AS TEXT) AS text8,
             CAST(NULL AS TEXT) AS text9, a.pence AS number, CAST(NULL AS BOOLEAN) AS flag, CAST(NULL AS DATE) AS date1,
             CAST(NULL AS DATE) AS date2, CAST(NULL AS INTEGER) AS position, CAST(NULL AS TIMESTAMPTZ) AS time1,
             CAST(NULL AS TIMESTAMPTZ) AS time2
      FROM commitment_amount a WHERE a.commitment_id IN (SELECT id FROM asked)
      UNION ALL
      SELECT 'S', s.commitment_id, NULL, s.resource, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL
      FROM commitment_support s WHERE s.commitment_id IN (SELECT id FROM asked)
      UNION ALL
      SELECT 'F', NULL, f.id, f.code, f.title, f.funder, f.programme, f.block, f.arrangement, f.heading, f.conditions,
             f.note, f.version, f.previously_pooled, f.start_date, f.end_date, f.position, f.create_time, f.update_time
      FROM funding_stream f WHERE f.id IN (SELECT stream_id FROM asked)
      ORDER BY 1, 2, 4""";

  private final JdbcOperations jdbc;

  CommitmentDetails(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** What belongs to some commitments: amounts by financial year and supports by name, each by commitment id. */
  record Details(Map<Long, List<CommitmentAmountRow>> amounts, Map<Long, List<String>> supports,
      Map<Long, FundingStreamRow> streams) {
  }

  @Transactional(readOnly = true)
  public Details of(Collection<Long> commitmentIds) {
    Details out = new Details(new HashMap<>(), new HashMap<>(), new HashMap<>());
    if (commitmentIds.isEmpty()) {
      return out;
    }
    return jdbc.prepareStatement(SQL, (PreparedStatement st) -> {
      st.setArray(1, st.getConnection().createArrayOf("bigint", commitmentIds.toArray()));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          read(rs, out);
        }
      }
      return out;
    });
  }

  private static void read(ResultSet rs, Details out) throws SQLException {
    switch (rs.getString(1)) {
      case "A" -> {
        long pence = rs.getLong(13);
        Long amount = rs.wasNull() ? null : pence;
        out.amounts().computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new CommitmentAmountRow(rs.getLong(3),
            rs.getLong(2), rs.getString(4), amount, AmountStatus.valueOf(rs.getString(5)), rs.getString(6)));
      }
      case "S" -> out.supports().computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(rs.getString(4));
      case "F" -> out.streams().put(rs.getLong(3), new FundingStreamRow(rs.getLong(3), rs.getString(4),
          rs.getString(5), rs.getString(6), rs.getString(7), LaaBlock.valueOf(rs.getString(8)),
          Arrangement.valueOf(rs.getString(9)), rs.getBoolean(14), rs.getString(10), rs.getObject(15, LocalDate.class),
          rs.getObject(16, LocalDate.class), rs.getString(11), rs.getString(12), rs.getInt(17),
          instant(rs.getTimestamp(18)), instant(rs.getTimestamp(19)), rs.getLong(13)));
      default -> throw new IllegalStateException("unknown kind of commitment row " + rs.getString(1));
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
