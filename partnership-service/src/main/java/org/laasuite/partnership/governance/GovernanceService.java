package org.laasuite.partnership.governance;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laasuite.partnership.body.BodyRow;
import org.laasuite.partnership.body.BodyService;
import org.laasuite.partnership.body.MembershipRow;
import org.laasuite.partnership.directory.DirectoryService;
import org.laasuite.partnership.directory.OrganisationRow;
import org.laasuite.partnership.directory.PersonRow;
import org.laasuite.partnership.governance.GovernanceRules.Rotation;
import org.laasuite.partnership.governance.GovernanceRules.ShortOfPlaces;
import org.laasuite.partnership.meeting.AttendanceRow;
import org.laasuite.partnership.meeting.MeetingRepositories.AttendanceRepository;
import org.laasuite.partnership.meeting.MeetingRepositories.MeetingRepository;
import org.laasuite.partnership.meeting.MeetingRow;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.BodyStatus;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.Sector;

/** Reads the structure once and applies {@link GovernanceRules}. */
@Singleton
public class GovernanceService {

  private final BodyService bodies;
  private final DirectoryService directory;
  private final MeetingRepository meetings;
  private final AttendanceRepository attendance;

  public GovernanceService(BodyService bodies, DirectoryService directory, MeetingRepository meetings,
      AttendanceRepository attendance) {
    this.bodies = bodies;
    this.directory = directory;
    this.meetings = meetings;
    this.attendance = attendance;
  }

  /**
   * What the rules find: theme groups short of community places, the active board and its chair
   * rotation (null when there is no active board), the people by id those name, and the held
   * meetings that were not quorate.
   */
  public record Findings(List<ShortOfPlaces> shortOfPlaces, @Nullable BodyRow board, @Nullable Rotation rotation, Map<Long, PersonRow> people, List<MeetingRow> inquorate) {
  }

  public Findings check(LocalDate today) {
    List<BodyRow> all = bodies.all();
    List<MembershipRow> ms = bodies.allMemberships();
    Map<Long, PersonRow> people = directory.peopleById(ms.stream().map(MembershipRow::personId).collect(Collectors.toSet()));
    Map<Long, Long> personOrgs = new HashMap<>();
    people.values().forEach(p -> {
      if (p.organisationId() != null) {
        personOrgs.put(p.id(), p.organisationId());
      }
    });
    var orgIds = new java.util.HashSet<>(personOrgs.values());
    ms.stream().map(MembershipRow::representsId).filter(java.util.Objects::nonNull).forEach(orgIds::add);
    Map<Long, Sector> orgSectors = new HashMap<>();
    directory.organisationsById(orgIds).values().forEach((OrganisationRow o) -> {
      if (o.sector() != null) {
        orgSectors.put(o.id(), o.sector());
      }
    });
    Function<MembershipRow, Sector> sectorOf = GovernanceRules.sectorOf(orgSectors, personOrgs);
    var shortOfPlaces = GovernanceRules.communityPlaces(all, ms, sectorOf, today);
    BodyRow board = all.stream().filter(b -> b.type() == BodyType.BODY_TYPE_PARTNERSHIP_BOARD
        && b.status() == BodyStatus.BODY_STATUS_ACTIVE).findFirst().orElse(null);
    var rotation = board == null ? null : GovernanceRules.chairRotation(board, ms, sectorOf, today);
    Map<Long, BodyRow> byId = all.stream().collect(Collectors.toMap(BodyRow::id, b -> b));
    List<MeetingRow> held = meetings.held().stream().filter(m -> byId.get(m.bodyId()).quorum() > 0).toList();
    Map<Long, List<AttendanceRow>> att = held.isEmpty() ? Map.of()
        : attendance.findByMeetingIdIn(held.stream().map(MeetingRow::id).toList()).stream()
            .collect(Collectors.groupingBy(AttendanceRow::meetingId));
    List<MeetingRow> inquorate = new ArrayList<>();
    for (MeetingRow m : held) {
      long present = att.getOrDefault(m.id(), List.of()).stream()
          .filter(a -> a.status() == AttendanceStatus.ATTENDANCE_STATUS_PRESENT)
          .filter(a -> ms.stream().anyMatch(x -> x.bodyId() == m.bodyId() && x.personId() == a.personId()
              && x.currentOn(m.date())))
          .count();
      if (present < byId.get(m.bodyId()).quorum()) {
        inquorate.add(m);
      }
    }
    return new Findings(shortOfPlaces, board, rotation, people, inquorate);
  }
}
