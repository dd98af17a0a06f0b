package org.laasuite.partnership.meeting;

import io.grpc.Status;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.laasuite.common.audit.AuditLog;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Etags;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.Lines;
import org.laasuite.partnership.body.BodyRow;
import org.laasuite.partnership.body.BodyService;
import org.laasuite.partnership.body.ResponsibilityReads;
import org.laasuite.partnership.directory.DirectoryService;
import org.laasuite.partnership.directory.PersonRow;
import org.laasuite.partnership.meeting.MeetingRepositories.ActionRepository;
import org.laasuite.partnership.meeting.MeetingRepositories.AgendaItemRepository;
import org.laasuite.partnership.meeting.MeetingRepositories.AttendanceRepository;
import org.laasuite.partnership.meeting.MeetingRepositories.MeetingRepository;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.partnership.v1.AttendanceStatus;

/** Meetings with their attendance, items and actions; actions carried forward until done. */
@Singleton
public class MeetingService {

  private final MeetingRepository meetings;
  private final AttendanceRepository attendance;
  private final AgendaItemRepository items;
  private final ActionRepository actions;
  private final BodyService bodies;
  private final DirectoryService directory;
  private final JdbcOperations jdbc;
  private final AuditLog audit;
  private final ResponsibilityReads reads;

  public MeetingService(MeetingRepository meetings, AttendanceRepository attendance, AgendaItemRepository items,
      ActionRepository actions, BodyService bodies, DirectoryService directory, JdbcOperations jdbc, AuditLog audit,
      ResponsibilityReads reads) {
    this.reads = reads;
    this.meetings = meetings;
    this.attendance = attendance;
    this.items = items;
    this.actions = actions;
    this.bodies = bodies;
    this.directory = directory;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** A meeting and all that belongs to it. */
  public record Full(MeetingRow meeting, BodyRow body, List<AttendanceRow> attendance, List<AgendaItemRow> items,
      List<ActionRow> actions, List<ActionRow> mattersArising, Map<Long, PersonRow> people, boolean quorate) {
  }

  public MeetingRow find(String name, String field) {
    return ResourceNames.MEETINGS.find(name, field, meetings::findByCode);
  }

  public Full get(String name) {
    MeetingRow m = find(name, "name");
    BodyRow body = bodies.byIds(Set.of(m.bodyId())).get(m.bodyId());
    List<AttendanceRow> att = attendance.findByMeetingIdOrderByPosition(m.id());
    List<AgendaItemRow> its = items.findByMeetingIdOrderByNumber(m.id());
    List<ActionRow> acts = actions.ofMeeting(m.id());
    List<ActionRow> arising = actions.openBefore(m.bodyId(), m.date());
    Set<Long> personIds = new HashSet<>();
    att.forEach(a -> {
      personIds.add(a.personId());
      if (a.substituteForId() != null) {
        personIds.add(a.substituteForId());
      }
    });
    its.stream().map(AgendaItemRow::presenterId).filter(java.util.Objects::nonNull).forEach(personIds::add);
    boolean quorate = body.quorum() == 0 || att.stream().filter(a -> a.status() == AttendanceStatus.ATTENDANCE_STATUS_PRESENT
        && bodies.isMember(body.id(), a.personId(), m.date())).count() >= body.quorum();
    return new Full(m, body, att, its, acts, arising, directory.peopleById(personIds), quorate);
  }

  public Pages.Slice<MeetingRow> list(String body, Pages.Page page) {
    Long bodyId = body.isEmpty() ? null : bodies.get(body, "body").id();
    return page.slice(meetings.page(bodyId, page.size(), page.offset()));
  }

  /**
   * Records a meeting with its attendance, items and actions. Everything is checked first: the
   * draft's shape (into {@code v}, by {@link MeetingMapper#fromProto}), then here that the body and
   * people it names exist and that a substitute stands in for a member. Nothing is written when
   * anything is wrong.
   */
  @Transactional
  public Full create(MeetingDraft draft, Violations v, Function<Full, Predicate<Full>> sameAs) {
    String p = "meeting.";
    MeetingRow m = draft.meeting();
    BodyRow body = bodies.bodyOrViolation(draft.body(), p + "body", v);
    LocalDate date = m.date();
    List<AttendanceRow> att = new ArrayList<>();
    Map<Long, PersonRow> named = new HashMap<>();
    for (int i = 0; i < draft.attendance().size(); i++) {
      var a = draft.attendance().get(i);
      String f = p + "attendance[" + i + "]";
      PersonRow person = directory.personOrViolation(a.person(), f + ".person", v);
      PersonRow substituted = null;
      if (!a.substituteFor().isEmpty()) {
        substituted = directory.personOrViolation(a.substituteFor(), f + ".substitute_for", v);
        if (substituted != null && body != null && date != null) {
          v.check(bodies.isMember(body.id(), substituted.id(), date), f + ".substitute_for",
              a.substituteFor() + " is not a member of " + body.name() + " on " + date
                  + ": one can only substitute for a member");
        }
      }
      if (substituted != null) {
        named.put(substituted.id(), substituted);
      }
      if (person != null) {
        named.put(person.id(), person);
        AttendanceRow r = a.row();
        att.add(new AttendanceRow(null, 0, person.id(), r.position(), r.status(), r.role(), r.affiliation(),
            r.asPrinted(), substituted == null ? null : substituted.id()));
      }
    }
    List<AgendaItemRow> its = new ArrayList<>();
    for (int i = 0; i < draft.items().size(); i++) {
      var it = draft.items().get(i);
      PersonRow presenter = it.presenter().isEmpty() ? null
          : directory.personOrViolation(it.presenter(), p + "items[" + i + "].presenter", v);
      if (presenter != null) {
        named.put(presenter.id(), presenter);
      }
      its.add(new AgendaItemRow(null, 0, it.row().number(), it.row().title(), presenter == null ? null : presenter.id(),
          it.row().minutes(), it.row().decisions()));
    }
    for (int i = 0; i < draft.actions().size(); i++) {
      String owner = draft.actions().get(i).owner();
      if (ResourceNames.PEOPLE.isName(owner)) {
        directory.personOrViolation(owner, p + "actions[" + i + "].owner", v);
      } else if (ResourceNames.BODIES.isName(owner)) {
        bodies.bodyOrViolation(owner, p + "actions[" + i + "].owner", v);
      }
    }
    v.throwIfAny();
    MeetingRow asked = new MeetingRow(null, m.code(), body.id(), date, m.startTime(), m.endTime(), m.place(),
        m.status(), null);
    var stored = meetings.findByCode(m.code());
    if (stored.isPresent()) {
      Full existing = get(stored.get().name());
      if (sameAs.apply(new Full(asked, body, att, its, draft.actions(), List.of(), named, false)).test(existing)) {
        return existing;
      }
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "MEETING_ALREADY_EXISTS", m.name()
          + " already exists", p + "id");
    }
    MeetingRow saved = meetings.save(asked);
    long id = saved.id();
    attendance.saveAll(att.stream().map(a -> new AttendanceRow(null, id, a.personId(), a.position(), a.status(),
        a.role(), a.affiliation(), a.asPrinted(), a.substituteForId())).toList());
    items.saveAll(its.stream().map(it -> new AgendaItemRow(null, id, it.number(), it.title(), it.presenterId(),
        it.minutes(), it.decisions())).toList());
    actions.saveAll(draft.actions().stream().map(a -> new ActionRow(null, id, a.itemNumber(), a.position(), a.text(),
        a.owner(), a.dueDate(), a.dueText(), a.status(), a.note(), a.indicators(), 0)).toList());
    Full created = get(saved.name());
    audit.record(AuditLog.CREATE, saved.name(), null, MeetingMapper.toProto(created));
    return created;
  }



  /** The meetings actions were agreed at, and those meetings' bodies, by id: to map the actions. */
  public record Origins(Map<Long, MeetingRow> meetings, Map<Long, BodyRow> bodies) {

    public MeetingRow meeting(ActionRow a) {
      return meetings.get(a.meetingId());
    }

    public BodyRow body(ActionRow a) {
      return bodies.get(meeting(a).bodyId());
    }
  }

  /** Actions filtered by owner, body, status and indicator (each ignored when empty), paged in SQL. */
  public Pages.Slice<ActionRow> listActions(String owner, String body, ActionStatus status, String indicator,
      Pages.Page page) {
    Long bodyId = body.isEmpty() ? null : bodies.get(body, "body").id();
    String s = status == ActionStatus.ACTION_STATUS_UNSPECIFIED ? null : status.name();
    List<ActionRow> rows = actions.search(owner.isEmpty() ? null : owner, bodyId, s,
        indicator.isEmpty() ? null : indicator, page.size(), page.offset());
    return page.slice(rows);
  }

  /**
   * The open actions of each body of {@code of}, by body name: those it holds and those agreed at its meetings (an
   * action can be both one body's and another's); and the open actions on {@code indicators} (on any indicator when
   * {@code all}), oldest meeting first. One statement whatever their number.
   */
  public Open openActions(List<BodyRow> of, List<String> indicators, boolean all) {
    Violations v = new Violations();
    MeetingMapper.checkIndicators(indicators, ResourceNames.MAX_BATCH, "indicators", v);
    v.throwIfAny();
    var read = reads.openActions(of, indicators, all);
    Origins origins = new Origins(read.meetings(), read.bodies());
    Map<String, List<ActionRow>> byBody = new HashMap<>();
    for (ActionRow a : read.ofBodies()) {
      MeetingRow m = origins.meeting(a);
      for (BodyRow b : of) {
        if (b.id().equals(m.bodyId()) || b.name().equals(a.owner())) {
          byBody.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(a);
        }
      }
    }
    return new Open(new OpenActions(byBody, origins), read.onIndicators());
  }

  /** Open actions by body name, with the meetings and bodies they came from. */
  public record OpenActions(Map<String, List<ActionRow>> byBody, Origins origins) {
  }

  /** The open actions of bodies, and those on indicators; the first's origins are both's. */
  public record Open(OpenActions ofBodies, List<ActionRow> onIndicators) {
  }

  public Origins originsOf(List<ActionRow> rows) {
    Map<Long, MeetingRow> ms = rows.isEmpty() ? Map.of() : meetings.findByIdIn(rows.stream().map(ActionRow::meetingId)
        .collect(Collectors.toSet())).stream().collect(Collectors.toMap(MeetingRow::id, m -> m));
    Map<Long, BodyRow> bs = bodies.byIds(ms.values().stream().map(MeetingRow::bodyId).collect(Collectors.toSet()));
    return new Origins(ms, bs);
  }

  /** The action {@code id} ({@code name} in the request); NOT_FOUND when there is none. */
  public ActionRow action(long id, String name) {
    return actions.findById(id).orElseThrow(() -> ApiException.notFound("ACTION", name));
  }

  /**
   * Sets the status (and, unless {@code note} is empty, the note) of action {@code id}, which {@code name} names,
   * on the action's row locked, so concurrent changes apply one after another; ABORTED, changing nothing, when
   * {@code etag} is set and not the current one.
   */
  @Transactional
  public ActionRow updateActionStatus(long id, String name, String etag, ActionStatus status, String note) {
    ActionRow a = actions.lockById(id).orElseThrow(() -> ApiException.notFound("ACTION", name));
    Etags.check(etag, a.etag(), name);
    ActionRow updated = actions.update(a.withStatus(status, note.isEmpty() ? a.note() : note));
    Origins origins = originsOf(List.of(a));
    audit.record(AuditLog.UPDATE, name, MeetingMapper.toProto(a, origins), MeetingMapper.toProto(updated, origins));
    return updated;
  }

  /** A person's attendance, with the meetings and their bodies by id. */
  public record AttendanceHistory(PersonRow person, List<AttendanceRow> rows, Map<Long, MeetingRow> meetings,
      Map<Long, BodyRow> bodies) {
  }

  public AttendanceHistory attendanceRecord(String personName) {
    PersonRow person = directory.person(personName, "person");
    List<AttendanceRow> rows = attendance.findByPersonIdOrderById(person.id());
    Map<Long, MeetingRow> ms = rows.isEmpty() ? Map.of() : meetings.findByIdIn(rows.stream().map(AttendanceRow::meetingId)
        .toList()).stream().collect(Collectors.toMap(MeetingRow::id, m -> m));
    Map<Long, BodyRow> bs = bodies.byIds(ms.values().stream().map(MeetingRow::bodyId).collect(Collectors.toSet()));
    return new AttendanceHistory(person, rows, ms, bs);
  }


  /** An agenda item matching a search: its meeting's code, number, title and date, and the matching text. */
  public record MinutesMatch(String meetingCode, int item, String itemTitle, LocalDate date, String snippet) {
  }

  /** Full-text search over items' titles, minutes and decisions, best matches first. */
  @Transactional(readOnly = true)
  public List<MinutesMatch> search(String query, Pages.Page page) {
    return jdbc.prepareStatement("""
        SELECT m.code, i.number, i.title, m.date,
               ts_headline('english', i.title || '. ' || i.minutes || ' ' || i.decisions, q,
                           'StartSel=[, StopSel=], MaxWords=30, MinWords=12') AS snippet
        FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id, websearch_to_tsquery('english', ?) q
        WHERE i.search @@ q ORDER BY ts_rank(i.search, q) DESC, m.date DESC, i.number
        LIMIT ? OFFSET ?""",
        (PreparedStatement st) -> {
          st.setString(1, query);
          st.setInt(2, page.size());
          st.setInt(3, page.offset());
          List<MinutesMatch> hits = new ArrayList<>();
          try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              hits.add(new MinutesMatch(rs.getString(1), rs.getInt(2), rs.getString(3),
                  rs.getObject(4, LocalDate.class), rs.getString(5)));
            }
          }
          return hits;
        });
  }
}
