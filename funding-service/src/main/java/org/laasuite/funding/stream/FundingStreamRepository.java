package org.laasuite.funding.stream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FundingStreamRepository extends CrudRepository<FundingStreamRow, Long> {

  Optional<FundingStreamRow> findByCode(String code);

  /** The stream, its row locked until the transaction ends: what an update or delete reads. */
  @Query("SELECT * FROM funding_stream WHERE code = :code FOR UPDATE")
  Optional<FundingStreamRow> lockByCode(String code);

  List<FundingStreamRow> findByIdIn(Collection<Long> ids);

  boolean existsByCode(String code);

  @Query("""
      SELECT * FROM funding_stream
      WHERE (CAST(:block AS TEXT) IS NULL OR block = :block)
        AND (CAST(:arrangement AS TEXT) IS NULL OR arrangement = :arrangement)
        AND (CAST(:programme AS TEXT) IS NULL OR programme = :programme)
      ORDER BY arrangement, block, position, code LIMIT :limit OFFSET :offset""")
  List<FundingStreamRow> search(@Nullable String block, @Nullable String arrangement, @Nullable String programme,
      int limit, int offset);

  @Query("SELECT * FROM funding_stream ORDER BY position, code")
  List<FundingStreamRow> listInOrder();
}
