package org.laasuite.funding.stream;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AllocationRepository extends CrudRepository<AllocationRow, Long> {

  List<AllocationRow> findByFinancialYear(String financialYear);

  Optional<AllocationRow> findByStreamIdAndFinancialYear(long streamId, String financialYear);

  @Query("SELECT * FROM allocation WHERE stream_id = :streamId ORDER BY financial_year LIMIT :limit OFFSET :offset")
  List<AllocationRow> page(long streamId, int limit, int offset);
}
