package org.laasuite.indicators.period;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PeriodRepository extends CrudRepository<Period, Long> {

  Optional<Period> findByCode(String code);

  List<Period> findByCodeIn(Collection<String> codes);

  List<Period> findByIdIn(Collection<Long> ids);

  @Query("SELECT * FROM period ORDER BY start_date, end_date, code")
  List<Period> listInOrder();

  @Query("SELECT * FROM period ORDER BY start_date, end_date, code LIMIT :limit OFFSET :offset")
  List<Period> page(int limit, int offset);
}
