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
  public interface ImprovementPlanRepository extends CrudRepository<ImprovementPlan, Long> {
    Optional<ImprovementPlan> findByCode(String code);

    @Query("SELECT * FROM improvement_plan ORDER BY code LIMIT :limit OFFSET :offset")
    List<ImprovementPlan> page(int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface ImprovementItemRepository extends CrudRepository<ImprovementItem, Long> {
    List<ImprovementItem> findByPlanIdInOrderByPosition(Collection<Long> planIds);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface RiskRepository extends CrudRepository<Risk, Long> {
    @Query("SELECT * FROM risk ORDER BY position LIMIT :limit OFFSET :offset")
    List<Risk> page(int limit, int offset);
  }
}
