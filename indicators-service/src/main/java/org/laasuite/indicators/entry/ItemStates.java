package org.laasuite.indicators.entry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;

/**
 * Moves an entry's pending revisions with it: the latest outturn of each area, and the narrative and judgement
 * written since the last published ones. {@code publishTime} is set with PUBLISHED and null otherwise.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ItemStates extends GenericRepository<EntryRow, Long> {

  @Query("""
      UPDATE outturn SET state = :state, publish_time = CAST(:publishTime AS TIMESTAMPTZ)
      WHERE indicator_id = :indicatorId AND period_id = :periodId AND current AND publish_time IS NULL""")
  int moveOutturns(long indicatorId, long periodId, String state, @Nullable Instant publishTime);

  @Query("""
      UPDATE narrative SET state = :state, publish_time = CAST(:publishTime AS TIMESTAMPTZ) WHERE id = (
        SELECT max(id) FROM narrative n WHERE n.indicator_id = :indicatorId AND n.period_id = :periodId
        AND n.publish_time IS NULL AND n.id > (SELECT coalesce(max(id), 0) FROM narrative p
          WHERE p.indicator_id = :indicatorId AND p.period_id = :periodId AND p.publish_time IS NOT NULL))""")
  int moveNarrative(long indicatorId, long periodId, String state, @Nullable Instant publishTime);

  @Query("""
      UPDATE recorded_judgement SET state = :state, publish_time = CAST(:publishTime AS TIMESTAMPTZ) WHERE id = (
        SELECT max(id) FROM recorded_judgement j WHERE j.indicator_id = :indicatorId AND j.period_id = :periodId
        AND j.publish_time IS NULL AND j.id > (SELECT coalesce(max(id), 0) FROM recorded_judgement p
          WHERE p.indicator_id = :indicatorId AND p.period_id = :periodId AND p.publish_time IS NOT NULL))""")
  int moveJudgement(long indicatorId, long periodId, String state, @Nullable Instant publishTime);
}
