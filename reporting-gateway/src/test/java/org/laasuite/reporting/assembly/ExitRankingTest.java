package org.laasuite.reporting.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.Protos;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.indicators.v1.ComputedJudgement;
import org.laasuite.indicators.v1.Direction;
import org.laasuite.indicators.v1.GapDirection;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.reporting.v1.ExitCandidate;
import org.laasuite.reporting.v1.IndicatorLine;

/** Which commitment exit planning puts first, and what it says of each. */
class ExitRankingTest {

  private static Commitment commitment(String id, int posts, LocalDate end) {
    return Commitment.newBuilder().setName("commitments/" + id).setId(id).setTitle(id).setPosts(posts)
        .setEndDate(Protos.date(end)).build();
  }

  private static IndicatorLine line(String code, Rating rating, Direction trend, GapDirection gap) {
    return IndicatorLine.newBuilder().setCode(code).setComputedJudgement(ComputedJudgement.newBuilder()
        .setRating(rating)).setTrend(trend).setGap(gap).build();
  }

  private static ExitRanking.Supported named(IndicatorLine... lines) {
    return new ExitRanking.Supported(List.of(lines), false);
  }

  private static List<String> order(List<ExitCandidate> ranked) {
    return ranked.stream().map(c -> c.getRank() + " " + c.getCommitment().getId()).toList();
  }

  private static final LocalDate MARCH = LocalDate.of(2008, 3, 31);

  @Test
  void nothingEndingIsAnEmptyPlanAndASingleCommitmentIsFirst() {
    assertEquals(List.of(), ExitRanking.rank(List.of(), Map.of()));
    var only = ExitRanking.rank(List.of(commitment("wardens", 4, MARCH)), Map.of());
    assertEquals(List.of("1 wardens"), order(only));
    assertEquals("supports no indicator", only.get(0).getReason());
    assertFalse(only.get(0).getThroughBodies());
  }

  @Test
  void theWorstSupportedIndicatorDecidesThenPostsThenTheEnd() {
    var ranked = ExitRanking.rank(List.of(
        commitment("none", 9, MARCH),
        commitment("green", 1, MARCH),
        commitment("red-improving", 1, MARCH),
        commitment("red-worsening", 1, MARCH.plusMonths(3)),
        commitment("red-worsening-more-posts", 3, MARCH.plusMonths(6)),
        commitment("red-worsening-sooner", 1, MARCH)),
        Map.of("commitments/green", named(line("G", Rating.RATING_GREEN, Direction.DIRECTION_WORSENING,
                GapDirection.GAP_DIRECTION_WIDENING)),
            "commitments/red-improving", named(line("R1", Rating.RATING_RED, Direction.DIRECTION_IMPROVING,
                GapDirection.GAP_DIRECTION_NARROWING), line("A", Rating.RATING_AMBER, Direction.DIRECTION_WORSENING,
                GapDirection.GAP_DIRECTION_WIDENING)),
            "commitments/red-worsening", named(line("R2", Rating.RATING_RED, Direction.DIRECTION_WORSENING,
                GapDirection.GAP_DIRECTION_NOT_KNOWN)),
            "commitments/red-worsening-more-posts", named(line("R2", Rating.RATING_RED,
                Direction.DIRECTION_WORSENING, GapDirection.GAP_DIRECTION_NOT_KNOWN)),
            "commitments/red-worsening-sooner", named(line("R2", Rating.RATING_RED, Direction.DIRECTION_WORSENING,
                GapDirection.GAP_DIRECTION_NOT_KNOWN))));
    assertEquals(List.of("1 red-worsening-more-posts", "2 red-worsening-sooner", "3 red-worsening",
        "4 red-improving", "5 green", "6 none"), order(ranked));
    ExitCandidate mixed = ranked.get(3);
    assertEquals(List.of("R1", "A"), mixed.getIndicatorsList().stream().map(IndicatorLine::getCode).toList(),
        "worst first");
    assertEquals("supports 1 red and 1 amber (1 worsening) indicators", mixed.getReason());
  }
}
