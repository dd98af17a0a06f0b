package org.laasuite.reporting.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laasuite.partnership.v1.Attendance;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.MeetingStatus;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.Sector;

class HealthTest {

  private static final Map<String, Sector> SECTORS = Map.of("organisations/council", Sector.SECTOR_PUBLIC,
      "organisations/vcs", Sector.SECTOR_COMMUNITY);

  private static Attendance at(String person, AttendanceStatus s, String org) {
    return Attendance.newBuilder().setPerson(person).setStatus(s).setAffiliation(org).build();
  }

  private static Meeting meeting(int year, int month, int day, MeetingStatus status, Attendance... attendance) {
    return Meeting.newBuilder().setName("meetings/m-" + year + month + day).setStatus(status)
        .setDate(com.google.type.Date.newBuilder().setYear(year).setMonth(month).setDay(day))
        .addAllAttendance(List.of(attendance)).build();
  }

  private static Health health(Body body, List<Meeting> meetings, List<Membership> memberships) {
    return Health.of(body, meetings, memberships, Attendance::getAffiliation, name -> name.substring(14),
        name -> SECTORS.getOrDefault(name, Sector.SECTOR_UNSPECIFIED), Membership::getSector);
  }

  @Test
  void attendanceCountsTheYearToTheLatestHeldMeetingAndLeavesOutThoseInAttendance() {
    Body body = Body.newBuilder().setName("bodies/g").setType(BodyType.BODY_TYPE_THEME_GROUP).setQuorum(2).build();
    var present = AttendanceStatus.ATTENDANCE_STATUS_PRESENT;
    List<Meeting> meetings = List.of(
        meeting(2007, 6, 1, MeetingStatus.MEETING_STATUS_HELD, at("people/a", present, "organisations/council"),
            at("people/b", AttendanceStatus.ATTENDANCE_STATUS_APOLOGIES, "organisations/vcs"),
            at("people/c", AttendanceStatus.ATTENDANCE_STATUS_IN_ATTENDANCE, "organisations/council")),
        meeting(2007, 9, 1, MeetingStatus.MEETING_STATUS_HELD, at("people/a", present, "organisations/council"),
            at("people/b", present, "organisations/vcs")),
        // More than a year before the latest: left out.
        meeting(2006, 8, 31, MeetingStatus.MEETING_STATUS_HELD, at("people/a", present, "organisations/council")),
        // Not held yet: neither the latest nor counted.
        meeting(2008, 1, 1, MeetingStatus.MEETING_STATUS_SCHEDULED, at("people/a", present, "organisations/council")));
    Health h = health(body, meetings, List.of(Membership.newBuilder().setPerson("people/b")
        .setSector(Sector.SECTOR_COMMUNITY).build()));
    assertEquals(java.time.LocalDate.of(2007, 9, 1), h.to());
    assertEquals(2, h.meetings());
    assertEquals(List.of(new Health.Tally("council", 2, 0, 0), new Health.Tally("vcs", 1, 1, 0)), h.byOrganisation());
    assertEquals(List.of(new Health.Tally("Community", 1, 1, 0), new Health.Tally("Public", 2, 0, 0)), h.bySector());
    assertEquals("50%", h.bySector().get(0).rate());
    // Quorum 2: one present in June, two in September.
    assertEquals(2, h.quorum().size());
    assertFalse(h.quorum().stream().filter(q -> q.meeting().getDate().getMonth() == 6).findFirst().orElseThrow().met());
    assertTrue(h.quorum().stream().filter(q -> q.meeting().getDate().getMonth() == 9).findFirst().orElseThrow().met());
    assertEquals(new Health.Places(1, 2), h.places());
    assertTrue(h.places().short_());
  }

  @Test
  void aBodyStatingNoQuorumHasNoQuorumLinesAndOnlyAThemeGroupHasGuaranteedPlaces() {
    Body board = Body.newBuilder().setName("bodies/b").setType(BodyType.BODY_TYPE_PARTNERSHIP_BOARD).build();
    Health h = health(board, List.of(meeting(2007, 6, 1, MeetingStatus.MEETING_STATUS_HELD,
        at("people/a", AttendanceStatus.ATTENDANCE_STATUS_ABSENT, "organisations/council"))), List.of());
    assertTrue(h.quorum().isEmpty());
    assertEquals(List.of(new Health.Tally("council", 0, 0, 1)), h.byOrganisation());
    assertEquals("0%", h.byOrganisation().get(0).rate());
    assertEquals(new Health.Places(0, 0), h.places());
    assertFalse(h.places().short_());
    Health none = health(board, List.of(), List.of());
    assertEquals(null, none.to());
    assertEquals(0, none.meetings());
  }
}
