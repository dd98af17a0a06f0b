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
import java.util.regex.Pattern;
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
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.MeetingStatus;
import org.laasuite.partnership.v1.MinutesHit;
import org.laasuite.partnership.v1.Role;

/** Meetings with their attendance, items and actions; actions carried forward until done. */
@Singleton
public class MeetingService {

  static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  static final int MAX_MINUTES = 100_000;

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
   * Records a meeting with its attendance, items and actions. Everything is checked first: a person
   * listed twice, a substitute for someone who is not a member, an action without an owner or due
   * before the meeting, unbounded text. Nothing is written when anything is wrong.
   */
  @Transactional
  public Full create(Meeting in) {
    Violations v = new Violations();
    String p = "meeting.";
    ResourceNames.MEETINGS.validId(in.getId(), p + "id", v);
    BodyRow body = bodies.bodyOrViolation(in.getBody(), p + "body", v);
    LocalDate date = Protos.requiredDate(in.getDate(), p + "date", v);
    for (String f : List.of("start_time", "end_time")) {
      String t = f.equals("start_time") ? in.getStartTime() : in.getEndTime();
      v.check(t.isEmpty() || TIME.matcher(t).matches(), p + f, "must be a time like 10:00, not '" + Protos.clip(t) + "'");
    }
    v.maxLength(in.getPlace(), Violations.MAX_TITLE, p + "place");
    v.check(in.getStatus() != MeetingStatus.UNRECOGNIZED, p + "status", "must be SCHEDULED, HELD or CANCELLED");

    List<AttendanceRow> att = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (int i = 0; i < in.getAttendanceCount(); i++) {
      var a = in.getAttendance(i);
      String f = p + "attendance[" + i + "]";
      PersonRow person = directory.personOrViolation(a.getPerson(), f + ".person", v);
      v.check(listed.add(a.getPerson()), f + ".person", a.getPerson() + " is listed twice for this meeting");
      v.check(a.getStatus() != AttendanceStatus.ATTENDANCE_STATUS_UNSPECIFIED
          && a.getStatus() != AttendanceStatus.UNRECOGNIZED, f + ".status",
          "must be PRESENT, IN_ATTENDANCE, APOLOGIES or ABSENT");
      v.check(a.getRole() != Role.UNRECOGNIZED, f + ".role", "is not a known role");
      v.maxLength(a.getAffiliation(), Violations.MAX_TITLE, f + ".affiliation");
      v.maxLength(a.getAsPrinted(), Violations.MAX_TITLE, f + ".as_printed");
      if (!a.getAffiliation().isEmpty()) {
        v.check(a.getAffiliation().matches("(organisations|bodies)/[a-z0-9][a-z0-9-]{0,99}"), f + ".affiliation",
            "must look like 'organisations/{id}' or 'bodies/{id}'");
      }
      PersonRow substituted = null;
      if (!a.getSubstituteFor().isEmpty()) {
        substituted = directory.personOrViolation(a.getSubstituteFor(), f + ".substitute_for", v);
        if (substituted != null && body != null && date != null) {
          v.check(bodies.isMember(body.id(), substituted.id(), date), f + ".substitute_for",
              a.getSubstituteFor() + " is not a member of " + body.name() + " on " + date
                  + ": one can only substitute for a member");
        }
      }
      if (person != null) {
        att.add(new AttendanceRow(null, 0, person.id(), i, a.getStatus(),
            a.getRole() == Role.ROLE_UNSPECIFIED ? null : a.getRole(), a.getAffiliation(), a.getAsPrinted(),
            substituted == null ? null : substituted.id()));
      }
    }

    List<AgendaItemRow> its = new ArrayList<>();
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < in.getItemsCount(); i++) {
      var it = in.getItems(i);
      String f = p + "items[" + i + "]";
      v.check(it.getNumber() >= 1 && it.getNumber() <= 1000, f + ".number", "must be 1 to 1000");
      v.check(numbers.add(it.getNumber()), f + ".number", "item " + it.getNumber() + " appears twice");
      v.requiredText(it.getTitle(), Violations.MAX_TITLE, f + ".title");
      v.maxLength(it.getMinutes(), MAX_MINUTES, f + ".minutes");
      String decisions = Lines.join(it.getDecisionsList());
      v.maxLength(decisions, MAX_MINUTES, f + ".decisions");
      PersonRow presenter = it.getPresenter().isEmpty() ? null
          : directory.personOrViolation(it.getPresenter(), f + ".presenter", v);
      its.add(new AgendaItemRow(null, 0, it.getNumber(), it.getTitle(), presenter == null ? null : presenter.id(),
          it.getMinutes(), decisions));
    }

    List<ActionRow> acts = new ArrayList<>();
    Map<Integer, Integer> positions = new HashMap<>();
    for (int i = 0; i < in.getActionsCount(); i++) {
      var a = in.getActions(i);
      String f = p + "actions[" + i + "]";
      v.requiredText(a.getText(), Violations.MAX_TEXT, f + ".text");
      v.check(numbers.contains(a.getItem()), f + ".item", "names item " + a.getItem()
          + ", which this meeting does not have");
      if (v.check(!a.getOwner().isEmpty(), f + ".owner", "is required: every action has an owner")) {
        if (v.check(ResourceNames.isNameIn(a.getOwner(), ResourceNames.PEOPLE, ResourceNames.BODIES), f + ".owner",
            "must look like 'people/{id}' or 'bodies/{id}'")) {
          if (a.getOwner().startsWith("people/")) {
            directory.personOrViolation(a.getOwner(), f + ".owner", v);
          } else {
            bodies.bodyOrViolation(a.getOwner(), f + ".owner", v);
          }
        }
      }
      LocalDate due = a.hasDueDate() ? Protos.date(a.getDueDate(), f + ".due_date", v).orElse(null) : null;
      if (due != null && date != null) {
        v.check(!due.isBefore(date), f + ".due_date", "is " + due + ", before the meeting (" + date + ")");
      }
      v.maxLength(a.getDueText(), Violations.MAX_TITLE, f + ".due_text");
      v.maxLength(a.getNote(), Violations.MAX_TEXT, f + ".note");
      v.check(a.getStatus() != ActionStatus.UNRECOGNIZED, f + ".status", "must be OPEN, DONE or DROPPED");
      checkIndicators(a.getIndicatorsList(), 100, f + ".indicators", v);
      int position = positions.merge(a.getItem(), 1, Integer::sum);
      acts.add(new ActionRow(null, 0, a.getItem(), position, a.getText(), a.getOwner(), due, a.getDueText(),
          a.getStatus() == ActionStatus.ACTION_STATUS_UNSPECIFIED ? ActionStatus.ACTION_STATUS_OPEN : a.getStatus(), a.getNote(),
          Lines.join(a.getIndicatorsList())));
    }
    v.throwIfAny();
    if (meetings.existsByCode(in.getId())) {
      throw ApiException.withField(Status.Code.ALREADY_EXISTS, "MEETING_ALREADY_EXISTS", "meetings/" + in.getId()
          + " already exists", p + "id");
    }
    MeetingRow saved = meetings.save(new MeetingRow(null, in.getId(), body.id(), date, in.getStartTime(), in.getEndTime(),
        in.getPlace(), in.getStatus() == MeetingStatus.MEETING_STATUS_UNSPECIFIED ? MeetingStatus.MEETING_STATUS_HELD : in.getStatus(),
        null));
    long id = saved.id();
    attendance.saveAll(att.stream().map(a -> new AttendanceRow(null, id, a.personId(), a.position(), a.status(),
        a.role(), a.affiliation(), a.asPrinted(), a.substituteForId())).toList());
    items.saveAll(its.stream().map(it -> new AgendaItemRow(null, id, it.number(), it.title(), it.presenterId(),
        it.minutes(), it.decisions())).toList());
    actions.saveAll(acts.stream().map(a -> new ActionRow(null, id, a.itemNumber(), a.position(), a.text(), a.owner(),
        a.dueDate(), a.dueText(), a.status(), a.note(), a.indicators())).toList());
    return get(saved.name());
  }

  /**
   * Names of indicators, as an action carries them or a caller asks by them: each "indicators/{code}"
   * (the indicators service's names; this service checks their form, not their existence), at most
   * {@code max}, none twice.
   */
  static void checkIndicators(List<String> names, int max, String field, Violations v) {
    v.check(names.size() <= max, field, "names " + names.size() + " indicators; at most " + max);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size() && i < max; i++) {
      String n = names.get(i);
      if (ResourceNames.INDICATORS.id(n, field + "[" + i + "]", v) != null) {
        v.check(seen.add(n), field + "[" + i + "]", n + " is named twice");
      }
    }
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
    checkIndicators(indicators, ResourceNames.MAX_BATCH, "indicators", v);
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
