package org.laasuite.indicators.comparator;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The repositories of comparator groups and figures. */
public final class ComparatorRepositories {

  private ComparatorRepositories() {
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface GroupRepository extends CrudRepository<ComparatorGroupRow, Long> {
    Optional<ComparatorGroupRow> findByCode(String code);

    List<ComparatorGroupRow> findByCodeIn(Collection<String> codes);

    List<ComparatorGroupRow> findByIdIn(Collection<Long> ids);

    @Query("SELECT * FROM comparator_group ORDER BY code LIMIT :limit OFFSET :offset")
    List<ComparatorGroupRow> page(int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface FigureRepository extends CrudRepository<ComparatorFigureRow, Long> {
    Optional<ComparatorFigureRow> findByIndicatorIdAndGroupIdAndPeriodIdAndArea(long indicatorId, long groupId,
        long periodId, String area);

    List<ComparatorFigureRow> findByIndicatorIdIn(Collection<Long> indicatorIds);

    /** Of one indicator, or of all when {@code indicatorId} is null: by indicator, group, period, area. */
    @Query("""
        SELECT f.* FROM comparator_figure f JOIN indicator i ON i.id = f.indicator_id
          JOIN comparator_group g ON g.id = f.group_id JOIN period p ON p.id = f.period_id
        WHERE (CAST(:indicatorId AS BIGINT) IS NULL OR f.indicator_id = :indicatorId)
        ORDER BY i.code, g.code, p.start_date, p.end_date, f.area, f.id LIMIT :limit OFFSET :offset""")
    List<ComparatorFigureRow> page(@io.micronaut.core.annotation.Nullable Long indicatorId, int limit, int offset);
  }
}
