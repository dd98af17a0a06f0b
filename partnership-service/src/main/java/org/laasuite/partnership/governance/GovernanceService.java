package org.laasuite.partnership.governance;

import jakarta.inject.Singleton;
import java.time.LocalDate;
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
import org.laasuite.partnership.meeting.AttendanceRow;
import org.laasuite.partnership.meeting.MeetingRow;
import org.laasuite.partnership.meeting.MeetingRepositories.AttendanceRepository;
import org.laasuite.partnership.meeting.MeetingRepositories.MeetingRepository;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.BodyStatus;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.ChairRotation;
import org.laasuite.partnership.v1.CommunityPlaces;
import org.laasuite.partnership.v1.GovernanceReport;
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

  public GovernanceReport check(LocalDate today) {
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
    var report = GovernanceReport.newBuilder();
    for (var s : GovernanceRules.communityPlaces(all, ms, sectorOf, today)) {
      report.addCommunityPlaces(CommunityPlaces.newBuilder().setBody(s.body().name())
          .setCommunityMembers(s.communityMembers()).setRequired(GovernanceRules.COMMUNITY_PLACES));
    }
    all.stream().filter(b -> b.type() == BodyType.BODY_TYPE_PARTNERSHIP_BOARD && b.status() == BodyStatus.BODY_STATUS_ACTIVE).findFirst()
        .ifPresent(board -> {
          var r = GovernanceRules.chairRotation(board, ms, sectorOf, today);
          var cr = ChairRotation.newBuilder().setBoard(board.name()).setExplanation(r.explanation());
          if (r.chair() != null) {
            cr.setChair(people.get(r.chair().personId()).name());
          }
          if (r.chairSector() != null) {
            cr.setChairSector(r.chairSector());
          }
          if (r.previousSector() != null) {
            cr.setPreviousSector(r.previousSector());
          }
          if (r.nextDue() != null) {
            cr.setNextDue(r.nextDue());
          }
          report.setChairRotation(cr);
        });
    Map<Long, BodyRow> byId = all.stream().collect(Collectors.toMap(BodyRow::id, b -> b));
    List<MeetingRow> held = meetings.held().stream().filter(m -> byId.get(m.bodyId()).quorum() > 0).toList();
    Map<Long, List<AttendanceRow>> att = held.isEmpty() ? Map.of()
        : attendance.findByMeetingIdIn(held.stream().map(MeetingRow::id).toList()).stream()
            .collect(Collectors.groupingBy(AttendanceRow::meetingId));
    for (MeetingRow m : held) {
      long present = att.getOrDefault(m.id(), List.of()).stream()
          .filter(a -> a.status() == AttendanceStatus.ATTENDANCE_STATUS_PRESENT)
          .filter(a -> ms.stream().anyMatch(x -> x.bodyId() == m.bodyId() && x.personId() == a.personId()
              && x.currentOn(m.date())))
          .count();
      if (present < byId.get(m.bodyId()).quorum()) {
        report.addInquorateMeetings(m.name());
      }
    }
    return report.build();
  }
}
