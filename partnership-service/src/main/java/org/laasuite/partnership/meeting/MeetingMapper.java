package org.laasuite.partnership.meeting;

import java.util.Map;
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
import org.laasuite.partnership.v1.Meeting;

public final class MeetingMapper {

  private MeetingMapper() {
  }

  public static Meeting summary(MeetingRow m, BodyRow body) {
    var b = Meeting.newBuilder().setName(m.name()).setId(m.code()).setBody(body.name())
        .setDate(Protos.date(m.date())).setStartTime(m.startTime()).setEndTime(m.endTime()).setPlace(m.place())
        .setStatus(m.status());
    if (m.createTime() != null) {
      b.setCreateTime(Protos.timestamp(m.createTime()));
    }
    return b.build();
  }

  public static Meeting toProto(MeetingService.Full f) {
    Map<Long, PersonRow> people = f.people();
    var b = summary(f.meeting(), f.body()).toBuilder().setQuorate(f.quorate());
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
          .addAllDecisions(Lines.split(i.decisions()));
      if (i.presenterId() != null) {
        out.setPresenter(people.get(i.presenterId()).name());
      }
      b.addItems(out);
    });
    f.actions().forEach(a -> b.addActions(toProto(a, f.meeting(), f.body())));
    f.mattersArising().forEach(a -> b.addMattersArising(toProto(a, null, f.body())));
    return b.build();
  }

  public static Action toProto(ActionRow a, MeetingService.Origins origins) {
    return toProto(a, origins.meeting(a), origins.body(a));
  }

  /** The filters of a listing of actions, checked: owner, status and indicator (each optional). */
  public static void checkActionFilters(String owner, ActionStatus status, String indicator, Violations v) {
    if (!owner.isEmpty()) {
      v.check(ResourceNames.isNameIn(owner, ResourceNames.PEOPLE, ResourceNames.BODIES), "owner",
          "must look like 'people/{id}' or 'bodies/{id}'");
    }
    v.check(status != ActionStatus.UNRECOGNIZED, "status", "must be OPEN, DONE or DROPPED");
    if (!indicator.isEmpty()) {
      ResourceNames.INDICATORS.id(indicator, "indicator", v);
    }
  }

  /** {@code meeting} may be null when only its id is known (matters arising): the name is then not set. */
  public static Action toProto(ActionRow a, MeetingRow meeting, BodyRow body) {
    var out = Action.newBuilder().setName(a.name()).setItem(a.itemNumber())
        .setText(a.text()).setOwner(a.owner()).setDueText(a.dueText()).setStatus(a.status()).setNote(a.note())
        .setBody(body.name()).addAllIndicators(Lines.split(a.indicators()));
    if (meeting != null) {
      out.setMeeting(meeting.name());
    }
    if (a.dueDate() != null) {
      out.setDueDate(Protos.date(a.dueDate()));
    }
    return out.build();
  }
}
