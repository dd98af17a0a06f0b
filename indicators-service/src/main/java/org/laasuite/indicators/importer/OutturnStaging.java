package org.laasuite.indicators.importer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.indicators.entry.Entries;
import org.laasuite.indicators.figure.FigureValue;
import org.laasuite.indicators.measure.OutturnRevisionRow;
import org.laasuite.indicators.v1.PublicationState;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The accepted rows of one import, staged with {@code COPY} into a temporary table of the import's transaction and
 * written from there in a few set-based statements. The table is temporary (not an unlogged table shared by
 * imports) because the whole import is one transaction on one connection: nothing staged outlives it, a cancelled
 * or failed import leaves nothing behind to sweep, and no other import can see or lock its rows.
 *
 * <p>What the statements write is what writing the rows one by one with {@code MeasureService.record} would:
 * each row is the next revision of its indicator, period and area (rows of one key in the order they came, the
 * last one current), and each entry written is opened once as {@code Entries.open} opens it (locked, made if
 * missing, its version moved on by one per row), or made published where missing when the import publishes.
 */
final class OutturnStaging {

  /** Rows are sent to COPY in chunks of about this many characters. */
  private static final int CHUNK = 1 << 16;
  private static final String DRAFT = PublicationState.PUBLICATION_STATE_DRAFT.name();
  private static final String PUBLISHED = PublicationState.PUBLICATION_STATE_PUBLISHED.name();
  private static final String RETURNED = PublicationState.PUBLICATION_STATE_RETURNED.name();

  private final Connection connection;
  private final StringBuilder chunk = new StringBuilder(CHUNK + 4096);
  private CopyIn copy;
  private long staged;

  /** Creates the staging table, dropped when the transaction on {@code connection} ends. */
  OutturnStaging(Connection connection) {
    this.connection = connection;
    execute("""
        CREATE TEMPORARY TABLE outturn_import (
          ord                    BIGINT NOT NULL,
          indicator_id           BIGINT NOT NULL,
          period_id              BIGINT NOT NULL,
          data_period_id         BIGINT,
          area_id                BIGINT NOT NULL,
          figure_value           NUMERIC,
          figure_comparator      TEXT NOT NULL,
          figure_due_year        INTEGER NOT NULL,
          figure_cumulative      BOOLEAN NOT NULL,
          figure_secondary_value NUMERIC,
          figure_status          TEXT NOT NULL,
          figure_original_text   TEXT NOT NULL,
          status                 TEXT NOT NULL,
          source                 TEXT NOT NULL,
          note                   TEXT NOT NULL,
          submitted_by           TEXT NOT NULL
        ) ON COMMIT DROP""");
  }

  long staged() {
    return staged;
  }

  /** Stages an accepted row (its ids found); {@code ord} orders the rows of one key. */
  void add(long ord, OutturnRevisionRow o) {
    FigureValue f = o.figure();
    StringBuilder b = chunk;
    b.append(ord).append('\t').append(o.indicatorId()).append('\t').append(o.periodId()).append('\t');
    number(b, o.dataPeriodId()).append('\t').append(o.areaId()).append('\t');
    number(b, f.value()).append('\t').append(f.comparator().name()).append('\t').append(f.dueYear()).append('\t')
        .append(f.cumulative() ? 't' : 'f').append('\t');
    number(b, f.secondaryValue()).append('\t').append(f.status().name()).append('\t');
    text(b, f.originalText()).append('\t').append(o.status().name()).append('\t');
    text(b, o.source()).append('\t');
    text(b, o.note()).append('\t');
    text(b, o.submittedBy()).append('\n');
    staged++;
    if (b.length() >= CHUNK) {
      send();
    }
  }

  private static StringBuilder number(StringBuilder b, Object n) {
    return n == null ? b.append("\\N") : b.append(n instanceof BigDecimal d ? d.toPlainString() : n.toString());
  }

  /** Text in COPY's text format: backslash, tab, newline and carriage return escaped. */
  private static StringBuilder text(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b;
  }

  /** Sends the chunk to COPY, starting one if none is open. */
  private void send() {
    if (chunk.isEmpty()) {
      return;
    }
    try {
      if (copy == null) {
        copy = copyApi().copyIn("COPY outturn_import FROM STDIN");
      }
      byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      chunk.setLength(0);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Ends the COPY under way, if one is, so that the connection can run other statements. */
  void pause() {
    send();
    if (copy != null) {
      try {
        copy.endCopy();
      } catch (SQLException e) {
        throw failed(e);
      } finally {
        copy = null;
      }
    }
  }

  /** Abandons the COPY under way (the transaction is rolled back after). */
  void abandon() {
    chunk.setLength(0);
    if (copy != null && copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException e) {
        // the rollback that follows discards it anyway
      }
    }
    copy = null;
  }

  /**
   * Writes the staged rows: entries opened (or made published when {@code publish}), the current revisions of
   * their keys superseded, the rows inserted as the next revisions; {@code who} is the submitter of rows that name
   * none. FAILED_PRECONDITION (ENTRY_LOCKED) while an entry written is submitted or approved, as for one write.
   */
  void apply(boolean publish, String who, Instant at) {
    pause();
    OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    // Sorts and hashes over the staged rows stay in memory as long as they reasonably can.
    execute("SET LOCAL work_mem = '64MB'");
    execute("""
        CREATE TEMPORARY TABLE outturn_import_key ON COMMIT DROP AS
        SELECT indicator_id, period_id, area_id, count(*) AS rows, min(ord) AS first FROM outturn_import
        GROUP BY 1, 2, 3""");
    execute("""
        CREATE TEMPORARY TABLE outturn_import_entry ON COMMIT DROP AS
        SELECT indicator_id, period_id, sum(rows) AS rows, min(first) AS first FROM outturn_import_key GROUP BY 1, 2""");
    execute("ANALYZE outturn_import_key, outturn_import_entry");
    openEntries(publish, who, when);
    execute("""
        CREATE TEMPORARY TABLE outturn_import_previous (
          id BIGINT, revision INTEGER, indicator_id BIGINT, period_id BIGINT, area_id BIGINT) ON COMMIT DROP""");
    update("""
        WITH superseded AS (
          UPDATE outturn o SET current = FALSE FROM outturn_import_key k
          WHERE o.indicator_id = k.indicator_id AND o.period_id = k.period_id AND o.area_id = k.area_id AND o.current
          RETURNING o.id, o.revision, o.indicator_id, o.period_id, o.area_id)
        INSERT INTO outturn_import_previous SELECT * FROM superseded""");
    execute("ANALYZE outturn_import_previous");
    // What every row takes from the write (bound once here: COPY of a query takes no parameters).
    execute("""
        CREATE TEMPORARY TABLE outturn_import_write (
          who TEXT, at TIMESTAMPTZ, state TEXT, publish_time TIMESTAMPTZ) ON COMMIT DROP""");
    update("INSERT INTO outturn_import_write VALUES (?, ?, ?, ?)", who, when, publish ? PUBLISHED : null,
        publish ? when : null);
    String rows = """
        SELECT n.indicator_id, n.period_id, n.data_period_id, n.area_id, n.figure_value, n.figure_comparator,
          n.figure_due_year, n.figure_cumulative, n.figure_secondary_value, n.figure_status, n.figure_original_text,
          n.status, NULL, n.source, n.note, CASE WHEN n.submitted_by = '' THEN w.who ELSE n.submitted_by END, w.at,
          %s, coalesce(w.state, e.state), w.publish_time
        FROM %s n CROSS JOIN outturn_import_write w JOIN entry e USING (indicator_id, period_id)
        LEFT JOIN outturn_import_previous p USING (indicator_id, period_id, area_id)""";
    if (queryLong("SELECT count(*) FROM outturn_import_key WHERE rows > 1") == 0) {
      copyOver(rows.formatted("coalesce(p.revision, 0) + 1, p.id, TRUE", "outturn_import"));
    } else {
      // Rows of one key are its next revisions in the order they came: ids drawn in that order (a temporary table
      // is read from its first block), each row superseding the one before it, the last one current.
      String ids = "nextval(" + literal(queryText("SELECT pg_get_serial_sequence('outturn', 'id')")) + "::regclass)";
      update("INSERT INTO outturn (id, " + COLUMNS + ") OVERRIDING SYSTEM VALUE SELECT n.id, " + rows.substring(
          rows.indexOf("SELECT ") + 7).formatted("coalesce(p.revision, 0) + n.nth, coalesce(n.before, p.id), n.last",
          """
          (SELECT s.*, row_number() OVER k AS nth, lag(s.id) OVER k AS before, lead(s.id) OVER k IS NULL AS last
           FROM (SELECT %s AS id, * FROM outturn_import) s
           WINDOW k AS (PARTITION BY indicator_id, period_id, area_id ORDER BY ord))""".formatted(ids)));
    }
  }

  /** The columns of outturn an import writes, but its id. */
  private static final String COLUMNS = """
      indicator_id, period_id, data_period_id, area_id, figure_value, figure_comparator, figure_due_year,
      figure_cumulative, figure_secondary_value, figure_status, figure_original_text, status, coverage, source, note,
      submitted_by, create_time, revision, supersedes_id, current, state, publish_time""";
  /** Blocks of the staging table (8 KiB each) copied over at a time: what the import holds of them in memory. */
  private static final int COPY_BLOCKS = 256;

  /**
   * Inserts the rows {@code query} selects from the staging table with COPY, a range of its blocks at a time
   * (COPY of a query goes out and back: COPY writes many rows a page, where INSERT ... SELECT writes one by one).
   */
  private void copyOver(String query) {
    long blocks = queryLong("SELECT pg_relation_size('outturn_import') / current_setting('block_size')::int");
    var api = copyApi();
    var chunk = new java.io.ByteArrayOutputStream(COPY_BLOCKS * 8192);
    try {
      for (long b = 0; b < blocks; b += COPY_BLOCKS) {
        chunk.reset();
        api.copyOut("COPY (" + query + " WHERE n.ctid >= '(" + b + ",0)' AND n.ctid < '(" + (b + COPY_BLOCKS)
            + ",0)') TO STDOUT", chunk);
        api.copyIn("COPY outturn (" + COLUMNS + ") FROM STDIN",
            new java.io.ByteArrayInputStream(chunk.toByteArray()));
      }
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("outturn import: " + e.getMessage(), e);
    }
  }

  private org.postgresql.copy.CopyManager copyApi() {
    try {
      return connection.unwrap(PGConnection.class).getCopyAPI();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** A string as an SQL literal. */
  private String literal(String s) {
    try {
      return "'" + org.postgresql.core.Utils.escapeLiteral(null, s, true) + "'";
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * Opens each entry written as {@code Entries.open} does (or makes it published where missing when {@code
   * publish}), under its row lock.
   */
  private void openEntries(boolean publish, String who, OffsetDateTime when) {
    update("""
        INSERT INTO entry (indicator_id, period_id, state, update_time, update_by)
        SELECT indicator_id, period_id, ?, ?, ? FROM outturn_import_entry ORDER BY indicator_id, period_id
        ON CONFLICT (indicator_id, period_id) DO NOTHING""", PUBLISHED, when, publish ? "" : who);
    // Each entry under its row lock, taken in one order so that two imports cannot deadlock.
    execute("""
        SELECT count(*) FROM (SELECT e.id FROM entry e JOIN outturn_import_entry k USING (indicator_id, period_id)
        ORDER BY e.id FOR UPDATE OF e) locked""");
    if (!publish) {
      refuseLocked();
      update("""
          INSERT INTO entry_step (entry_id, state, by_whom, step_time, reason)
          SELECT e.id, ?, ?, ?, '' FROM entry e JOIN outturn_import_entry k USING (indicator_id, period_id)
          WHERE e.state = ? ORDER BY k.first""", DRAFT, who, when, PUBLISHED);
      update("""
          UPDATE entry e SET state = CASE WHEN e.state = ? THEN e.state ELSE ? END,
            return_reason = CASE WHEN e.state = ? THEN e.return_reason ELSE '' END,
            version = e.version + k.rows, update_time = ?, update_by = ?
          FROM outturn_import_entry k WHERE e.indicator_id = k.indicator_id AND e.period_id = k.period_id""",
          RETURNED, DRAFT, RETURNED, when, who);
    }
  }

  private long queryLong(String sql) {
    return Long.parseLong(queryText(sql));
  }

  private String queryText(String sql) {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** ENTRY_LOCKED for the first entry (in the rows' order) that is submitted or approved. */
  private void refuseLocked() {
    try (PreparedStatement ps = connection.prepareStatement("""
        SELECT i.code, p.code, e.state FROM entry e JOIN outturn_import_entry k USING (indicator_id, period_id)
        JOIN indicator i ON i.id = e.indicator_id JOIN period p ON p.id = e.period_id
        WHERE e.state IN (?, ?) ORDER BY k.first LIMIT 1""")) {
      ps.setString(1, PublicationState.PUBLICATION_STATE_SUBMITTED.name());
      ps.setString(2, PublicationState.PUBLICATION_STATE_APPROVED.name());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          throw new ApiException(io.grpc.Status.Code.FAILED_PRECONDITION, "ENTRY_LOCKED",
              Entries.of(rs.getString(1), rs.getString(2)) + " is "
                  + Entries.words(PublicationState.valueOf(rs.getString(3)))
                  + ": it must be returned before its figures change", List.of());
        }
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private void execute(String sql) {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private int update(String sql, Object... parameters) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static RuntimeException failed(SQLException e) {
    return new IllegalStateException("outturn import: " + e.getMessage(), e);
  }
}
