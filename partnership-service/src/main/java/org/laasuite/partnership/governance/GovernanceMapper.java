package org.laasuite.partnership.governance;

import org.laasuite.partnership.v1.ChairRotation;
import org.laasuite.partnership.v1.CommunityPlaces;
import org.laasuite.partnership.v1.GovernanceReport;

/** What the governance rules find, as the API reports it. */
public final class GovernanceMapper {

  private GovernanceMapper() {
  }

  public static GovernanceReport toProto(GovernanceService.Findings f) {
    var report = GovernanceReport.newBuilder();
    for (var s : f.shortOfPlaces()) {
      report.addCommunityPlaces(CommunityPlaces.newBuilder().setBody(s.body().name())
          .setCommunityMembers(s.communityMembers()).setRequired(GovernanceRules.COMMUNITY_PLACES));
    }
    if (f.board() != null) {
      var r = f.rotation();
      var cr = ChairRotation.newBuilder().setBoard(f.board().name()).setExplanation(r.explanation());
      if (r.chair() != null) {
        cr.setChair(f.people().get(r.chair().personId()).name());
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
    }
    f.inquorate().forEach(m -> report.addInquorateMeetings(m.name()));
    return report.build();
  }
}
