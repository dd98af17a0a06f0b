package org.laasuite.partnership.plan;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public final class PlanRepositories {

  private PlanRepositories() {
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface ImprovementPlanRepository extends CrudRepository<ImprovementPlanRow, Long> {
    Optional<ImprovementPlanRow> findByCode(String code);

    @Query("SELECT * FROM improvement_plan ORDER BY code LIMIT :limit OFFSET :offset")
    List<ImprovementPlanRow> page(int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface ImprovementItemRepository extends CrudRepository<ImprovementItemRow, Long> {
    List<ImprovementItemRow> findByPlanIdInOrderByPosition(Collection<Long> planIds);

    /** The item, its row locked until the transaction ends: what an update reads. */
    @Query("SELECT * FROM improvement_item WHERE id = :id FOR UPDATE")
    Optional<ImprovementItemRow> lockById(long id);

    boolean existsByPlanIdAndRef(long planId, String ref);

    List<ImprovementItemRow> findByPlanIdAndAreaRef(long planId, String areaRef);

    @Query("SELECT COALESCE(MAX(position) + 1, 0) FROM improvement_item WHERE plan_id = :planId")
    int nextPosition(long planId);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface ProgressNoteRepository extends CrudRepository<ProgressNoteRow, Long> {
    List<ProgressNoteRow> findByItemIdInOrderById(Collection<Long> itemIds);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface RiskRepository extends CrudRepository<RiskRow, Long> {
    @Query("SELECT * FROM risk ORDER BY position LIMIT :limit OFFSET :offset")
    List<RiskRow> page(int limit, int offset);

    Optional<RiskRow> findByCode(String code);

    /** The risk, its row locked until the transaction ends: what an update reads. */
    @Query("SELECT * FROM risk WHERE code = :code FOR UPDATE")
    Optional<RiskRow> lockByCode(String code);

    @Query("SELECT COALESCE(MAX(position) + 1, 0) FROM risk")
    int nextPosition();
  }
}
