package org.laasuite.partnership.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public final class MeetingRepositories {

  private MeetingRepositories() {
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface MeetingRepository extends CrudRepository<MeetingRow, Long> {
    Optional<MeetingRow> findByCode(String code);

    /** The meeting, its row locked until the transaction ends: what an update reads. */
    @Query("SELECT * FROM meeting WHERE code = :code FOR UPDATE")
    Optional<MeetingRow> lockByCode(String code);

    /** The body's first meeting after {@code after} that is not cancelled: the one that approves minutes. */
    @Query("""
        SELECT * FROM meeting WHERE body_id = :bodyId AND date > :after AND status <> 'MEETING_STATUS_CANCELLED'
        ORDER BY date, code LIMIT 1""")
    Optional<MeetingRow> nextAfter(long bodyId, LocalDate after);


    List<MeetingRow> findByIdIn(Collection<Long> ids);

    @Query("""
        SELECT * FROM meeting WHERE (CAST(:bodyId AS BIGINT) IS NULL OR body_id = :bodyId) ORDER BY date DESC, code
        LIMIT :limit OFFSET :offset""")
    List<MeetingRow> page(@Nullable Long bodyId, int limit, int offset);

    @Query("SELECT * FROM meeting WHERE status = 'MEETING_STATUS_HELD' ORDER BY date")
    List<MeetingRow> held();
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface AttendanceRepository extends CrudRepository<AttendanceRow, Long> {
    List<AttendanceRow> findByMeetingIdOrderByPosition(long meetingId);

    List<AttendanceRow> findByPersonIdOrderById(long personId);

    List<AttendanceRow> findByMeetingIdIn(Collection<Long> meetingIds);

    void deleteByMeetingId(long meetingId);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface AgendaItemRepository extends CrudRepository<AgendaItemRow, Long> {
    List<AgendaItemRow> findByMeetingIdOrderByNumber(long meetingId);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface DecisionRepository extends CrudRepository<DecisionRow, Long> {
    @Query("SELECT * FROM decision WHERE meeting_id = :meetingId ORDER BY item_number, position")
    List<DecisionRow> ofMeeting(long meetingId);

    void deleteByMeetingId(long meetingId);

    @Query("""
        SELECT d.* FROM decision d JOIN meeting m ON m.id = d.meeting_id
        WHERE (CAST(:indicator AS TEXT) IS NULL OR CAST(:indicator AS TEXT) = ANY (string_to_array(d.indicators, E'\\n')))
          AND (CAST(:commitment AS TEXT) IS NULL OR CAST(:commitment AS TEXT) = ANY (string_to_array(d.commitments, E'\\n')))
        ORDER BY m.date, m.code, d.item_number, d.position LIMIT :limit OFFSET :offset""")
    List<DecisionRow> search(@Nullable String indicator, @Nullable String commitment, int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface MinutesRevisionRepository extends CrudRepository<MinutesRevisionRow, Long> {
    long countByMeetingId(long meetingId);

    @Query("SELECT * FROM minutes_revision WHERE meeting_id = :meetingId ORDER BY revision LIMIT :limit OFFSET :offset")
    List<MinutesRevisionRow> page(long meetingId, int limit, int offset);
  }

  @JdbcRepository(dialect = Dialect.POSTGRES)
  public interface ActionRepository extends CrudRepository<ActionRow, Long> {
    /** The action, its row locked until the transaction ends: what an update reads. */
    @Query("SELECT * FROM action WHERE id = :id FOR UPDATE")
    Optional<ActionRow> lockById(long id);

    @Query("SELECT * FROM action WHERE meeting_id = :meetingId ORDER BY item_number, position")
    List<ActionRow> ofMeeting(long meetingId);

    /** Open actions of a body's meetings held before {@code before}: the matters arising. */
    @Query("""
        SELECT a.* FROM action a JOIN meeting m ON m.id = a.meeting_id
        WHERE m.body_id = :bodyId AND m.date < :before AND a.status = 'ACTION_STATUS_OPEN'
        ORDER BY m.date, a.item_number, a.position""")
    List<ActionRow> openBefore(long bodyId, LocalDate before);

    @Query("""
        SELECT a.* FROM action a JOIN meeting m ON m.id = a.meeting_id
        WHERE (CAST(:owner AS TEXT) IS NULL OR a.owner = :owner)
          AND (CAST(:bodyId AS BIGINT) IS NULL OR m.body_id = :bodyId)
          AND (CAST(:status AS TEXT) IS NULL OR a.status = :status)
          AND (CAST(:indicator AS TEXT) IS NULL OR CAST(:indicator AS TEXT) = ANY (string_to_array(a.indicators, E'\\n')))
          AND (CAST(:commitment AS TEXT) IS NULL
               OR CAST(:commitment AS TEXT) = ANY (string_to_array(a.commitments, E'\\n')))
        ORDER BY m.date, m.code, a.item_number, a.position LIMIT :limit OFFSET :offset""")
    List<ActionRow> search(@Nullable String owner, @Nullable Long bodyId, @Nullable String status,
        @Nullable String indicator, @Nullable String commitment, int limit, int offset);
  }
}
