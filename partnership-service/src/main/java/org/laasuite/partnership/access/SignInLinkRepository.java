package org.laasuite.partnership.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SignInLinkRepository extends CrudRepository<SignInLinkRow, Long> {

  @Query("SELECT * FROM sign_in_link WHERE issuer = :issuer AND subject = :subject AND subject <> ''")
  Optional<SignInLinkRow> bySubject(String issuer, String subject);

  @Query("SELECT * FROM sign_in_link WHERE issuer = :issuer AND lower(email) = lower(:email) AND email <> ''")
  Optional<SignInLinkRow> byEmail(String issuer, String email);

  /** A page of one person's links (or everyone's, when {@code personId} is null), oldest first. */
  @Query("""
      SELECT * FROM sign_in_link WHERE (CAST(:personId AS BIGINT) IS NULL OR person_id = :personId)
      ORDER BY id LIMIT :limit OFFSET :offset""")
  List<SignInLinkRow> page(@Nullable Long personId, int limit, int offset);
}
