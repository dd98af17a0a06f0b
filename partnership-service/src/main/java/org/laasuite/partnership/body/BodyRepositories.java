package org.laasuite.partnership.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public final class BodyRepositories {

  private BodyRepositories() {
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface BodyRepository extends CrudRepository<BodyRow, Long> {
    Optional<BodyRow> findByCode(String code);

    List<BodyRow> findByCodeIn(Collection<String> codes);

    List<BodyRow> findByIdIn(Collection<Long> ids);

    @Query("""
        SELECT * FROM body WHERE (CAST(:type AS TEXT) IS NULL OR type = :type) ORDER BY code
        LIMIT :limit OFFSET :offset""")
    List<BodyRow> page(@Nullable String type, int limit, int offset);

    @Query("SELECT * FROM body ORDER BY code")
    List<BodyRow> listAll();
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface MembershipRepository extends CrudRepository<MembershipRow, Long> {
    List<MembershipRow> findByBodyIdInOrderById(Collection<Long> bodyIds);

    List<MembershipRow> findByPersonIdOrderById(long personId);

    List<MembershipRow> findByPersonIdInOrderById(Collection<Long> personIds);

    boolean existsByBodyIdAndPersonId(long bodyId, long personId);

    @Query("""
        SELECT * FROM membership WHERE (CAST(:bodyId AS BIGINT) IS NULL OR body_id = :bodyId)
          AND (CAST(:personId AS BIGINT) IS NULL OR person_id = :personId)
        ORDER BY id LIMIT :limit OFFSET :offset""")
    List<MembershipRow> page(@Nullable Long bodyId, @Nullable Long personId, int limit, int offset);

    @Query("SELECT * FROM membership ORDER BY id")
    List<MembershipRow> listAll();
  }
}
