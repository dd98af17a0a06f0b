package org.laasuite.funding.commitment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public final class CommitmentRepositories {

  private CommitmentRepositories() {
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface CommitmentRepository extends CrudRepository<CommitmentRow, Long> {
    Optional<CommitmentRow> findByCode(String code);

    long countByStreamId(long streamId);

    List<CommitmentRow> findByIdIn(Collection<Long> ids);

    @Query("""
        SELECT * FROM commitment WHERE (CAST(:streamId AS BIGINT) IS NULL OR stream_id = :streamId)
        ORDER BY code LIMIT :limit OFFSET :offset""")
    List<CommitmentRow> page(@Nullable Long streamId, int limit, int offset);

    @Query("""
        SELECT * FROM commitment WHERE end_date < :before ORDER BY end_date, code LIMIT :limit OFFSET :offset""")
    List<CommitmentRow> endingBefore(LocalDate before, int limit, int offset);

    @Query("""
        SELECT c.* FROM commitment c WHERE c.id IN (SELECT commitment_id FROM commitment_support
        WHERE resource IN (:resources)) ORDER BY c.code""")
    List<CommitmentRow> supporting(Collection<String> resources);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface CommitmentAmountRepository extends CrudRepository<CommitmentAmountRow, Long> {
    List<CommitmentAmountRow> findByCommitmentIdInOrderByFinancialYear(Collection<Long> commitmentIds);

    /** What is already committed from a stream in a year, in pence (quantified amounts only). */
    @Query("""
        SELECT COALESCE(SUM(a.pence), 0) FROM commitment_amount a JOIN commitment c ON c.id = a.commitment_id
        WHERE c.stream_id = :streamId AND a.financial_year = :year""")
    long committedFrom(long streamId, String year);

    @Query("""
        SELECT c.stream_id AS stream_id, COALESCE(SUM(a.pence), 0) AS pence FROM commitment_amount a
        JOIN commitment c ON c.id = a.commitment_id
        WHERE a.financial_year = :year AND c.stream_id IS NOT NULL GROUP BY c.stream_id""")
    List<StreamPence> committedByStream(String year);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface SpendRepository extends CrudRepository<SpendRow, Long> {
    boolean existsByCommitmentIdAndFinancialYearAndQuarter(long commitmentId, String financialYear, int quarter);

    @Query("""
        SELECT * FROM spend WHERE commitment_id = :commitmentId ORDER BY financial_year, quarter
        LIMIT :limit OFFSET :offset""")
    List<SpendRow> page(long commitmentId, int limit, int offset);

    @Query("""
        SELECT c.stream_id AS stream_id, COALESCE(SUM(s.pence), 0) AS pence FROM spend s
        JOIN commitment c ON c.id = s.commitment_id
        WHERE s.financial_year = :year AND c.stream_id IS NOT NULL GROUP BY c.stream_id""")
    List<StreamPence> spentByStream(String year);

    /** The spend of each of the commitments, in {@code year} or (null) in every year; none: nothing spent. */
    @Query("""
        SELECT commitment_id AS stream_id, SUM(pence) AS pence FROM spend
        WHERE commitment_id IN (:ids) AND (CAST(:year AS text) IS NULL OR financial_year = :year)
        GROUP BY commitment_id""")
    List<StreamPence> spentByCommitment(Collection<Long> ids, @io.micronaut.core.annotation.Nullable String year);
  }
}
