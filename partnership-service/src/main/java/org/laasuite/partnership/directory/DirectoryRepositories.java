package org.laasuite.partnership.directory;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public final class DirectoryRepositories {

  private DirectoryRepositories() {
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface OrganisationRepository extends CrudRepository<OrganisationRow, Long> {
    Optional<OrganisationRow> findByCode(String code);

    List<OrganisationRow> findByIdIn(Collection<Long> ids);

    List<OrganisationRow> findByCodeIn(Collection<String> codes);

    @Query("SELECT * FROM organisation ORDER BY code LIMIT :limit OFFSET :offset")
    List<OrganisationRow> page(int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface PersonRepository extends CrudRepository<PersonRow, Long> {
    Optional<PersonRow> findByCode(String code);

    /** The person, their row locked until the transaction ends: what an update reads. */
    @Query("SELECT * FROM person WHERE code = :code FOR UPDATE")
    Optional<PersonRow> lockByCode(String code);

    List<PersonRow> findByIdIn(Collection<Long> ids);

    List<PersonRow> findByCodeIn(Collection<String> codes);

    @Query("SELECT * FROM person ORDER BY code LIMIT :limit OFFSET :offset")
    List<PersonRow> page(int limit, int offset);
  }
}
