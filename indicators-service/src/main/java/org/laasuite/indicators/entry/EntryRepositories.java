package org.laasuite.indicators.entry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The repositories of entries, their steps and editions. */
public final class EntryRepositories {

  private EntryRepositories() {
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface EntryRepository extends CrudRepository<EntryRow, Long> {

    Optional<EntryRow> findByIndicatorIdAndPeriodId(long indicatorId, long periodId);

    /** Makes the entry if it is missing (in {@code state}); a concurrent maker's row wins. */
    @Query("""
        INSERT INTO entry (indicator_id, period_id, state, update_time, update_by)
        VALUES (:indicatorId, :periodId, :state, :at, :by) ON CONFLICT (indicator_id, period_id) DO NOTHING""")
    int insertIfMissing(long indicatorId, long periodId, String state, Instant at, String by);

    /** The entry, locked until the transaction ends: its state changes one at a time. */
    @Query("SELECT * FROM entry WHERE indicator_id = :indicatorId AND period_id = :periodId FOR UPDATE")
    Optional<EntryRow> findForUpdate(long indicatorId, long periodId);

    @Query("""
        UPDATE entry SET state = :state, return_reason = :reason, version = version + 1, update_time = :at,
        update_by = :by WHERE id = :id""")
    void moveTo(long id, String state, String reason, Instant at, String by);

    /**
     * Entries by the filters (each ignored when null/empty), ordered by indicator code then period start;
     * {@code indicatorIds} null means every indicator.
     */
    @Query(value = """
        SELECT e.* FROM entry e JOIN indicator i ON i.id = e.indicator_id JOIN period p ON p.id = e.period_id
        WHERE i.delete_time IS NULL
        AND (CAST(:allIndicators AS BOOLEAN) OR e.indicator_id IN (:indicatorIds))
        AND (CAST(:periodId AS BIGINT) IS NULL OR e.period_id = :periodId)
        AND (CAST(:themeGroup AS TEXT) IS NULL OR i.theme_group = :themeGroup)
        AND (CAST(:allStates AS BOOLEAN) OR e.state IN (:states))
        ORDER BY i.code, p.start_date, p.end_date LIMIT :limit OFFSET :offset""")
    List<EntryRow> page(boolean allIndicators, Collection<Long> indicatorIds, @Nullable Long periodId,
        @Nullable String themeGroup,
        boolean allStates, Collection<String> states, int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface EntryStepRepository extends CrudRepository<EntryStepRow, Long> {
    List<EntryStepRow> findByEntryIdInOrderById(Collection<Long> entryIds);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface EditionRepository extends CrudRepository<EditionRow, Long> {
    Optional<EditionRow> findByCode(String code);

    long countByPeriodId(long periodId);

    @Query("""
        SELECT id, code, period_id, create_time, create_by, ''::bytea AS reports FROM edition
        WHERE CAST(:periodId AS BIGINT) IS NULL OR period_id = :periodId
        ORDER BY create_time DESC, id DESC LIMIT :limit OFFSET :offset""")
    List<EditionRow> page(@Nullable Long periodId, int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface EditionDocumentRepository extends CrudRepository<EditionDocumentRow, Long> {

    /** Attaches the document unless the edition has one of that name: 1 when attached, 0 when taken. */
    @Query("""
        INSERT INTO edition_document (edition_id, name, media_type, content, create_time, create_by)
        VALUES (:editionId, :name, :mediaType, :content, :at, :by) ON CONFLICT (edition_id, name) DO NOTHING""")
    int attach(long editionId, String name, String mediaType, byte[] content, Instant at, String by);

    @Query("SELECT * FROM edition_document WHERE edition_id = :editionId ORDER BY name")
    List<EditionDocumentRow> ofEdition(long editionId);
  }
}
