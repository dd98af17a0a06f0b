package org.laasuite.partnership.meeting;

import io.grpc.Status;
import io.micronaut.core.annotation.Nullable;
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
import org.laasuite.common.grpc.FieldMasks;
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
import org.laasuite.partnership.meeting.MeetingRepositories.DecisionRepository;
import org.laasuite.partnership.meeting.MeetingRepositories.MeetingRepository;
import org.laasuite.partnership.meeting.MeetingRepositories.MinutesRevisionRepository;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.MeetingStatus;

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
  private final MinutesRevisionRepository revisions;
  private final DecisionRepository decisions;

  public MeetingService(MeetingRepository meetings, AttendanceRepository attendance, AgendaItemRepository items,
      ActionRepository actions, BodyService bodies, DirectoryService directory, JdbcOperations jdbc, AuditLog audit,
      ResponsibilityReads reads, MinutesRevisionRepository revisions, DecisionRepository decisions) {
    this.decisions = decisions;
    this.reads = reads;
    this.revisions = revisions;
    this.meetings = meetings;
    this.attendance = attendance;
    this.items = items;
    this.actions = actions;
    this.bodies = bodies;
    this.directory = directory;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * A meeting and all that belongs to it; {@code arisingFrom} holds the earlier meetings that agreed the matters
   * arising, by id.
   */
  public record Full(MeetingRow meeting, BodyRow body, List<AttendanceRow> attendance, List<AgendaItemRow> items,
      List<ActionRow> actions, List<ActionRow> mattersArising, Map<Long, PersonRow> people, boolean quorate,
      @Nullable MeetingRow approvedBy, long revisions, List<DecisionRow> decisions, Map<Long, MeetingRow> arisingFrom) {
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
    MeetingRow approvedBy = m.minutesApprovedBy() == null ? null : meetings.findById(m.minutesApprovedBy()).orElseThrow();
    Map<Long, MeetingRow> arisingFrom = arising.isEmpty() ? Map.of() : meetings.findByIdIn(arising.stream()
        .map(ActionRow::meetingId).collect(Collectors.toSet())).stream().collect(Collectors.toMap(MeetingRow::id, x -> x));
    return new Full(m, body, att, its, acts, arising, directory.peopleById(personIds), quorate, approvedBy,
        revisions.countByMeetingId(m.id()), decisions.ofMeeting(m.id()), arisingFrom);
  }

  public Pages.Slice<MeetingRow> list(String body, Pages.Page page) {
    Long bodyId = body.isEmpty() ? null : bodies.get(body, "body").id();
    return page.slice(meetings.page(bodyId, page.size(), page.offset()));
  }

  /** A draft's references resolved: its body, and its rows with people's ids (meeting ids still 0). */
  private record Resolved(BodyRow body, List<AttendanceRow> attendance, List<AgendaItemRow> items,
      Map<Long, PersonRow> named) {
  }

  /**
   * The body and people {@code draft} names, looked up (each one missing a violation in {@code v}), and a
   * substitute checked to stand in for a member.
   */
  private Resolved resolve(MeetingDraft draft, Violations v) {
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
          it.row().minutes(), it.row().decisions(), it.row().description()));
    }
    for (int i = 0; i < draft.actions().size(); i++) {
      String owner = draft.actions().get(i).owner();
      if (ResourceNames.PEOPLE.isName(owner)) {
        directory.personOrViolation(owner, p + "actions[" + i + "].owner", v);
      } else if (ResourceNames.BODIES.isName(owner)) {
        bodies.bodyOrViolation(owner, p + "actions[" + i + "].owner", v);
      }
    }
    return new Resolved(body, att, its, named);
  }

  /**
   * Records a meeting with its attendance, items, actions and decisions. Everything is checked first: the
   * draft's shape (into {@code v}, by {@link MeetingMapper#fromProto}), then here that the body and
   * people it names exist and that a substitute stands in for a member. Nothing is written when
   * anything is wrong.
   */
  @Transactional
  public Full create(MeetingDraft draft, Violations v, Function<Full, Predicate<Full>> sameAs) {
    String p = "meeting.";
    MeetingRow m = draft.meeting();
    Resolved r = resolve(draft, v);
    BodyRow body = r.body();
    LocalDate date = m.date();
    List<AttendanceRow> att = r.attendance();
    List<AgendaItemRow> its = r.items();
    Map<Long, PersonRow> named = r.named();
    v.throwIfAny();
    MeetingRow asked = new MeetingRow(null, m.code(), body.id(), date, m.startTime(), m.endTime(), m.place(),
        m.status(), null, 0, null, null);
    var stored = meetings.findByCode(m.code());
    if (stored.isPresent()) {
      Full existing = get(stored.get().name());
      if (sameAs.apply(new Full(asked, body, att, its, draft.actions(), List.of(), named, false, null, 0,
          draft.decisions(), Map.of())).test(existing)) {
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
        it.minutes(), it.decisions(), it.description())).toList());
    actions.saveAll(draft.actions().stream().map(a -> new ActionRow(null, id, a.itemNumber(), a.position(), a.text(),
        a.owner(), a.dueDate(), a.dueText(), a.status(), a.note(), a.indicators(), 0, a.commitments())).toList());
    saveDecisions(id, draft.decisions());
    Full created = get(saved.name());
    audit.record(AuditLog.CREATE, saved.name(), null, MeetingMapper.toProto(created));
    return created;
  }



  /** The fields UpdateMeeting changes. */
  public static final Set<String> UPDATABLE = Set.of("date", "start_time", "end_time", "place", "status", "attendance",
      "items", "actions", "decisions");

  /**
   * The moves a meeting's status may make: scheduled, its agenda published, held (and minuted); cancelled
   * before it is held. A meeting held or cancelled stays so.
   */
  static final Map<MeetingStatus, Set<MeetingStatus>> MOVES = Map.of(
      MeetingStatus.MEETING_STATUS_SCHEDULED,
      Set.of(MeetingStatus.MEETING_STATUS_AGENDA_PUBLISHED, MeetingStatus.MEETING_STATUS_CANCELLED),
      MeetingStatus.MEETING_STATUS_AGENDA_PUBLISHED,
      Set.of(MeetingStatus.MEETING_STATUS_HELD, MeetingStatus.MEETING_STATUS_CANCELLED),
      MeetingStatus.MEETING_STATUS_HELD, Set.of(),
      MeetingStatus.MEETING_STATUS_CANCELLED, Set.of());

  public static final String APPROVAL_WORDING = "Agreed as a true and accurate record";

  private static ApiException approved(MeetingRow m, MeetingRow by) {
    return ApiException.failedPrecondition("MINUTES_APPROVED", "the minutes of " + m.name() + " were agreed as a "
        + "true and accurate record by " + by.name() + " on " + m.minutesApprovedDate() + ": approved minutes are "
        + "published and no longer change; a correction is minuted at a later meeting", List.of());
  }

  /**
   * Changes the fields {@code paths} names, taken from {@code in}, of meeting {@code name}, its row locked;
   * the result is checked as a whole as a create checks it, and nothing is written when anything is wrong.
   * Editing the attendance, items or actions of a meeting held keeps the meeting as it was as a revision.
   */
  @Transactional
  public Full update(String name, String etag, Meeting in, Set<String> paths) {
    MeetingRow existing = ResourceNames.MEETINGS.find(name, "meeting.name", meetings::lockByCode);
    Etags.check(etag, existing.etag(), name);
    if (existing.minutesApprovedBy() != null) {
      throw approved(existing, meetings.findById(existing.minutesApprovedBy()).orElseThrow());
    }
    Full before = get(name);
    Meeting old = MeetingMapper.toProto(before);
    MeetingStatus to = paths.contains("status") ? in.getStatus() : existing.status();
    if (to != existing.status() && !MOVES.getOrDefault(existing.status(), Set.of()).contains(to)) {
      throw ApiException.failedPrecondition("MEETING_STATUS_TRANSITION", name + " is " + existing.status()
          + " and cannot become " + to + ": a meeting moves SCHEDULED -> AGENDA_PUBLISHED -> HELD, and is CANCELLED "
          + "only before it is held", List.of());
    }
    Meeting merged = FieldMasks.merge(old, in, paths);
    Violations v = new Violations();
    MeetingDraft draft = MeetingMapper.fromProto(merged, "meeting.", v);
    if (to != MeetingStatus.MEETING_STATUS_HELD) {
      v.check(merged.getAttendanceCount() == 0, "meeting.attendance", "is recorded once the meeting is held: "
          + name + " would be " + to);
      v.check(merged.getActionsCount() == 0, "meeting.actions", "are agreed at the meeting: " + name + " would be "
          + to);
      v.check(merged.getDecisionsCount() == 0, "meeting.decisions", "are taken at the meeting: " + name
          + " would be " + to);
      for (int i = 0; i < merged.getItemsCount(); i++) {
        var it = merged.getItems(i);
        v.check(it.getMinutes().isEmpty() && it.getDecisionsCount() == 0, "meeting.items[" + i + "].minutes",
            "minutes and decisions are recorded once the meeting is held: " + name + " would be " + to);
      }
    }
    Map<Long, ActionRow> kept = new HashMap<>();
    before.actions().forEach(a -> kept.put(a.id(), a));
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < merged.getActionsCount(); i++) {
      String an = merged.getActions(i).getName();
      Long id = null;
      if (!an.isEmpty()) {
        String n = ResourceNames.ACTIONS.id(an, "meeting.actions[" + i + "].name", v);
        id = n == null || !n.matches("[0-9]{1,18}") ? null : Long.valueOf(n);
        v.check(n == null || (id != null && kept.containsKey(id)), "meeting.actions[" + i + "].name", an
            + " is not an action of " + name + ": list an existing action by its name, a new one without");
      }
      ids.add(id);
    }
    Resolved r = resolve(draft, v);
    v.throwIfAny();
    MeetingRow m = draft.meeting();
    long id = existing.id();
    MeetingRow updated = meetings.update(new MeetingRow(id, existing.code(), existing.bodyId(), m.date(),
        m.startTime(), m.endTime(), m.place(), to, existing.createTime(), existing.version() + 1, null, null));
    if (paths.contains("attendance")) {
      attendance.deleteByMeetingId(id);
      attendance.saveAll(r.attendance().stream().map(a -> new AttendanceRow(null, id, a.personId(), a.position(),
          a.status(), a.role(), a.affiliation(), a.asPrinted(), a.substituteForId())).toList());
    }
    // Items are changed in place: an action belongs to its item, and goes with it (ON DELETE CASCADE).
    Map<Integer, AgendaItemRow> itemsBefore = new HashMap<>();
    before.items().forEach(it -> itemsBefore.put(it.number(), it));
    if (paths.contains("items")) {
      for (AgendaItemRow it : r.items()) {
        AgendaItemRow was = itemsBefore.remove(it.number());
        AgendaItemRow now = new AgendaItemRow(was == null ? null : was.id(), id, it.number(), it.title(),
            it.presenterId(), it.minutes(), it.decisions(), it.description());
        if (was == null) {
          items.save(now);
        } else if (!now.equals(was)) {
          items.update(now);
        }
      }
    }
    if (paths.contains("actions")) {
      Set<Long> listed = new HashSet<>();
      for (int i = 0; i < draft.actions().size(); i++) {
        ActionRow a = draft.actions().get(i);
        ActionRow was = ids.get(i) == null ? null : kept.get(ids.get(i));
        if (was == null) {
          actions.save(new ActionRow(null, id, a.itemNumber(), a.position(), a.text(), a.owner(), a.dueDate(),
              a.dueText(), a.status(), a.note(), a.indicators(), 0, a.commitments()));
        } else {
          listed.add(was.id());
          ActionRow now = new ActionRow(was.id(), id, a.itemNumber(), a.position(), a.text(), a.owner(), a.dueDate(),
              a.dueText(), was.status(), was.note(), a.indicators(), was.version(), a.commitments());
          if (!now.equals(was)) {
            actions.update(new ActionRow(was.id(), id, a.itemNumber(), a.position(), a.text(), a.owner(),
                a.dueDate(), a.dueText(), was.status(), was.note(), a.indicators(), was.version() + 1,
                a.commitments()));
          }
        }
      }
      kept.keySet().stream().filter(k -> !listed.contains(k)).forEach(actions::deleteById);
    }
    if (paths.contains("decisions")) {
      decisions.deleteByMeetingId(id);
      saveDecisions(id, draft.decisions());
    }
    if (paths.contains("items")) {
      itemsBefore.values().forEach(items::delete);
    }
    Full after = get(updated.name());
    Meeting now = MeetingMapper.toProto(after);
    if (existing.status() == MeetingStatus.MEETING_STATUS_HELD && !minutesOf(old).equals(minutesOf(now))) {
      int n = (int) before.revisions() + 1;
      revisions.save(new MinutesRevisionRow(null, id, n, old.toByteArray(), null));
      after = get(updated.name());
      now = MeetingMapper.toProto(after);
    }
    audit.record(AuditLog.UPDATE, name, old, now);
    return after;
  }

  private void saveDecisions(long meetingId, List<DecisionRow> rows) {
    decisions.saveAll(rows.stream().map(d -> new DecisionRow(null, meetingId, d.itemNumber(), d.position(), d.text(),
        d.indicators(), d.commitments())).toList());
  }

  /** What the minutes record: attendance, items and actions (their status aside, which UpdateActionStatus sets). */
  private static Meeting minutesOf(Meeting m) {
    var b = Meeting.newBuilder().addAllAttendance(m.getAttendanceList()).addAllItems(m.getItemsList())
        .addAllDecisions(m.getDecisionsList().stream().map(d -> d.toBuilder().clearName().build()).toList());
    m.getActionsList().forEach(a -> b.addActions(a.toBuilder().clearEtag().clearStatus().clearNote()));
    return b.build();
  }

  /**
   * Meeting {@code approvingName}, the next meeting of the same body (the first after it not cancelled,
   * on the agenda or held), agrees the minutes of meeting {@code name}, held, as a true and accurate
   * record on its date; from then on they do not change. Approving again by the same meeting answers the
   * meeting as it is.
   */
  @Transactional
  public Full approve(String name, String approvingName) {
    MeetingRow m = ResourceNames.MEETINGS.find(name, "name", meetings::lockByCode);
    MeetingRow by = find(approvingName, "approving_meeting");
    if (m.minutesApprovedBy() != null) {
      if (m.minutesApprovedBy().equals(by.id())) {
        return get(name);
      }
      throw approved(m, meetings.findById(m.minutesApprovedBy()).orElseThrow());
    }
    if (m.status() != MeetingStatus.MEETING_STATUS_HELD) {
      throw ApiException.failedPrecondition("MEETING_NOT_HELD", name + " is " + m.status() + ": only the minutes of "
          + "a meeting held are approved", List.of());
    }
    if (by.bodyId() != m.bodyId() || !by.date().isAfter(m.date())) {
      throw ApiException.invalid("approving_meeting", approvingName + " is not a later meeting of the body that met "
          + "on " + m.date() + ": minutes are approved by the next meeting of the same body");
    }
    MeetingRow next = meetings.nextAfter(m.bodyId(), m.date()).orElseThrow();
    if (!next.id().equals(by.id())) {
      throw ApiException.failedPrecondition("NOT_NEXT_MEETING", "the next meeting of the body after " + m.date()
          + " is " + next.name() + " on " + next.date() + ", not " + approvingName + ": it approves these minutes",
          List.of());
    }
    if (by.status() != MeetingStatus.MEETING_STATUS_AGENDA_PUBLISHED
        && by.status() != MeetingStatus.MEETING_STATUS_HELD) {
      throw ApiException.failedPrecondition("MEETING_NOT_HELD", approvingName + " is " + by.status() + ": minutes "
          + "are approved at a meeting whose agenda is published or that is held", List.of());
    }
    Meeting old = MeetingMapper.toProto(get(name));
    meetings.update(new MeetingRow(m.id(), m.code(), m.bodyId(), m.date(), m.startTime(), m.endTime(), m.place(),
        m.status(), m.createTime(), m.version() + 1, by.id(), by.date()));
    Full after = get(name);
    audit.record(AuditLog.UPDATE, name, old, MeetingMapper.toProto(after));
    return after;
  }

  /** Decisions about {@code indicator} and {@code commitment} (each ignored when empty), with their meetings. */
  public Pages.Slice<DecisionRow> listDecisions(String indicator, String commitment, Pages.Page page) {
    return page.slice(decisions.search(indicator.isEmpty() ? null : indicator, commitment.isEmpty() ? null : commitment,
        page.size(), page.offset()));
  }

  /** The meetings decisions were taken at, and those meetings' bodies, by id: to map the decisions. */
  public Origins originsOfDecisions(List<DecisionRow> rows) {
    return origins(rows.stream().map(DecisionRow::meetingId).collect(Collectors.toSet()));
  }

  /** The earlier versions of meeting {@code parent}'s minutes, oldest first. */
  public Pages.Slice<MinutesRevisionRow> revisions(String parent, Pages.Page page) {
    MeetingRow m = find(parent, "parent");
    return page.slice(revisions.page(m.id(), page.size(), page.offset()));
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

  /** Actions filtered by owner, body, status, indicator and commitment (each ignored when empty), paged in SQL. */
  public Pages.Slice<ActionRow> listActions(String owner, String body, ActionStatus status, String indicator,
      String commitment, Pages.Page page) {
    Long bodyId = body.isEmpty() ? null : bodies.get(body, "body").id();
    String s = status == ActionStatus.ACTION_STATUS_UNSPECIFIED ? null : status.name();
    List<ActionRow> rows = actions.search(owner.isEmpty() ? null : owner, bodyId, s,
        indicator.isEmpty() ? null : indicator, commitment.isEmpty() ? null : commitment, page.size(), page.offset());
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
    return origins(rows.stream().map(ActionRow::meetingId).collect(Collectors.toSet()));
  }

  private Origins origins(Set<Long> meetingIds) {
    Map<Long, MeetingRow> ms = meetingIds.isEmpty() ? Map.of() : meetings.findByIdIn(meetingIds).stream()
        .collect(Collectors.toMap(MeetingRow::id, m -> m));
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
