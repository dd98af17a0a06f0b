package org.laasuite.indicators.period;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PeriodRepository extends CrudRepository<PeriodRow, Long> {

  Optional<PeriodRow> findByCode(String code);

  List<PeriodRow> findByCodeIn(Collection<String> codes);

  List<PeriodRow> findByIdIn(Collection<Long> ids);

  @Query("SELECT * FROM period ORDER BY start_date, end_date, code")
  List<PeriodRow> listInOrder();

  @Query("SELECT * FROM period ORDER BY start_date, end_date, code LIMIT :limit OFFSET :offset")
  List<PeriodRow> page(int limit, int offset);
}
