package org.laasuite.indicators.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.testkit.OwnDatabaseTest;

/**
 * The plan of the report statement on a table of many figures (60,000 outturns of 60 indicators over 200 months):
 * each indicator's outturns read through an index, never a scan of the table or a sort of it, whether one report is
 * asked or forty. The planner's own choice, with nothing disabled.
 */
@MicronautTest(transactional = false)
class ReportPlanTest extends OwnDatabaseTest {

  @BeforeAll
  void manyFigures() throws Exception {
    db.execute("""
        INSERT INTO area (code, title, type) SELECT 'area-' || g, 'Area ' || g,
          CASE WHEN g = 1 THEN 'AREA_TYPE_CITY' ELSE 'AREA_TYPE_WARD' END FROM generate_series(1, 5) g""", """
        INSERT INTO period (code, type, start_date, end_date, label)
        SELECT 'm-' || g, 'PERIOD_TYPE_MONTH', (DATE '1990-01-01' + make_interval(months => g))::date,
          (DATE '1990-01-01' + make_interval(months => g + 1) - INTERVAL '1 day')::date, 'Month ' || g
        FROM generate_series(0, 199) g""", """
        INSERT INTO indicator (code, title, block, polarity, source, frequency, create_time, update_time)
        SELECT 'PLAN-' || g, 'Plan ' || g, 'LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE', 'POLARITY_HIGHER_IS_BETTER',
          'INDICATOR_SOURCE_LOCAL', 'FREQUENCY_MONTHLY', now(), now() FROM generate_series(1, 60) g""", """
        INSERT INTO outturn (indicator_id, period_id, area_id, figure_value, figure_comparator, figure_status,
          figure_original_text, status, create_time, revision, current, state, publish_time)
        SELECT i.id, p.id, a.id, 1, 'COMPARATOR_EQUAL', 'FIGURE_STATUS_VALUE', '1', 'OUTTURN_STATUS_FINAL', now(), 1,
          TRUE, 'PUBLICATION_STATE_PUBLISHED', now()
        FROM indicator i, period p, area a""", "VACUUM ANALYZE");
  }

  private String plan(int indicators, boolean latest) throws Exception {
    try (Connection c = db.connect()) {
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM indicator ORDER BY id LIMIT "
          + indicators)) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      try (PreparedStatement st = c.prepareStatement("EXPLAIN " + ReportFigures.SQL)) {
        ReportFigures.bind(st, latest ? ids : List.of(), ids, ReportService.DEFAULT_OUTTURN_PERIODS);
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.append(rs.getString(1)).append('\n');
          }
        }
        return out.toString();
      }
    }
  }

  @Test
  void eachIndicatorsOutturnsAreReadThroughAnIndexWhateverTheNumberAsked() throws Exception {
    for (int n : new int[] {1, 40}) {
      for (boolean latest : new boolean[] {false, true}) {
        String plan = plan(n, latest);
        assertFalse(plan.contains("Seq Scan on outturn"), n + " reports, latest " + latest + ":\n" + plan);
        assertFalse(plan.contains("Parallel"), plan);
        assertTrue(plan.lines().filter(l -> l.contains(" on outturn ")).allMatch(l -> l.contains("Index Scan using ")
            || l.contains("Index Only Scan using ") || l.contains("Bitmap Heap Scan")), plan);
      }
    }
  }
}
