package org.laasuite.funding.lpsa;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LpsaTargetRepository extends CrudRepository<LpsaTargetRow, Long> {

  Optional<LpsaTargetRow> findByCode(String code);

  boolean existsByCode(String code);

  @Query("SELECT * FROM lpsa_target ORDER BY indicator, code LIMIT :limit OFFSET :offset")
  List<LpsaTargetRow> page(int limit, int offset);
}
