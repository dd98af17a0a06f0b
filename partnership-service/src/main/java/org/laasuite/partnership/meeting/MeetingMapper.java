package org.laasuite.partnership.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.laasuite.common.grpc.FieldBehaviors;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.common.grpc.Violations;
import org.laasuite.partnership.Lines;
import org.laasuite.partnership.body.BodyRow;
import org.laasuite.partnership.directory.PersonRow;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.partnership.v1.AgendaItem;
import org.laasuite.partnership.v1.Attendance;
import org.laasuite.partnership.v1.AttendanceEntry;
import org.laasuite.partnership.v1.AttendanceRecord;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.Decision;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.MeetingStatus;
import org.laasuite.partnership.v1.MinutesApproval;
import org.laasuite.partnership.v1.MinutesHit;
import org.laasuite.partnership.v1.MinutesRevision;
import org.laasuite.partnership.v1.Role;
import org.laasuite.partnership.v1.UpdateActionStatusRequest;

public final class MeetingMapper {

  static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  static final int MAX_MINUTES = 100_000;
  static final int MAX_DESCRIPTION = 20_000;

  private MeetingMapper() {
  }

  /**
   * The meeting to record, its shape checked into {@code v} (fields named from {@code p}): a person
   * listed twice, an action without an owner or due before the meeting, unbounded text. The body and
   * people it names are left for the service to resolve.
   */
  public static MeetingDraft fromProto(Meeting in, String p, Violations v) {
    FieldBehaviors.checkRequired(in, p, v); // what the proto marks REQUIRED, with the rules below
    ResourceNames.MEETINGS.validId(in.getId(), p + "id", v);
    LocalDate date = Protos.requiredDate(in.getDate(), p + "date", v);
    for (String f : List.of("start_time", "end_time")) {
      String t = f.equals("start_time") ? in.getStartTime() : in.getEndTime();
      v.check(t.isEmpty() || TIME.matcher(t).matches(), p + f, "must be a time like 10:00, not '" + Protos.clip(t) + "'");
    }
    v.maxLength(in.getPlace(), Violations.MAX_TITLE, p + "place");
    ProtoEnums.known(in.getStatus(), p + "status", v);
    MeetingRow meeting = new MeetingRow(null, in.getId(), 0, date, in.getStartTime(), in.getEndTime(), in.getPlace(),
        in.getStatus() == MeetingStatus.MEETING_STATUS_UNSPECIFIED ? MeetingStatus.MEETING_STATUS_HELD : in.getStatus(),
        null, 0, null, null);

    List<MeetingDraft.Attendee> att = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (int i = 0; i < in.getAttendanceCount(); i++) {
      var a = in.getAttendance(i);
      String f = p + "attendance[" + i + "]";
      v.check(listed.add(a.getPerson()), f + ".person", a.getPerson() + " is listed twice for this meeting");
      ProtoEnums.required(a.getStatus(), f + ".status", v);
      ProtoEnums.known(a.getRole(), f + ".role", v);
      v.maxLength(a.getAffiliation(), Violations.MAX_TITLE, f + ".affiliation");
      v.maxLength(a.getAsPrinted(), Violations.MAX_TITLE, f + ".as_printed");
      if (!a.getAffiliation().isEmpty()) {
        v.check(ResourceNames.isNameIn(a.getAffiliation(), ResourceNames.ORGANISATIONS, ResourceNames.BODIES),
            f + ".affiliation", "must look like 'organisations/{id}' or 'bodies/{id}'");
      }
      att.add(new MeetingDraft.Attendee(new AttendanceRow(null, 0, 0, i, a.getStatus(),
          a.getRole() == Role.ROLE_UNSPECIFIED ? null : a.getRole(), a.getAffiliation(), a.getAsPrinted(), null),
          a.getPerson(), a.getSubstituteFor()));
    }

    List<MeetingDraft.Item> its = new ArrayList<>();
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
      v.maxLength(it.getDescription(), MAX_DESCRIPTION, f + ".description");
      its.add(new MeetingDraft.Item(new AgendaItemRow(null, 0, it.getNumber(), it.getTitle(), null, it.getMinutes(),
          decisions, it.getDescription()), it.getPresenter()));
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
        v.check(ResourceNames.isNameIn(a.getOwner(), ResourceNames.PEOPLE, ResourceNames.BODIES), f + ".owner",
            "must look like 'people/{id}' or 'bodies/{id}'");
      }
      LocalDate due = a.hasDueDate() ? Protos.date(a.getDueDate(), f + ".due_date", v).orElse(null) : null;
      if (due != null && date != null) {
        v.check(!due.isBefore(date), f + ".due_date", "is " + due + ", before the meeting (" + date + ")");
      }
      v.maxLength(a.getDueText(), Violations.MAX_TITLE, f + ".due_text");
      v.maxLength(a.getNote(), Violations.MAX_TEXT, f + ".note");
      ProtoEnums.known(a.getStatus(), f + ".status", v);
      checkIndicators(a.getIndicatorsList(), 100, f + ".indicators", v);
      checkCommitments(a.getCommitmentsList(), 100, f + ".commitments", v);
      int position = positions.merge(a.getItem(), 1, Integer::sum);
      acts.add(new ActionRow(null, 0, a.getItem(), position, a.getText(), a.getOwner(), due, a.getDueText(),
          a.getStatus() == ActionStatus.ACTION_STATUS_UNSPECIFIED ? ActionStatus.ACTION_STATUS_OPEN : a.getStatus(),
          a.getNote(), Lines.join(a.getIndicatorsList()), 0, Lines.join(a.getCommitmentsList())));
    }
    return new MeetingDraft(meeting, in.getBody(), att, its, acts, decisions(in, p, v));
  }

  /**
   * Names of indicators, as an action carries them or a caller asks by them: each "indicators/{code}"
   * (the indicators service's names; this service checks their form, not their existence), at most
   * {@code max}, none twice.
   */
  public static void checkIndicators(List<String> names, int max, String field, Violations v) {
    checkNames(ResourceNames.INDICATORS, "indicators", names, max, field, v);
  }

  /**
   * Names of commitments, as an action or a decision carries them or a caller asks by them: each
   * "commitments/{id}" (the funding service's names; this service checks their form, not their existence),
   * at most {@code max}, none twice.
   */
  public static void checkCommitments(List<String> names, int max, String field, Violations v) {
    checkNames(ResourceNames.COMMITMENTS, "commitments", names, max, field, v);
  }

  private static void checkNames(ResourceNames kind, String what, List<String> names, int max, String field,
      Violations v) {
    v.check(names.size() <= max, field, "names " + names.size() + " " + what + "; at most " + max);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size() && i < max; i++) {
      String n = names.get(i);
      if (kind.id(n, field + "[" + i + "]", v) != null) {
        v.check(seen.add(n), field + "[" + i + "]", n + " is named twice");
      }
    }
  }

  public static Meeting summary(MeetingRow m, BodyRow body) {
    var b = Meeting.newBuilder().setName(m.name()).setId(m.code()).setBody(body.name())
        .setDate(Protos.date(m.date())).setStartTime(m.startTime()).setEndTime(m.endTime()).setPlace(m.place())
        .setStatus(m.status()).setEtag(m.etag());
    if (m.createTime() != null) {
      b.setCreateTime(Protos.timestamp(m.createTime()));
    }
    return b.build();
  }

  public static Meeting toProto(MeetingService.Full f) {
    Map<Long, PersonRow> people = f.people();
    var b = summary(f.meeting(), f.body()).toBuilder().setQuorate(f.quorate())
        .setMinutesRevisionCount((int) f.revisions());
    if (f.approvedBy() != null) {
      b.setMinutesApproval(MinutesApproval.newBuilder().setApprovingMeeting(f.approvedBy().name())
          .setDate(Protos.date(f.meeting().minutesApprovedDate())).setWording(MeetingService.APPROVAL_WORDING));
    }
    f.attendance().forEach(a -> {
      var out = Attendance.newBuilder().setPerson(people.get(a.personId()).name())
          .setStatus(a.status()).setAffiliation(a.affiliation()).setAsPrinted(a.asPrinted());
      if (a.role() != null) {
        out.setRole(a.role());
      }
      if (a.substituteForId() != null) {
        out.setSubstituteFor(people.get(a.substituteForId()).name());
      }
      b.addAttendance(out);
    });
    f.items().forEach(i -> {
      var out = AgendaItem.newBuilder().setNumber(i.number()).setTitle(i.title()).setMinutes(i.minutes())
          .addAllDecisions(Lines.split(i.decisions())).setDescription(i.description());
      if (i.presenterId() != null) {
        out.setPresenter(people.get(i.presenterId()).name());
      }
      b.addItems(out);
    });
    f.actions().forEach(a -> b.addActions(toProto(a, f.meeting(), f.body())));
    f.decisions().forEach(d -> b.addDecisions(toProto(d, f.meeting(), f.body())));
    f.mattersArising().forEach(a -> b.addMattersArising(toProto(a, f.arisingFrom().get(a.meetingId()), f.body())));
    return b.build();
  }

  public static Decision toProto(DecisionRow d, MeetingRow meeting, BodyRow body) {
    var out = Decision.newBuilder().setName(d.name()).setMeeting(meeting.name()).setItem(d.itemNumber())
        .setText(d.text()).addAllIndicators(Lines.split(d.indicators())).addAllCommitments(Lines.split(d.commitments()))
        .setBody(body.name());
    if (meeting.date() != null) {
      out.setMeetingDate(Protos.date(meeting.date()));
    }
    return out.build();
  }

  /**
   * The decisions of {@code in}, checked into {@code v}: each under an item the meeting has, with its text, and
   * the indicators and commitments it concerns named in their form, none twice.
   */
  public static List<DecisionRow> decisions(Meeting in, String p, Violations v) {
    Set<Integer> numbers = in.getItemsList().stream().map(AgendaItem::getNumber).collect(Collectors.toSet());
    Map<Integer, Integer> positions = new HashMap<>();
    List<DecisionRow> out = new ArrayList<>();
    for (int i = 0; i < in.getDecisionsCount(); i++) {
      var d = in.getDecisions(i);
      String f = p + "decisions[" + i + "]";
      v.requiredText(d.getText(), Violations.MAX_TEXT, f + ".text");
      v.check(numbers.contains(d.getItem()), f + ".item", "names item " + d.getItem()
          + ", which this meeting does not have");
      checkIndicators(d.getIndicatorsList(), 100, f + ".indicators", v);
      checkCommitments(d.getCommitmentsList(), 100, f + ".commitments", v);
      out.add(new DecisionRow(null, 0, d.getItem(), positions.merge(d.getItem(), 1, Integer::sum), d.getText(),
          Lines.join(d.getIndicatorsList()), Lines.join(d.getCommitmentsList())));
    }
    return out;
  }

  /** A kept version of {@code meeting}'s minutes. */
  public static MinutesRevision toProto(MeetingRow meeting, MinutesRevisionRow r) {
    Meeting was;
    try {
      was = Meeting.parseFrom(r.snapshot());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException("minutes revision " + r.id() + " is not a Meeting", e);
    }
    return MinutesRevision.newBuilder().setName(meeting.name() + "/minutesRevisions/" + r.revision())
        .setRevision(r.revision()).setMeeting(was).setReplaceTime(Protos.timestamp(r.createTime())).build();
  }

  public static Action toProto(ActionRow a, MeetingService.Origins origins) {
    return toProto(a, origins.meeting(a), origins.body(a));
  }

  /** The open actions of each body by body name. */
  public static Map<String, List<Action>> toProto(MeetingService.OpenActions open) {
    Map<String, List<Action>> out = new HashMap<>();
    open.byBody().forEach((body, rows) -> out.put(body, rows.stream().map(a -> toProto(a, open.origins())).toList()));
    return out;
  }

  public static AttendanceRecord toProto(MeetingService.AttendanceHistory h) {
    var out = AttendanceRecord.newBuilder().setPerson(h.person().name());
    h.rows().stream().sorted(Comparator.comparing(a -> h.meetings().get(a.meetingId()).date())).forEach(a -> {
      MeetingRow m = h.meetings().get(a.meetingId());
      out.addEntries(AttendanceEntry.newBuilder().setMeeting(m.name()).setBody(h.bodies().get(m.bodyId()).name())
          .setDate(Protos.date(m.date())).setStatus(a.status()));
    });
    Map<AttendanceStatus, Long> counts = h.rows().stream().collect(Collectors.groupingBy(AttendanceRow::status,
        Collectors.counting()));
    return out.setPresent(counts.getOrDefault(AttendanceStatus.ATTENDANCE_STATUS_PRESENT, 0L).intValue())
        .setInAttendance(counts.getOrDefault(AttendanceStatus.ATTENDANCE_STATUS_IN_ATTENDANCE, 0L).intValue())
        .setApologies(counts.getOrDefault(AttendanceStatus.ATTENDANCE_STATUS_APOLOGIES, 0L).intValue())
        .setAbsent(counts.getOrDefault(AttendanceStatus.ATTENDANCE_STATUS_ABSENT, 0L).intValue()).build();
  }

  public static MinutesHit toProto(MeetingService.MinutesMatch m) {
    return MinutesHit.newBuilder().setMeeting(ResourceNames.MEETINGS.name(m.meetingCode())).setItem(m.item())
        .setItemTitle(m.itemTitle()).setDate(Protos.date(m.date())).setSnippet(m.snippet()).build();
  }

  /**
   * The id of the action {@code r} names, its new status and note checked into {@code v}; -1 when
   * the name is malformed.
   */
  public static long checkStatusUpdate(UpdateActionStatusRequest r, Violations v) {
    String id = ResourceNames.ACTIONS.id(r.getName(), "name", v);
    ProtoEnums.required(r.getStatus(), "status", v);
    v.maxLength(r.getNote(), Violations.MAX_TEXT, "note");
    return id == null ? -1 : Long.parseLong(id);
  }

  /** The filters of a listing of actions, checked: owner, status, indicator and commitment (each optional). */
  public static void checkActionFilters(String owner, ActionStatus status, String indicator, String commitment,
      Violations v) {
    if (!owner.isEmpty()) {
      v.check(ResourceNames.isNameIn(owner, ResourceNames.PEOPLE, ResourceNames.BODIES), "owner",
          "must look like 'people/{id}' or 'bodies/{id}'");
    }
    ProtoEnums.known(status, "status", v);
    if (!indicator.isEmpty()) {
      ResourceNames.INDICATORS.id(indicator, "indicator", v);
    }
    if (!commitment.isEmpty()) {
      ResourceNames.COMMITMENTS.id(commitment, "commitment", v);
    }
  }

  /**
   * {@code meeting} is the one that agreed the action: its name and date become the action's meeting and
   * meeting_date, as a decision's do (neither is set when it is null).
   */
  public static Action toProto(ActionRow a, MeetingRow meeting, BodyRow body) {
    var out = Action.newBuilder().setName(a.name()).setItem(a.itemNumber())
        .setText(a.text()).setOwner(a.owner()).setDueText(a.dueText()).setStatus(a.status()).setNote(a.note())
        .setBody(body.name()).addAllIndicators(Lines.split(a.indicators()))
        .addAllCommitments(Lines.split(a.commitments())).setEtag(a.etag());
    if (meeting != null) {
      out.setMeeting(meeting.name());
      if (meeting.date() != null) {
        out.setMeetingDate(Protos.date(meeting.date()));
      }
    }
    if (a.dueDate() != null) {
      out.setDueDate(Protos.date(a.dueDate()));
    }
    return out.build();
  }
}
