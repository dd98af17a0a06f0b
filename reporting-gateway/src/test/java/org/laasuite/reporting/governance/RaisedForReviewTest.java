package org.laasuite.reporting.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.Protos;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.indicators.v1.ComputedJudgement;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.indicators.v1.RecordedJudgement;
import org.laasuite.partnership.v1.Risk;

/** Which commitments the register's page raises for review, and the risk the secretariat adds for one. */
class RaisedForReviewTest {

  private static final LocalDate TODAY = LocalDate.of(2007, 8, 22);

  private static IndicatorReport report(String code, Rating computed, Rating recorded) {
    var b = IndicatorReport.newBuilder().setIndicator(Indicator.newBuilder().setName("indicators/" + code).setId(code))
        .setComputedJudgement(ComputedJudgement.newBuilder().setRating(computed));
    if (recorded != null) {
      b.setRecordedJudgement(RecordedJudgement.newBuilder().setRating(recorded));
    }
    return b.build();
  }

  private static final Map<String, IndicatorReport> REPORTS = Map.of(
      "indicators/RED-1", report("RED-1", Rating.RATING_RED, null),
      "indicators/RED-2", report("RED-2", Rating.RATING_RED, null),
      "indicators/GREEN-1", report("GREEN-1", Rating.RATING_GREEN, null),
      // Judged amber by the rule, red by people: red.
      "indicators/JUDGED-RED", report("JUDGED-RED", Rating.RATING_AMBER, Rating.RATING_RED));

  private static Commitment ending(String id, LocalDate end, String... indicators) {
    var b = Commitment.newBuilder().setId(id).setName("commitments/" + id).setTitle(id).setProgramme("NRF")
        .setEndDate(Protos.date(end));
    for (String i : indicators) {
      b.addSupportsIndicators("indicators/" + i);
    }
    return b.build();
  }

  @Test
  void aCommitmentEndingFromTodayToSixMonthsAheadThatSupportsARedIndicatorIsRaised() {
    var raised = RaisedForReview.of(List.of(
        ending("ends-today", TODAY, "RED-1"),
        ending("ends-in-six-months", TODAY.plusMonths(6), "RED-1", "GREEN-1"),
        ending("ends-a-day-later", TODAY.plusMonths(6).plusDays(1), "RED-1"),
        ending("ended-yesterday", TODAY.minusDays(1), "RED-1"),
        ending("supports-green", TODAY.plusMonths(1), "GREEN-1"),
        ending("supports-unknown", TODAY.plusMonths(1), "NO-SUCH"),
        ending("judged-red-by-people", TODAY.plusMonths(2), "JUDGED-RED"),
        ending("registered", TODAY.plusMonths(1), "RED-1")), REPORTS, Set.of("funding-ends-registered"), TODAY);
    assertEquals(List.of("ends-today", "judged-red-by-people", "ends-in-six-months"), raised.stream()
        .map(r -> r.commitment().getId()).toList());
    assertEquals("RED-1", raised.get(2).codes(), "only its red indicators");
  }

  @Test
  void theRiskAddedIsScoredByHowSoonTheFundingEndsAndHowManyRedIndicatorsItSupports() {
    var soon = RaisedForReview.of(List.of(ending("soon", TODAY.plusMonths(2), "RED-1", "RED-2")), REPORTS, Set.of(),
        TODAY).getFirst();
    Risk risk = RaisedForReview.risk(soon, "Secretariat", TODAY);
    assertEquals("funding-ends-soon", risk.getId());
    assertEquals(5, risk.getLikelihoodScore());
    assertEquals(5, risk.getImpactScore());
    assertEquals(Protos.date(TODAY.plusMonths(1)), risk.getReviewDate());
    assertEquals("soon (NRF): its funding ends on 2007-10-22, and it supports indicators judged red (RED-1, RED-2).",
        risk.getRisk());

    var later = RaisedForReview.of(List.of(ending("later", TODAY.plusMonths(5), "RED-1")), REPORTS, Set.of(), TODAY)
        .getFirst();
    Risk laterRisk = RaisedForReview.risk(later, "Secretariat", TODAY);
    assertEquals(4, laterRisk.getLikelihoodScore());
    assertEquals(4, laterRisk.getImpactScore());

    var ending = RaisedForReview.of(List.of(ending("in-a-fortnight", TODAY.plusDays(14), "RED-1")), REPORTS,
        Set.of(), TODAY).getFirst();
    assertEquals(Protos.date(TODAY.plusDays(14)), RaisedForReview.risk(ending, "", TODAY).getReviewDate(),
        "reviewed by the day the funding ends");
  }
}
