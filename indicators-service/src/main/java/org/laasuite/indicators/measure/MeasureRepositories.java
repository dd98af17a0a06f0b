package org.laasuite.indicators.measure;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The repositories of an indicator's measures; each reads many indicators in one statement. */
public final class MeasureRepositories {

  private MeasureRepositories() {
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface BaselineRepository extends CrudRepository<BaselineRow, Long> {
    List<BaselineRow> findByIndicatorIdInOrderById(Collection<Long> indicatorIds);

    @Query("SELECT * FROM baseline WHERE indicator_id = :indicatorId ORDER BY id LIMIT :limit OFFSET :offset")
    List<BaselineRow> page(long indicatorId, int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface TargetRepository extends CrudRepository<TargetRow, Long> {
    List<TargetRow> findByIndicatorIdInOrderById(Collection<Long> indicatorIds);

    boolean existsByIndicatorIdAndPeriodIdAndAreaId(long indicatorId, long periodId, long areaId);

    @Query("""
        SELECT t.* FROM target t JOIN period p ON p.id = t.period_id
        WHERE t.indicator_id = :indicatorId ORDER BY p.start_date, p.end_date, t.id LIMIT :limit OFFSET :offset""")
    List<TargetRow> page(long indicatorId, int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface OutturnRepository extends CrudRepository<OutturnRevisionRow, Long> {
    List<OutturnRevisionRow> findByIndicatorIdInAndCurrentTrueOrderById(Collection<Long> indicatorIds);

    /** The latest published revision of each period and area's outturn of the indicators. */
    @Query("""
        SELECT DISTINCT ON (indicator_id, period_id, area_id) * FROM outturn
        WHERE indicator_id IN (:indicatorIds) AND publish_time IS NOT NULL
        ORDER BY indicator_id, period_id, area_id, revision DESC""")
    List<OutturnRevisionRow> publishedOf(Collection<Long> indicatorIds);

    /** The current revision, locked so that two corrections cannot both supersede it. */
    @Query("""
        SELECT * FROM outturn WHERE indicator_id = :indicatorId AND period_id = :periodId AND area_id = :areaId
        AND current FOR UPDATE""")
    Optional<OutturnRevisionRow> findCurrentForUpdate(long indicatorId, long periodId, long areaId);

    @Query("UPDATE outturn SET current = FALSE WHERE id = :id")
    void markSuperseded(long id);

    @Query("""
        SELECT o.* FROM outturn o JOIN period p ON p.id = o.period_id
        WHERE o.indicator_id = :indicatorId AND (:latest AND (o.current OR :showSuperseded)
          OR NOT :latest AND o.publish_time IS NOT NULL AND (:showSuperseded OR NOT EXISTS (SELECT 1 FROM outturn n
            WHERE n.indicator_id = o.indicator_id AND n.period_id = o.period_id AND n.area_id = o.area_id
            AND n.publish_time IS NOT NULL AND n.revision > o.revision)))
        ORDER BY p.start_date, p.end_date, o.area_id, o.revision LIMIT :limit OFFSET :offset""")
    List<OutturnRevisionRow> page(long indicatorId, boolean showSuperseded, boolean latest, int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface NarrativeRepository extends CrudRepository<NarrativeRow, Long> {
    List<NarrativeRow> findByIndicatorIdInOrderById(Collection<Long> indicatorIds);

    List<NarrativeRow> findByIndicatorIdInAndPublishTimeIsNotNullOrderById(Collection<Long> indicatorIds);

    @Query("""
        SELECT * FROM narrative WHERE indicator_id = :indicatorId AND (:latest OR publish_time IS NOT NULL)
        ORDER BY id LIMIT :limit OFFSET :offset""")
    List<NarrativeRow> page(long indicatorId, boolean latest, int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface RecordedJudgementRepository extends CrudRepository<RecordedJudgementRow, Long> {
    List<RecordedJudgementRow> findByIndicatorIdInOrderById(Collection<Long> indicatorIds);

    List<RecordedJudgementRow> findByIndicatorIdInAndPublishTimeIsNotNullOrderById(Collection<Long> indicatorIds);

    @Query("""
        SELECT * FROM recorded_judgement WHERE indicator_id = :indicatorId AND (:latest OR publish_time IS NOT NULL)
        ORDER BY id LIMIT :limit OFFSET :offset""")
    List<RecordedJudgementRow> page(long indicatorId, boolean latest, int limit, int offset);
  }
}
