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
import java.util.stream.Collectors;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Pages;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.Lines;
import org.laasuite.partnership.body.BodyRow;
import org.laasuite.partnership.body.BodyService;
import org.laasuite.partnership.directory.DirectoryService;
import org.laasuite.partnership.directory.PersonRow;
import org.laasuite.partnership.meeting.MeetingRepositories.ActionRepository;
import org.laasuite.partnership.meeting.MeetingRepositories.AgendaItemRepository;
import org.laasuite.partnership.meeting.MeetingRepositories.AttendanceRepository;
import org.laasuite.partnership.meeting.MeetingRepositories.MeetingRepository;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.partnership.v1.AttendanceEntry;
import org.laasuite.partnership.v1.AttendanceRecord;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.MinutesHit;

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

  public MeetingService(MeetingRepository meetings, AttendanceRepository attendance, AgendaItemRepository items,
      ActionRepository actions, BodyService bodies, DirectoryService directory, JdbcOperations jdbc) {
    this.meetings = meetings;
    this.attendance = attendance;
    this.items = items;
    this.actions = actions;
    this.bodies = bodies;
    this.directory = directory;
    this.jdbc = jdbc;
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
  public Full create(MeetingDraft draft, Violations v) {
    String p = "meeting.";
    MeetingRow m = draft.meeting();
    BodyRow body = bodies.bodyOrViolation(draft.body(), p + "body", v);
    LocalDate date = m.date();
    List<AttendanceRow> att = new ArrayList<>();
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
      if (person != null) {
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
    if (meetings.existsByCode(m.code())) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "MEETING_ALREADY_EXISTS", m.name()
          + " already exists", p + "id");
    }
    MeetingRow saved = meetings.save(new MeetingRow(null, m.code(), body.id(), date, m.startTime(), m.endTime(),
        m.place(), m.status(), null));
    long id = saved.id();
    attendance.saveAll(att.stream().map(a -> new AttendanceRow(null, id, a.personId(), a.position(), a.status(),
        a.role(), a.affiliation(), a.asPrinted(), a.substituteForId())).toList());
    items.saveAll(its.stream().map(it -> new AgendaItemRow(null, id, it.number(), it.title(), it.presenterId(),
        it.minutes(), it.decisions())).toList());
    actions.saveAll(draft.actions().stream().map(a -> new ActionRow(null, id, a.itemNumber(), a.position(), a.text(),
        a.owner(), a.dueDate(), a.dueText(), a.status(), a.note(), a.indicators())).toList());
    return get(saved.name());
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
   * The open actions of each body, by body name: those it holds and those agreed at its meetings
   * (an action can be both one body's and another's). Three statements for any number of bodies.
   */
  public Map<String, List<Action>> openActionsOf(List<BodyRow> of) {
    if (of.isEmpty()) {
      return Map.of();
    }
    List<ActionRow> rows = actions.openOf(of.stream().map(BodyRow::id).toList(), of.stream().map(BodyRow::name).toList());
    Origins origins = originsOf(rows);
    Map<String, List<Action>> out = new HashMap<>();
    for (ActionRow a : rows) {
      MeetingRow m = origins.meeting(a);
      var proto = MeetingMapper.toProto(a, origins);
      for (BodyRow b : of) {
        if (b.id().equals(m.bodyId()) || b.name().equals(a.owner())) {
          out.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(proto);
        }
      }
    }
    return out;
  }

  /**
   * The open actions on {@code indicators} (on any indicator when {@code all}), oldest meeting
   * first: three statements for any number of indicators.
   */
  public List<Action> openActionsOn(List<String> indicators, boolean all) {
    Violations v = new Violations();
    MeetingMapper.checkIndicators(indicators, ResourceNames.MAX_BATCH, "indicators", v);
    v.throwIfAny();
    if (indicators.isEmpty() && !all) {
      return List.of();
    }
    List<ActionRow> rows = actions.openOnIndicators(all ? null : Lines.join(indicators));
    Origins origins = originsOf(rows);
    return rows.stream().map(a -> MeetingMapper.toProto(a, origins)).toList();
  }

  public Origins originsOf(List<ActionRow> rows) {
    Map<Long, MeetingRow> ms = rows.isEmpty() ? Map.of() : meetings.findByIdIn(rows.stream().map(ActionRow::meetingId)
        .collect(Collectors.toSet())).stream().collect(Collectors.toMap(MeetingRow::id, m -> m));
    Map<Long, BodyRow> bs = bodies.byIds(ms.values().stream().map(MeetingRow::bodyId).collect(Collectors.toSet()));
    return new Origins(ms, bs);
  }

  @Transactional
  public ActionRow updateActionStatus(String name, ActionStatus status, String note) {
    Violations v = new Violations();
    long id = -1;
    if (name == null || !name.matches("actions/[0-9]{1,18}")) {
      v.add("name", "must look like 'actions/{number}'");
    } else {
      id = Long.parseLong(name.substring(8));
    }
    v.check(status != ActionStatus.ACTION_STATUS_UNSPECIFIED && status != ActionStatus.UNRECOGNIZED, "status",
        "must be OPEN, DONE or DROPPED");
    v.maxLength(note, Violations.MAX_TEXT, "note");
    v.throwIfAny();
    ActionRow a = actions.findById(id).orElseThrow(() -> ApiException.notFound("ACTION", name));
    return actions.update(a.withStatus(status, note.isEmpty() ? a.note() : note));
  }

  public AttendanceRecord attendanceRecord(String personName) {
    PersonRow person = directory.person(personName, "person");
    List<AttendanceRow> rows = attendance.findByPersonIdOrderById(person.id());
    Map<Long, MeetingRow> ms = rows.isEmpty() ? Map.of() : meetings.findByIdIn(rows.stream().map(AttendanceRow::meetingId)
        .toList()).stream().collect(Collectors.toMap(MeetingRow::id, m -> m));
    Map<Long, BodyRow> bs = bodies.byIds(ms.values().stream().map(MeetingRow::bodyId).collect(Collectors.toSet()));
    var out = AttendanceRecord.newBuilder().setPerson(person.name());
    rows.stream().sorted(java.util.Comparator.comparing(a -> ms.get(a.meetingId()).date())).forEach(a -> {
      MeetingRow m = ms.get(a.meetingId());
      out.addEntries(AttendanceEntry.newBuilder().setMeeting(m.name()).setBody(bs.get(m.bodyId()).name())
          .setDate(Protos.date(m.date())).setStatus(a.status()));
    });
    Map<AttendanceStatus, Long> counts = rows.stream().collect(Collectors.groupingBy(AttendanceRow::status,
        Collectors.counting()));
    return out.setPresent(counts.getOrDefault(AttendanceStatus.ATTENDANCE_STATUS_PRESENT, 0L).intValue())
        .setInAttendance(counts.getOrDefault(AttendanceStatus.ATTENDANCE_STATUS_IN_ATTENDANCE, 0L).intValue())
        .setApologies(counts.getOrDefault(AttendanceStatus.ATTENDANCE_STATUS_APOLOGIES, 0L).intValue())
        .setAbsent(counts.getOrDefault(AttendanceStatus.ATTENDANCE_STATUS_ABSENT, 0L).intValue()).build();
  }

  /** Full-text search over items' titles, minutes and decisions, best matches first. */
  @Transactional(readOnly = true)
  public List<MinutesHit> search(String query, int pageSize) {
    Violations v = new Violations();
    v.requiredText(query, 1000, "query");
    v.check(pageSize >= 0, "page_size", "must not be negative");
    v.throwIfAny();
    int limit = pageSize == 0 ? Pages.DEFAULT_SIZE : Math.min(pageSize, Pages.MAX_SIZE);
    return jdbc.prepareStatement("""
        SELECT m.code, i.number, i.title, m.date,
               ts_headline('english', i.title || '. ' || i.minutes || ' ' || i.decisions, q,
                           'StartSel=[, StopSel=], MaxWords=30, MinWords=12') AS snippet
        FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id, websearch_to_tsquery('english', ?) q
        WHERE i.search @@ q ORDER BY ts_rank(i.search, q) DESC, m.date DESC, i.number LIMIT ?""",
        (PreparedStatement st) -> {
          st.setString(1, query);
          st.setInt(2, limit);
          List<MinutesHit> hits = new ArrayList<>();
          try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              hits.add(MinutesHit.newBuilder().setMeeting("meetings/" + rs.getString(1)).setItem(rs.getInt(2))
                  .setItemTitle(rs.getString(3)).setDate(Protos.date(rs.getObject(4, LocalDate.class)))
                  .setSnippet(rs.getString(5)).build());
            }
          }
          return hits;
        });
  }
}
