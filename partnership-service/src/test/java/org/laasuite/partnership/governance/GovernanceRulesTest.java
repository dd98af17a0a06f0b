package org.laasuite.partnership.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laasuite.partnership.body.BodyRow;
import org.laasuite.partnership.body.MembershipRow;
import org.laasuite.partnership.v1.BodyStatus;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.Role;
import org.laasuite.partnership.v1.Sector;

class GovernanceRulesTest {

  static final LocalDate TODAY = LocalDate.of(2007, 9, 1);

  static BodyRow body(long id, BodyType type) {
    return new BodyRow(id, "b" + id, "Body " + id, type, null, "", "", false, BodyStatus.BODY_STATUS_ACTIVE, null, 0, "");
  }

  static MembershipRow member(long body, long person, Role role, Sector sector, LocalDate from, LocalDate to) {
    return new MembershipRow(person * 100 + body, body, person, role, null, sector, from, to);
  }

  @Test
  void aThemeGroupWithFewerThanTwoCommunityMembersFallsShort() {
    BodyRow full = body(1, BodyType.BODY_TYPE_THEME_GROUP);
    BodyRow shortOne = body(2, BodyType.BODY_TYPE_THEME_GROUP);
    BodyRow board = body(3, BodyType.BODY_TYPE_PARTNERSHIP_BOARD);
    var ms = List.of(
        member(1, 10, Role.ROLE_MEMBER, Sector.SECTOR_COMMUNITY, null, null),
        member(1, 11, Role.ROLE_MEMBER, Sector.SECTOR_COMMUNITY, null, null),
        member(2, 12, Role.ROLE_MEMBER, Sector.SECTOR_COMMUNITY, null, null),
        member(2, 13, Role.ROLE_MEMBER, Sector.SECTOR_COMMUNITY, null, LocalDate.of(2007, 3, 31)),
        member(2, 14, Role.ROLE_CHAIR, Sector.SECTOR_PUBLIC, null, null));
    var shortfall = GovernanceRules.communityPlaces(List.of(full, shortOne, board), ms,
        GovernanceRules.sectorOf(Map.of(), Map.of()), TODAY);
    assertEquals(1, shortfall.size());
    assertEquals(shortOne, shortfall.get(0).body());
    assertEquals(1, shortfall.get(0).communityMembers(), "a membership that ended does not count");
  }

  @Test
  void theChairRotatesFromPublicToPrivateToVoluntary() {
    BodyRow board = body(3, BodyType.BODY_TYPE_PARTNERSHIP_BOARD);
    var ms = List.of(
        member(3, 20, Role.ROLE_CHAIR, Sector.SECTOR_PUBLIC, LocalDate.of(2005, 4, 1), LocalDate.of(2006, 3, 31)),
        member(3, 21, Role.ROLE_CHAIR, Sector.SECTOR_PRIVATE, LocalDate.of(2006, 4, 1), null));
    var r = GovernanceRules.chairRotation(board, ms, GovernanceRules.sectorOf(Map.of(), Map.of()), TODAY);
    assertEquals(Sector.SECTOR_PRIVATE, r.chairSector());
    assertEquals(Sector.SECTOR_PUBLIC, r.previousSector());
    assertEquals(Sector.SECTOR_VOLUNTARY, r.nextDue());
    assertTrue(r.explanation().contains("voluntary"), r.explanation());
  }

  @Test
  void aCommunitySectorChairTakesTheVoluntaryTurnAndPublicIsNext() {
    BodyRow board = body(3, BodyType.BODY_TYPE_PARTNERSHIP_BOARD);
    var ms = List.of(member(3, 22, Role.ROLE_CHAIR, Sector.SECTOR_COMMUNITY, LocalDate.of(2007, 4, 1), null));
    var r = GovernanceRules.chairRotation(board, ms, GovernanceRules.sectorOf(Map.of(), Map.of()), TODAY);
    assertEquals(Sector.SECTOR_VOLUNTARY, r.chairSector());
    assertEquals(Sector.SECTOR_PUBLIC, r.nextDue());
  }

  @Test
  void aChairWhoseSectorIsUnknownIsSaidSo() {
    BodyRow board = body(3, BodyType.BODY_TYPE_PARTNERSHIP_BOARD);
    var ms = List.of(member(3, 23, Role.ROLE_CHAIR, null, null, null));
    var r = GovernanceRules.chairRotation(board, ms, GovernanceRules.sectorOf(Map.of(), Map.of()), TODAY);
    assertNull(r.nextDue());
    assertTrue(r.explanation().contains("not recorded"));
  }

  @Test
  void theSectorComesFromTheMembershipThenTheOrganisationRepresentedThenThePersonsOrganisation() {
    var sectorOf = GovernanceRules.sectorOf(Map.of(7L, Sector.SECTOR_VOLUNTARY, 8L, Sector.SECTOR_PRIVATE), Map.of(30L, 8L));
    assertEquals(Sector.SECTOR_PUBLIC, sectorOf.apply(new MembershipRow(1L, 1, 30, Role.ROLE_MEMBER, 7L, Sector.SECTOR_PUBLIC, null, null)));
    assertEquals(Sector.SECTOR_VOLUNTARY, sectorOf.apply(new MembershipRow(1L, 1, 30, Role.ROLE_MEMBER, 7L, null, null, null)));
    assertEquals(Sector.SECTOR_PRIVATE, sectorOf.apply(new MembershipRow(1L, 1, 30, Role.ROLE_MEMBER, null, null, null, null)));
  }
}
