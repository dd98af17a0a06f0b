package org.laasuite.indicators.area;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AreaRepository extends CrudRepository<AreaRow, Long> {

  Optional<AreaRow> findByCode(String code);

  List<AreaRow> findByCodeIn(Collection<String> codes);

  List<AreaRow> findByIdIn(Collection<Long> ids);

  List<AreaRow> listOrderByCode();

  @Query("SELECT * FROM area ORDER BY code LIMIT :limit OFFSET :offset")
  List<AreaRow> page(int limit, int offset);
}
