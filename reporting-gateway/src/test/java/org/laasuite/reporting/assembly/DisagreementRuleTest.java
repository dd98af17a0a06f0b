package org.laasuite.reporting.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.ComputedJudgement;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.indicators.v1.RecordedJudgement;
import org.laasuite.reporting.v1.JudgementDisagreement;

/** Which judgements disagree, and in what order the board reads them. */
class DisagreementRuleTest {

  private static IndicatorReport report(String code, String group, Rating computed, Rating recorded) {
    var r = IndicatorReport.newBuilder().setIndicator(Indicator.newBuilder().setName("indicators/" + code).setId(code)
        .setTitle(code + " title").setThemeGroup(group)).setComputedJudgement(ComputedJudgement.newBuilder()
        .setRating(computed).setExplanation("why " + code));
    if (recorded != Rating.RATING_UNSPECIFIED) {
      r.setRecordedJudgement(RecordedJudgement.newBuilder().setRating(recorded).setReason("because " + code));
    }
    return r.build();
  }

  private static List<String> codes(List<JudgementDisagreement> ds) {
    return ds.stream().map(JudgementDisagreement::getCode).toList();
  }

  @Test
  void nothingToCompareIsNoDisagreement() {
    assertEquals(List.of(), Disagreements.of(List.of(), Map.of()));
    // The rule cannot judge (no target): a judgement recorded beside it is no disagreement; nor is one not recorded.
    assertFalse(Disagreements.differs(report("A", "", Rating.RATING_UNSPECIFIED, Rating.RATING_RED)));
    assertFalse(Disagreements.differs(report("A", "", Rating.RATING_RED, Rating.RATING_UNSPECIFIED)));
    assertFalse(Disagreements.judgedBothWays(report("A", "", Rating.RATING_RED, Rating.RATING_UNSPECIFIED)));
    assertFalse(Disagreements.differs(report("A", "", Rating.RATING_AMBER, Rating.RATING_AMBER)), "agreeing");
  }

  @Test
  void aSingleDisagreementCarriesBothJudgementsAndTheirReasons() {
    var only = Disagreements.of(List.of(report("CYP-28", "bodies/cyp", Rating.RATING_RED,
        Rating.RATING_TOO_EARLY_TO_ASSESS)), Map.of("bodies/cyp", "Children and Young People's Partnership"));
    assertEquals(1, only.size());
    JudgementDisagreement d = only.get(0);
    assertEquals("indicators/CYP-28", d.getIndicator());
    assertEquals("Children and Young People's Partnership", d.getThemeGroupTitle());
    assertEquals(Rating.RATING_RED, d.getComputed().getRating());
    assertEquals("why CYP-28", d.getComputed().getExplanation());
    assertEquals(Rating.RATING_TOO_EARLY_TO_ASSESS, d.getRecorded().getRating());
    assertEquals("because CYP-28", d.getRecorded().getReason());
    assertTrue(Disagreements.judgedBothWays(report("X", "", Rating.RATING_TOO_EARLY_TO_ASSESS, Rating.RATING_RED)));
  }

  @Test
  void theyAreListedThemeGroupByThemeGroupInTheBlocksOrderThenByCode() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put("bodies/safety", "Community Safety");
    groups.put("bodies/cyp", "Children");
    var ds = Disagreements.of(List.of(
        report("Z-1", "", Rating.RATING_RED, Rating.RATING_GREEN),
        report("C-2", "bodies/cyp", Rating.RATING_GREEN, Rating.RATING_AMBER),
        report("C-1", "bodies/cyp", Rating.RATING_RED, Rating.RATING_AMBER),
        report("O-1", "bodies/other", Rating.RATING_AMBER, Rating.RATING_RED),
        report("S-1", "bodies/safety", Rating.RATING_AMBER, Rating.RATING_GREEN),
        report("S-2", "bodies/safety", Rating.RATING_GREEN, Rating.RATING_GREEN)), groups);
    assertEquals(List.of("S-1", "C-1", "C-2", "O-1", "Z-1"), codes(ds));
    assertEquals("", ds.get(3).getThemeGroupTitle(), "a group the blocks do not name has no title here");
  }
}
