package org.laasuite.indicators.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.figure.FigureValue;
import org.laasuite.indicators.measure.BaselineRow;
import org.laasuite.indicators.measure.NarrativeRow;
import org.laasuite.indicators.measure.OutturnRevisionRow;
import org.laasuite.indicators.measure.RecordedJudgementRow;
import org.laasuite.indicators.measure.References.Lookup;
import org.laasuite.indicators.measure.TargetRow;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.AreaType;
import org.laasuite.indicators.v1.ComparatorGroupKind;
import org.laasuite.indicators.v1.Comparator;
import org.laasuite.indicators.v1.FigureStatus;
import org.laasuite.indicators.v1.OutturnStatus;
import org.laasuite.indicators.v1.PeriodType;
import org.laasuite.indicators.v1.PublicationState;
import org.laasuite.indicators.v1.Rating;

/**
 * What the reports of some indicators show, in one statement whatever their number: each one's baselines and
 * targets, the outturns of its latest periods, its latest narrative and recorded judgement, its comparator figures
 * with their groups, how many outturns of
 * earlier periods it leaves out, and only the areas and periods these name. The rows come back in one fixed shape
 * (a kind, then columns each kind uses in its own way) and are mapped by column index, not by name.
 */
@Singleton
class ReportFigures {

  /**
   * Per indicator (in the order asked; those in the second array with their latest revisions, the others with what
   * is published): its latest {@code ?} periods with outturns, with how many outturns each shows and how many all its
   * periods show (the difference: those left out); the outturns of those periods; its latest narrative and judgement
   * by period then id; its baselines and targets. Every LATERAL reads one indicator (and one period) through an
   * index, so the plan does not change with the size of the tables; finding the latest periods reads the indicator's
   * outturn index entries (index only), nothing of other indicators.
   */
  static final String SQL = """
      WITH asked AS (
        SELECT u.id AS indicator_id, u.id = ANY (?) AS latest FROM unnest(?::bigint[]) AS u(id)
      ), periods_of AS (
        -- Each indicator's latest periods with outturns, one more than shown to tell whether there are earlier ones:
        -- the periods walked from the latest back (period_order), each probed for a figure, stopping at the limit,
        -- so the cost is the periods looked at, never the figures stored.
        SELECT a.indicator_id, a.latest, r.period_id,
               row_number() OVER (PARTITION BY a.indicator_id ORDER BY r.start_date DESC, r.end_date DESC,
                 r.period_id DESC) AS nth
        FROM asked a
        CROSS JOIN LATERAL (
          SELECT p.id AS period_id, p.start_date, p.end_date FROM period p
          WHERE EXISTS (SELECT 1 FROM outturn o WHERE NOT a.latest AND o.indicator_id = a.indicator_id
                          AND o.period_id = p.id AND o.publish_time IS NOT NULL)
             OR EXISTS (SELECT 1 FROM outturn o WHERE a.latest AND o.indicator_id = a.indicator_id
                          AND o.period_id = p.id AND o.current)
          ORDER BY p.start_date DESC, p.end_date DESC, p.id DESC LIMIT ? + 1) r
      ), shown AS (
        SELECT o.* FROM periods_of s
        CROSS JOIN LATERAL (
          (SELECT DISTINCT ON (o.area_id) o.* FROM outturn o
           WHERE NOT s.latest AND o.indicator_id = s.indicator_id AND o.period_id = s.period_id
             AND o.publish_time IS NOT NULL
           ORDER BY o.area_id, o.revision DESC)
          UNION ALL
          (SELECT o.* FROM outturn o
           WHERE s.latest AND o.indicator_id = s.indicator_id AND o.period_id = s.period_id AND o.current)) o
        WHERE s.nth <= ?
      ), narratives AS (
        SELECT n.* FROM asked a
        CROSS JOIN LATERAL (SELECT n.* FROM narrative n JOIN period p ON p.id = n.period_id
          WHERE n.indicator_id = a.indicator_id AND (a.latest OR n.publish_time IS NOT NULL)
          ORDER BY p.start_date DESC, p.end_date DESC, n.id DESC LIMIT 1) n
      ), judgements AS (
        SELECT j.* FROM asked a
        CROSS JOIN LATERAL (SELECT j.* FROM recorded_judgement j JOIN period p ON p.id = j.period_id
          WHERE j.indicator_id = a.indicator_id AND (a.latest OR j.publish_time IS NOT NULL)
          ORDER BY p.start_date DESC, p.end_date DESC, j.id DESC LIMIT 1) j
      ), baselines AS (
        SELECT b.* FROM asked a CROSS JOIN LATERAL (SELECT * FROM baseline b WHERE b.indicator_id = a.indicator_id) b
      ), targets AS (
        SELECT t.* FROM asked a CROSS JOIN LATERAL (SELECT * FROM target t WHERE t.indicator_id = a.indicator_id) t
      ), comparators AS (
        SELECT f.*, g.code AS group_code, g.title AS group_title, g.kind AS group_kind FROM asked a
        CROSS JOIN LATERAL (SELECT * FROM comparator_figure f WHERE f.indicator_id = a.indicator_id) f
        JOIN comparator_group g ON g.id = f.group_id
      )
      SELECT 'B' AS kind, indicator_id, id, period_id, CAST(NULL AS BIGINT) AS data_period_id, area_id,
             figure_value, figure_comparator, figure_due_year, figure_cumulative, figure_secondary_value,
             figure_status, figure_original_text, CAST(NULL AS TEXT) AS text2, CAST(NULL AS TEXT) AS text3,
             CAST(NULL AS TEXT) AS text4, CAST(NULL AS TEXT) AS text5, CAST(NULL AS TEXT) AS state,
             CAST(NULL AS NUMERIC) AS coverage, create_time, CAST(NULL AS TIMESTAMPTZ) AS publish_time,
             CAST(NULL AS INTEGER) AS revision, CAST(NULL AS BIGINT) AS supersedes_id, CAST(NULL AS BOOLEAN) AS current,
             CAST(NULL AS DATE) AS start_date, CAST(NULL AS DATE) AS end_date
      FROM baselines
      UNION ALL
      SELECT 'T', indicator_id, id, period_id, NULL, area_id, figure_value, figure_comparator, figure_due_year,
             figure_cumulative, figure_secondary_value, figure_status, figure_original_text, NULL, NULL, NULL, NULL,
             NULL, NULL, create_time, NULL, NULL, NULL, NULL, NULL, NULL
      FROM targets
      UNION ALL
      SELECT 'O', indicator_id, id, period_id, data_period_id, area_id, figure_value, figure_comparator,
             figure_due_year, figure_cumulative, figure_secondary_value, figure_status, figure_original_text, status,
             source, note, submitted_by, state, coverage, create_time, publish_time, revision, supersedes_id, current,
             NULL, NULL
      FROM shown
      UNION ALL
      SELECT 'N', indicator_id, id, period_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, achieved, next_steps,
             author, NULL, NULL, state, NULL, create_time, publish_time, NULL, NULL, NULL, NULL, NULL
      FROM narratives
      UNION ALL
      SELECT 'J', indicator_id, id, period_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, rating, reason,
             recorded_by, NULL, NULL, state, NULL, create_time, publish_time, NULL, NULL, NULL, NULL, NULL
      FROM judgements
      UNION ALL
      SELECT 'E', indicator_id, CAST(1 AS BIGINT), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM periods_of WHERE nth > ?
      UNION ALL
      SELECT 'C', indicator_id, id, period_id, NULL, local_area_id, figure_value, figure_comparator, figure_due_year,
             figure_cumulative, figure_secondary_value, figure_status, figure_original_text, group_code, group_title,
             group_kind, area, note, NULL, create_time, NULL, NULL, NULL, NULL, NULL, NULL
      FROM comparators
      UNION ALL
      SELECT 'A', NULL, id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, code, title, type, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM area WHERE id IN (SELECT area_id FROM baselines UNION SELECT area_id FROM targets
                             UNION SELECT area_id FROM shown UNION SELECT local_area_id FROM comparators)
      UNION ALL
      SELECT 'P', NULL, id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, code, label, type, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, start_date, end_date
      FROM period WHERE id IN (SELECT period_id FROM baselines UNION SELECT period_id FROM targets
                               UNION SELECT period_id FROM shown UNION SELECT data_period_id FROM shown
                               UNION SELECT period_id FROM narratives UNION SELECT period_id FROM judgements
                               UNION SELECT period_id FROM comparators)""";

  /** The orders the repositories gave before (published: by period and area; latest: by id), kept for stable sorts. */
  private static final java.util.Comparator<OutturnRevisionRow> BY_PERIOD_AND_AREA = java.util.Comparator
      .comparingLong(OutturnRevisionRow::periodId).thenComparingLong(OutturnRevisionRow::areaId);
  private static final java.util.Comparator<OutturnRevisionRow> BY_ID =
      java.util.Comparator.comparing(OutturnRevisionRow::id);

  private final JdbcOperations jdbc;

  ReportFigures(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** What the reports of some indicators show, each kind by indicator id. */
  record Figures(Map<Long, List<BaselineRow>> baselines, Map<Long, List<TargetRow>> targets,
      Map<Long, List<OutturnRevisionRow>> outturns, Map<Long, NarrativeRow> narratives,
      Map<Long, RecordedJudgementRow> judgements, Set<Long> earlierOutturns, Lookup lookup,
      Map<Long, List<Comparison>> comparators) {
  }

  /** A comparator figure as a report reads it: with its group's id, title and kind. */
  record Comparison(long id, long periodId, long localAreaId, String area, FigureValue figure, String note,
      String groupCode, String groupTitle, ComparatorGroupKind groupKind) {
  }

  /**
   * The figures of the indicators {@code ids}: of those in {@code latestFor} with their latest revisions, pending or
   * not, of the others with what is published; outturns of each one's latest {@code periods} periods only. Baselines
   * and targets come in id order, outturns of a period in area order (published) or id order (latest).
   */
  @Transactional(readOnly = true)
  public Figures of(Collection<Long> ids, Set<Long> latestFor, int periods) {
    return jdbc.prepareStatement(SQL, (PreparedStatement st) -> {
      bind(st, latestFor, ids, periods);
      Figures out = new Figures(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
          new java.util.HashSet<>(), new Lookup(new HashMap<>(), new HashMap<>()), new HashMap<>());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          read(rs, out);
        }
      }
      out.outturns().forEach((indicator, os) -> os.sort(latestFor.contains(indicator) ? BY_ID : BY_PERIOD_AND_AREA));
      out.baselines().values().forEach(bs -> bs.sort(java.util.Comparator.comparing(BaselineRow::id)));
      out.targets().values().forEach(ts -> ts.sort(java.util.Comparator.comparing(TargetRow::id)));
      return out;
    });
  }

  /** {@link #SQL}'s parameters: the indicators to read with their latest revisions, all of them, the periods shown. */
  static void bind(PreparedStatement st, Collection<Long> latestFor, Collection<Long> ids, int periods)
      throws SQLException {
    st.setArray(1, st.getConnection().createArrayOf("bigint", latestFor.toArray()));
    st.setArray(2, st.getConnection().createArrayOf("bigint", ids.toArray()));
    st.setInt(3, periods); // one more period looked for, to tell whether there are earlier ones
    st.setInt(4, periods); // the periods whose outturns are shown
    st.setInt(5, periods); // past them, the earlier ones
  }

  private static void read(ResultSet rs, Figures out) throws SQLException {
    long indicator = rs.getLong(2);
    switch (rs.getString(1)) {
      case "B" -> out.baselines().computeIfAbsent(indicator, k -> new ArrayList<>()).add(new BaselineRow(rs.getLong(3),
          indicator, nullableLong(rs, 4), rs.getLong(6), figure(rs), instant(rs, 20)));
      case "T" -> out.targets().computeIfAbsent(indicator, k -> new ArrayList<>()).add(new TargetRow(rs.getLong(3),
          indicator, rs.getLong(4), rs.getLong(6), figure(rs), instant(rs, 20)));
      case "O" -> out.outturns().computeIfAbsent(indicator, k -> new ArrayList<>()).add(new OutturnRevisionRow(
          rs.getLong(3), indicator, rs.getLong(4), nullableLong(rs, 5), rs.getLong(6), figure(rs),
          OutturnStatus.valueOf(rs.getString(14)), rs.getBigDecimal(19), rs.getString(15), rs.getString(16),
          rs.getString(17), instant(rs, 20), rs.getInt(22), nullableLong(rs, 23), rs.getBoolean(24),
          PublicationState.valueOf(rs.getString(18)), instant(rs, 21)));
      case "N" -> out.narratives().put(indicator, new NarrativeRow(rs.getLong(3), indicator, rs.getLong(4),
          rs.getString(13), rs.getString(14), rs.getString(15), instant(rs, 20),
          PublicationState.valueOf(rs.getString(18)), instant(rs, 21)));
      case "J" -> out.judgements().put(indicator, new RecordedJudgementRow(rs.getLong(3), indicator, rs.getLong(4),
          Rating.valueOf(rs.getString(13)), rs.getString(14), rs.getString(15), instant(rs, 20),
          PublicationState.valueOf(rs.getString(18)), instant(rs, 21)));
      case "E" -> out.earlierOutturns().add(indicator);
      case "C" -> out.comparators().computeIfAbsent(indicator, k -> new ArrayList<>()).add(new Comparison(
          rs.getLong(3), rs.getLong(4), rs.getLong(6), rs.getString(17), figure(rs), rs.getString(18), rs.getString(14),
          rs.getString(15), ComparatorGroupKind.valueOf(rs.getString(16))));
      case "A" -> out.lookup().areas().put(rs.getLong(3), new AreaRow(rs.getLong(3), rs.getString(13),
          rs.getString(14), AreaType.valueOf(rs.getString(15))));
      case "P" -> out.lookup().periods().put(rs.getLong(3), new PeriodRow(rs.getLong(3), rs.getString(13),
          PeriodType.valueOf(rs.getString(15)), rs.getObject(25, java.time.LocalDate.class),
          rs.getObject(26, java.time.LocalDate.class), rs.getString(14)));
      default -> throw new IllegalStateException("unknown kind of report row " + rs.getString(1));
    }
  }

  /** The figure_* columns (7 to 13) as a figure. */
  private static FigureValue figure(ResultSet rs) throws SQLException {
    BigDecimal value = rs.getBigDecimal(7);
    return new FigureValue(value, Comparator.valueOf(rs.getString(8)), rs.getInt(9), rs.getBoolean(10),
        rs.getBigDecimal(11), FigureStatus.valueOf(rs.getString(12)), rs.getString(13));
  }

  private static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
    return IndicatorPages.instant(rs.getTimestamp(column));
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
