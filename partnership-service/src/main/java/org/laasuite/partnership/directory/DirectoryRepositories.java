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
  public interface OrganisationRepository extends CrudRepository<Organisation, Long> {
    Optional<Organisation> findByCode(String code);

    List<Organisation> findByIdIn(Collection<Long> ids);

    List<Organisation> findByCodeIn(Collection<String> codes);

    @Query("SELECT * FROM organisation ORDER BY code LIMIT :limit OFFSET :offset")
    List<Organisation> page(int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface PersonRepository extends CrudRepository<Person, Long> {
    Optional<Person> findByCode(String code);

    List<Person> findByIdIn(Collection<Long> ids);

    List<Person> findByCodeIn(Collection<String> codes);

    @Query("SELECT * FROM person ORDER BY code LIMIT :limit OFFSET :offset")
    List<Person> page(int limit, int offset);
  }
}
