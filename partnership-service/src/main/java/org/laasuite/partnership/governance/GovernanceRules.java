package org.laasuite.partnership.governance;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.partnership.body.BodyRow;
import org.laasuite.partnership.body.MembershipRow;
import org.laasuite.partnership.v1.BodyStatus;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.Role;
import org.laasuite.partnership.v1.Sector;

/**
 * The rules the partnership lives by (seed 001, the partnership's constitution): the community
 * sector has two guaranteed places on each theme group; the board chair rotates annually between the
 * public, private and voluntary sectors (the voluntary and community sector counting as one). Pure.
 */
public final class GovernanceRules {

  public static final int COMMUNITY_PLACES = 2;
  /** The rotation's order: public, then private, then voluntary, then public again. */
  static final List<Sector> ROTATION = List.of(Sector.SECTOR_PUBLIC, Sector.SECTOR_PRIVATE, Sector.SECTOR_VOLUNTARY);

  private GovernanceRules() {
  }

  public record ShortOfPlaces(BodyRow body, int communityMembers) {
  }

  /** Active theme groups with fewer than two current community-sector members. */
  public static List<ShortOfPlaces> communityPlaces(List<BodyRow> bodies, List<MembershipRow> memberships,
      Function<MembershipRow, Sector> sectorOf, LocalDate today) {
    List<ShortOfPlaces> out = new ArrayList<>();
    for (BodyRow b : bodies) {
      if (b.type() != BodyType.BODY_TYPE_THEME_GROUP || b.status() != BodyStatus.BODY_STATUS_ACTIVE) {
        continue;
      }
      int community = (int) memberships.stream().filter(m -> m.bodyId() == b.id() && m.currentOn(today))
          .filter(m -> sectorOf.apply(m) == Sector.SECTOR_COMMUNITY).map(MembershipRow::personId).distinct().count();
      if (community < COMMUNITY_PLACES) {
        out.add(new ShortOfPlaces(b, community));
      }
    }
    return out;
  }

  public record Rotation(@Nullable MembershipRow chair, @Nullable Sector chairSector, @Nullable Sector previousSector,
      @Nullable Sector nextDue, String explanation) {
  }

  /** The board's chairs by start date: who chairs now, from which sector, and which sector is next. */
  public static Rotation chairRotation(BodyRow board, List<MembershipRow> memberships,
      Function<MembershipRow, Sector> sectorOf, LocalDate today) {
    List<MembershipRow> chairs = memberships.stream().filter(m -> m.bodyId() == board.id() && m.role() == Role.ROLE_CHAIR)
        .sorted(Comparator.comparing((MembershipRow m) -> m.startDate() == null ? LocalDate.MIN : m.startDate()))
        .toList();
    MembershipRow current = chairs.stream().filter(m -> m.currentOn(today)).reduce((a, b) -> b).orElse(null);
    if (current == null) {
      return new Rotation(null, null, null, null, board.title() + " has no chair recorded.");
    }
    Sector sector = rotationSector(sectorOf.apply(current));
    MembershipRow previous = chairs.indexOf(current) > 0 ? chairs.get(chairs.indexOf(current) - 1) : null;
    Sector previousSector = previous == null ? null : rotationSector(sectorOf.apply(previous));
    if (sector == null) {
      return new Rotation(current, null, previousSector, null,
          "The chair's sector is not recorded, so the next sector cannot be worked out.");
    }
    Sector next = ROTATION.get((ROTATION.indexOf(sector) + 1) % ROTATION.size());
    String explanation = "The chair is from the " + word(sector) + " sector"
        + (previousSector == null ? "" : previousSector == sector
            ? ", as was the previous chair: the rotation was not followed"
            : " after a chair from the " + word(previousSector) + " sector")
        + "; the next chair is due from the " + word(next) + " sector.";
    return new Rotation(current, sector, previousSector, next, explanation);
  }

  /** Voluntary and community sector chairs count as the voluntary turn. */
  static Sector rotationSector(@Nullable Sector s) {
    return s == Sector.SECTOR_COMMUNITY ? Sector.SECTOR_VOLUNTARY : s;
  }

  private static String word(Sector s) {
    return ProtoEnums.words(s);
  }

  /** The sector a membership represents: its own, else its organisation's, else its person's organisation's. */
  public static Function<MembershipRow, Sector> sectorOf(Map<Long, Sector> organisationSectors,
      Map<Long, Long> personOrganisations) {
    return m -> {
      if (m.sector() != null) {
        return m.sector();
      }
      if (m.representsId() != null) {
        return organisationSectors.get(m.representsId());
      }
      Long org = personOrganisations.get(m.personId());
      return org == null ? null : organisationSectors.get(org);
    };
  }
}
