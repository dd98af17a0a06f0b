package org.laasuite.indicators.indicator;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IndicatorRepository extends CrudRepository<IndicatorRow, Long> {

  Optional<IndicatorRow> findByCode(String code);

  /** The indicator, its row locked until the transaction ends: what an update or delete reads. */
  @Query("SELECT * FROM indicator WHERE code = :code FOR UPDATE")
  Optional<IndicatorRow> lockByCode(String code);

  List<IndicatorRow> findByCodeIn(Collection<String> codes);

  List<IndicatorRow> findByIdIn(Collection<Long> ids);

  boolean existsByCode(String code);

  /** Indicators whose code is {@code code} regardless of case (FZ-X and fz-x are one code): 0 or 1. */
  @Query("SELECT count(*) FROM indicator WHERE lower(code) = lower(:code)")
  long countWithCodeIgnoringCase(String code);

  /**
   * Filters that are null match everything; archived indicators only when {@code showDeleted}. Ordered by block, then naturally by code (CYP-2 before
   * CYP-10), the order of the partnership's own spreadsheet.
   */
  @Query("""
      SELECT * FROM indicator
      WHERE (CAST(:block AS TEXT) IS NULL OR block = :block)
        AND (CAST(:themeGroup AS TEXT) IS NULL OR theme_group = :themeGroup)
        AND (CAST(:source AS TEXT) IS NULL OR source = :source)
        AND (:showDeleted OR delete_time IS NULL)
      ORDER BY block, regexp_replace(code, '[0-9]+$', ''),
               CAST(NULLIF(substring(code FROM '([0-9]+)$'), '') AS NUMERIC) NULLS FIRST, code
      LIMIT :limit OFFSET :offset""")
  List<IndicatorRow> search(@Nullable String block, @Nullable String themeGroup, @Nullable String source,
      boolean showDeleted, int limit, int offset);

  @Query("""
      SELECT count(*) FROM indicator
      WHERE (CAST(:block AS TEXT) IS NULL OR block = :block)
        AND (CAST(:themeGroup AS TEXT) IS NULL OR theme_group = :themeGroup)
        AND (CAST(:source AS TEXT) IS NULL OR source = :source)
        AND (:showDeleted OR delete_time IS NULL)""")
  long countMatching(@Nullable String block, @Nullable String themeGroup, @Nullable String source,
      boolean showDeleted);

  /** How many figures of each kind the indicator has: what deleting it would lose. */
  @Query("""
      SELECT (SELECT count(*) FROM baseline WHERE indicator_id = :id) AS baselines,
             (SELECT count(*) FROM target WHERE indicator_id = :id) AS targets,
             (SELECT count(*) FROM outturn WHERE indicator_id = :id) AS outturns,
             (SELECT count(*) FROM narrative WHERE indicator_id = :id) AS narratives,
             (SELECT count(*) FROM recorded_judgement WHERE indicator_id = :id) AS judgements,
             (SELECT count(*) FROM comparator_figure WHERE indicator_id = :id) AS comparator_figures""")
  FigureCounts countFigures(long id);

  /** The figures of one indicator, by kind. */
  @Introspected
  record FigureCounts(long baselines, long targets, long outturns, long narratives, long judgements,
      long comparatorFigures) {
  }
}
