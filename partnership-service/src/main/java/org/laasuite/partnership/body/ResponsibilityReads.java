package org.laasuite.partnership.body;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.partnership.directory.OrganisationRow;
import org.laasuite.partnership.directory.PersonRow;
import org.laasuite.partnership.meeting.ActionRow;
import org.laasuite.partnership.meeting.MeetingRow;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.partnership.v1.BodyStatus;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.MeetingStatus;
import org.laasuite.partnership.v1.Role;
import org.laasuite.partnership.v1.Scope;
import org.laasuite.partnership.v1.Sector;

/**
 * What BatchGetResponsibilities reads, in two statements whatever the number of bodies, blocks and indicators: the
 * bodies with their responsible members, those people and their organisations and the bodies' parents; then the open
 * actions of those bodies and on the indicators, with the meetings and bodies they came from. Both answer rows of one
 * fixed shape (a kind, then columns each kind uses in its own way), mapped by column index:
 * 1 kind, 2 id, 3-5 bigints, 6-7 integers, 8-14 texts, 15-16 dates, 17-18 booleans, 19 a timestamp.
 */
@Singleton
public class ResponsibilityReads {

  /** The bodies columns 2 to 18 give (as found, or as a parent or origin only: column 18). */
  private static final String BODY_COLUMNS = """
      b.id, b.parent_id, b.successor_id, CAST(NULL AS BIGINT), b.quorum, CAST(NULL AS INTEGER), b.code, b.title,
      b.type, b.blocks, b.remit, b.status, b.outcome_blocks, CAST(NULL AS DATE), CAST(NULL AS DATE), b.mandatory""";

  private static final String BODIES = """
      WITH found AS (
        SELECT b.* FROM body b
        WHERE b.code = ANY (?) OR string_to_array(b.blocks, E'\\n') && ?::text[]
           OR string_to_array(b.outcome_blocks, E'\\n') && ?::text[]
      ), members AS (
        SELECT m.* FROM membership m WHERE m.body_id IN (SELECT id FROM found) AND m.role = ANY (?)
      ), people AS (
        SELECT p.* FROM person p WHERE p.id IN (SELECT person_id FROM members)
      )
      SELECT 'B' AS kind, %1$s, TRUE, CAST(NULL AS TIMESTAMPTZ) FROM found b
      UNION ALL
      SELECT 'B', %1$s, FALSE, NULL FROM body b
      WHERE b.id IN (SELECT parent_id FROM found) AND b.id NOT IN (SELECT id FROM found)
      UNION ALL
      SELECT 'M', m.id, m.body_id, m.person_id, m.represents_id, NULL, NULL, m.role, m.sector, NULL, NULL, NULL, NULL,
             NULL, m.start_date, m.end_date, NULL, NULL, NULL
      FROM members m
      UNION ALL
      SELECT 'P', p.id, p.organisation_id, p.version, NULL, NULL, NULL, p.code, p.display_name, p.honorific,
             p.job_title, p.also_known_as, p.email, NULL, NULL, NULL, NULL, NULL, NULL
      FROM people p
      UNION ALL
      SELECT 'O', o.id, NULL, NULL, NULL, NULL, NULL, o.code, o.title, o.sector, o.scope, o.registered_identifiers,
             NULL, NULL, NULL, NULL,
             o.statutory_duty_to_cooperate, o.accountable_body, NULL
      FROM organisation o WHERE o.id IN (SELECT organisation_id FROM people)
      ORDER BY 1, 2""".formatted(BODY_COLUMNS);

  /**
   * Open actions agreed at the meetings of the bodies or held by them (column 17), or on the indicators, or on any
   * indicator (column 18), oldest meeting first; then their meetings and those meetings' bodies.
   */
  private static final String ACTIONS = """
      WITH asked AS (
        SELECT CAST(? AS BIGINT[]) AS bodies, CAST(? AS TEXT[]) AS owners, CAST(? AS BOOLEAN) AS every,
               CAST(? AS TEXT[]) AS indicators
      ), open AS (
        SELECT a.*, m.date AS meeting_date, m.code AS meeting_code,
               m.body_id = ANY (q.bodies) OR a.owner = ANY (q.owners) AS of_bodies,
               a.indicators <> '' AND (q.every OR string_to_array(a.indicators, E'\\n') && q.indicators)
                 AS on_indicators
        FROM action a JOIN meeting m ON m.id = a.meeting_id CROSS JOIN asked q
        WHERE a.status = 'ACTION_STATUS_OPEN'
      ), shown AS (
        SELECT * FROM open WHERE of_bodies OR on_indicators
      )
      SELECT 'A' AS kind, a.id, a.meeting_id, a.version, CAST(NULL AS BIGINT), a.item_number, a.position, a.text,
             a.owner, a.due_text, a.status, a.note, a.indicators, a.meeting_code, a.due_date, a.meeting_date,
             a.of_bodies, a.on_indicators,
             CAST(NULL AS TIMESTAMPTZ), a.commitments
      FROM shown a
      UNION ALL
      SELECT 'G', m.id, m.body_id, NULL, NULL, NULL, NULL, m.code, m.start_time, m.end_time, m.place, m.status, NULL,
             NULL, m.date, NULL, NULL, NULL, m.create_time, NULL
      FROM meeting m WHERE m.id IN (SELECT meeting_id FROM shown)
      UNION ALL
      SELECT 'B', %s, FALSE, NULL, NULL FROM body b
      WHERE b.id IN (SELECT body_id FROM meeting WHERE id IN (SELECT meeting_id FROM shown))
      ORDER BY 1, 16, 14, 6, 7""".formatted(BODY_COLUMNS);

  private final JdbcOperations jdbc;

  public ResponsibilityReads(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Bodies as the first statement answers them: those found (in code order), with every body read (found and
   * parents) by id, the members holding {@code roles}, and their people and organisations by id.
   */
  public record Bodies(List<BodyRow> found, Map<Long, BodyRow> byId, List<MembershipRow> members,
      Map<Long, PersonRow> people, Map<Long, OrganisationRow> organisations) {
  }

  /** The bodies of {@code codes} and those leading or with outcomes under {@code blocks} (enum names). */
  @Transactional(readOnly = true)
  public Bodies bodies(Collection<String> codes, Collection<String> blocks, Collection<Role> roles) {
    Bodies out = new Bodies(new ArrayList<>(), new LinkedHashMap<>(), new ArrayList<>(), new HashMap<>(),
        new HashMap<>());
    return jdbc.prepareStatement(BODIES, (PreparedStatement st) -> {
      var c = st.getConnection();
      st.setArray(1, c.createArrayOf("text", codes.toArray()));
      st.setArray(2, c.createArrayOf("text", blocks.toArray()));
      st.setArray(3, c.createArrayOf("text", blocks.toArray()));
      st.setArray(4, c.createArrayOf("text", roles.stream().map(Enum::name).toArray()));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(2);
          switch (rs.getString(1)) {
            case "B" -> {
              BodyRow b = body(rs);
              out.byId().put(id, b);
              if (rs.getBoolean(18)) {
                out.found().add(b);
              }
            }
            case "M" -> out.members().add(new MembershipRow(id, rs.getLong(3), rs.getLong(4),
                Role.valueOf(rs.getString(8)),
                nullableLong(rs, 5), enumOrNull(Sector.class, rs.getString(9)), rs.getObject(15, LocalDate.class),
                rs.getObject(16, LocalDate.class)));
            case "P" -> out.people().put(id, new PersonRow(id, rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), nullableLong(rs, 3), rs.getString(12), rs.getString(13), rs.getLong(4)));
            case "O" -> out.organisations().put(id, new OrganisationRow(id, rs.getString(8), rs.getString(9),
                enumOrNull(Sector.class, rs.getString(10)), rs.getBoolean(17),
                enumOrNull(Scope.class, rs.getString(11)),
                rs.getBoolean(18), rs.getString(12)));
            default -> throw new IllegalStateException("unknown kind of row " + rs.getString(1));
          }
        }
      }
      out.found().sort(java.util.Comparator.comparing(BodyRow::code));
      return out;
    });
  }

  /**
   * Open actions, oldest meeting first: those of the bodies, those on the indicators; and the meetings and bodies
   * they came from, by id.
   */
  public record Actions(List<ActionRow> ofBodies, List<ActionRow> onIndicators, Map<Long, MeetingRow> meetings,
      Map<Long, BodyRow> bodies) {
  }

  /**
   * The open actions agreed at meetings of {@code bodies} or held by them; and those on {@code indicators} (names),
   * or on any indicator when {@code every}.
   */
  @Transactional(readOnly = true)
  public Actions openActions(Collection<BodyRow> bodies, Collection<String> indicators, boolean every) {
    Actions out = new Actions(new ArrayList<>(), new ArrayList<>(), new HashMap<>(), new HashMap<>());
    if (bodies.isEmpty() && indicators.isEmpty() && !every) {
      return out;
    }
    return jdbc.prepareStatement(ACTIONS, (PreparedStatement st) -> {
      var c = st.getConnection();
      st.setArray(1, c.createArrayOf("bigint", bodies.stream().map(BodyRow::id).toArray()));
      st.setArray(2, c.createArrayOf("text", bodies.stream().map(BodyRow::name).toArray()));
      st.setBoolean(3, every);
      st.setArray(4, c.createArrayOf("text", indicators.toArray()));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(2);
          switch (rs.getString(1)) {
            case "A" -> {
              ActionRow a = new ActionRow(id, rs.getLong(3), rs.getInt(6), rs.getInt(7), rs.getString(8),
                  rs.getString(9), rs.getObject(15, LocalDate.class), rs.getString(10),
                  ActionStatus.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13), rs.getLong(4),
                  rs.getString(20));
              if (rs.getBoolean(17)) {
                out.ofBodies().add(a);
              }
              if (rs.getBoolean(18)) {
                out.onIndicators().add(a);
              }
            }
            case "G" -> out.meetings().put(id, new MeetingRow(id, rs.getString(8), rs.getLong(3),
                rs.getObject(15, LocalDate.class), rs.getString(9), rs.getString(10), rs.getString(11),
                MeetingStatus.valueOf(rs.getString(12)), instant(rs.getTimestamp(19)), 0, null, null));
            case "B" -> out.bodies().put(id, body(rs));
            default -> throw new IllegalStateException("unknown kind of row " + rs.getString(1));
          }
        }
      }
      return out;
    });
  }

  /** A body from columns 2 to 17 (BODY_COLUMNS). */
  private static BodyRow body(ResultSet rs) throws SQLException {
    return new BodyRow(rs.getLong(2), rs.getString(8), rs.getString(9), BodyType.valueOf(rs.getString(10)),
        nullableLong(rs, 3), rs.getString(11), rs.getString(12), rs.getBoolean(17),
        BodyStatus.valueOf(rs.getString(13)),
        nullableLong(rs, 4), rs.getInt(6), rs.getString(14));
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  private static java.time.Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
