package org.laasuite.reporting.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.laasuite.partnership.v1.Attendance;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.MeetingStatus;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.Sector;

/**
 * A body's governance health from its own records: attendance by organisation and by sector at its meetings of the
 * last year (counted back from its latest meeting, since the data's dates are not today's), quorum met or not where
 * it states one, and the community sector's guaranteed places on a theme group. Pure, so that it is tested alone.
 */
public record Health(LocalDate from, LocalDate to, int meetings, List<Tally> byOrganisation, List<Tally> bySector,
    List<Quorum> quorum, Places places) {

  /** The community sector's guaranteed places on each theme group. */
  public static final int COMMUNITY_PLACES = 2;

  /**
   * Of those expected (members present, sending apologies or absent; those in attendance are not members), how many
   * were present: a substitute counts as present for the organisation of the member they stand for.
   */
  public record Tally(String name, int present, int apologies, int absent) {
    public int expected() {
      return present + apologies + absent;
    }

    /** "80%", or "–" when nobody was expected. */
    public String rate() {
      return expected() == 0 ? "–" : Math.round(100.0 * present / expected()) + "%";
    }
  }

  /** A held meeting and whether the members present met the stated quorum. */
  public record Quorum(Meeting meeting, int present, boolean met) {
  }

  /** Community-sector members of a theme group, of the places guaranteed (0 required for other bodies). */
  public record Places(int filled, int required) {
    public boolean short_() {
      return filled < required;
    }
  }

  /**
   * {@code organisationOf}: the organisation an attendance is counted for (resource name); {@code titleOf} its title;
   * {@code sectorOf} its sector; {@code membershipSector} a membership's sector (its own, else its organisation's).
   */
  public static Health of(Body body, List<Meeting> meetings, List<Membership> memberships,
      Function<Attendance, String> organisationOf, Function<String, String> titleOf,
      Function<String, Sector> sectorOf, Function<Membership, Sector> membershipSector) {
    List<Meeting> held = meetings.stream().filter(m -> m.getStatus() != MeetingStatus.MEETING_STATUS_CANCELLED
        && m.getStatus() != MeetingStatus.MEETING_STATUS_SCHEDULED).toList();
    LocalDate to = held.stream().map(m -> date(m)).max(LocalDate::compareTo).orElse(null);
    LocalDate from = to == null ? null : to.minusYears(1);
    List<Meeting> year = held.stream().filter(m -> date(m).isAfter(from)).toList();
    Map<String, int[]> byOrg = new TreeMap<>();
    Map<String, int[]> bySector = new TreeMap<>();
    List<Quorum> quorum = new ArrayList<>();
    for (Meeting m : year) {
      int present = 0;
      for (Attendance a : m.getAttendanceList()) {
        int column = switch (a.getStatus()) {
          case ATTENDANCE_STATUS_PRESENT -> 0;
          case ATTENDANCE_STATUS_APOLOGIES -> 1;
          case ATTENDANCE_STATUS_ABSENT -> 2;
          default -> -1;
        };
        if (column < 0) {
          continue;
        }
        present += column == 0 ? 1 : 0;
        String org = organisationOf.apply(a);
        String orgTitle = org.isEmpty() ? "Organisation not recorded" : titleOf.apply(org);
        byOrg.computeIfAbsent(orgTitle, k -> new int[3])[column]++;
        Sector s = org.isEmpty() ? Sector.SECTOR_UNSPECIFIED : sectorOf.apply(org);
        bySector.computeIfAbsent(sector(s), k -> new int[3])[column]++;
      }
      if (body.getQuorum() > 0) {
        quorum.add(new Quorum(m, present, present >= body.getQuorum()));
      }
    }
    int community = (int) memberships.stream().filter(ms -> current(ms, to))
        .filter(ms -> membershipSector.apply(ms) == Sector.SECTOR_COMMUNITY).map(Membership::getPerson).distinct()
        .count();
    int required = body.getType() == BodyType.BODY_TYPE_THEME_GROUP ? COMMUNITY_PLACES : 0;
    return new Health(from, to, year.size(), tallies(byOrg), tallies(bySector), quorum,
        new Places(community, required));
  }

  private static boolean current(Membership m, LocalDate on) {
    LocalDate day = on == null ? LocalDate.now() : on;
    return (!m.hasEndDate() || m.getEndDate().getYear() == 0 || !date(m.getEndDate()).isBefore(day));
  }

  private static List<Tally> tallies(Map<String, int[]> counts) {
    return counts.entrySet().stream().map(e -> new Tally(e.getKey(), e.getValue()[0], e.getValue()[1],
        e.getValue()[2])).toList();
  }

  static LocalDate date(Meeting m) {
    return date(m.getDate());
  }

  static LocalDate date(com.google.type.Date d) {
    return LocalDate.of(d.getYear(), Math.max(1, d.getMonth()), Math.max(1, d.getDay()));
  }

  /** "Public", "Voluntary", "Not recorded". */
  public static String sector(Sector s) {
    return switch (s) {
      case SECTOR_PUBLIC -> "Public";
      case SECTOR_PRIVATE -> "Private";
      case SECTOR_VOLUNTARY -> "Voluntary";
      case SECTOR_COMMUNITY -> "Community";
      default -> "Not recorded";
    };
  }

}
