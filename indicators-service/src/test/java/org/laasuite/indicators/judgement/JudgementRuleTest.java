package org.laasuite.indicators.judgement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.figure.FigureText;
import org.laasuite.indicators.figure.FigureValue;
import org.laasuite.indicators.period.PeriodLabels;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.Direction;
import org.laasuite.indicators.v1.GapDirection;
import org.laasuite.indicators.v1.JudgementBasis;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.indicators.v1.Rating;

class JudgementRuleTest {

  private static final JudgementRule.Settings HIGHER =
      new JudgementRule.Settings(Polarity.POLARITY_HIGHER_IS_BETTER, false, false, null);
  private static final JudgementRule.Settings LOWER =
      new JudgementRule.Settings(Polarity.POLARITY_LOWER_IS_BETTER, false, false, null);

  private static PeriodRow p(String label) {
    return PeriodLabels.parse(label).orElseThrow();
  }

  private static PeriodRow fy(int year) {
    return PeriodLabels.financialYear(year, year + "-" + (year + 1) % 100);
  }

  private static Observation o(PeriodRow reporting, String data, String value) {
    return new Observation(reporting, data == null ? null : p(data), null, new BigDecimal(value));
  }

  private static TargetPoint t(PeriodRow period, String text) {
    return new TargetPoint(period, FigureText.parse(text));
  }

  /** Seed, Children & Young People row 27: target 92.2 for 2006-07, outturn 91.7 (Nov-05). */
  @Test
  void cypRow27IsAmberWithVarianceMinusHalf() {
    List<Observation> outturns = List.of(o(fy(2004), "Nov-04", "92.0"), o(fy(2005), "Nov-05", "91.7"),
        o(fy(2006), "Nov-05", "91.7"));
    List<TargetPoint> targets = List.of(t(fy(2006), "92.2"), t(fy(2007), "92.8"), t(fy(2008), "93.4"));
    Judgement j = JudgementRule.judge(HIGHER, outturns, targets);
    assertEquals(Rating.RATING_AMBER, j.rating());
    assertEquals(JudgementBasis.JUDGEMENT_BASIS_AGAINST_TARGET, j.basis());
    assertEquals(0, new BigDecimal("-0.5").compareTo(j.variance()));
    assertEquals(0, new BigDecimal("92.2").compareTo(j.target()));
    assertEquals("fy-2006-07", j.period().code());
    assertTrue(j.explanation().contains("amber"), j.explanation());
  }

  /** Seed row 28: NEET, lower is better, target 8.8 for 2006-07, Q1 2006-07 outturn 9.70% -> red. */
  @Test
  void cypRow28NeetIsRed() {
    List<Observation> outturns = List.of(o(fy(2004), "Nov-05", "8.6"), o(fy(2006), "Q1 2006-07", "9.70"));
    List<TargetPoint> targets = List.of(t(fy(2006), "8.8"), t(fy(2007), "8.1"), t(fy(2008), "7.4"));
    Judgement j = JudgementRule.judge(LOWER, outturns, targets);
    assertEquals(Rating.RATING_RED, j.rating());
    assertEquals(0, new BigDecimal("-0.9").compareTo(j.variance()));
    assertEquals(JudgementBasis.JUDGEMENT_BASIS_AGAINST_TARGET, j.basis(), "a percentage is not pro-rated");
  }

  @Test
  void meetingTheTargetIsGreenWhicheverThePolarity() {
    assertEquals(Rating.RATING_GREEN, JudgementRule.judge(HIGHER, List.of(o(fy(2006), null, "93")),
        List.of(t(fy(2006), "92.2"))).rating());
    assertEquals(Rating.RATING_GREEN, JudgementRule.judge(LOWER, List.of(o(fy(2006), null, "8.8")),
        List.of(t(fy(2006), "8.8"))).rating());
  }

  @Test
  void theToleranceIsFivePercentOfTheTargetUnlessTheIndicatorSetsOne() {
    // 94 against 100: 6 short, beyond 5 -> red; with a tolerance of 10 -> amber
    var outturns = List.of(o(fy(2006), null, "94"));
    var targets = List.of(t(fy(2006), "100"));
    assertEquals(Rating.RATING_RED, JudgementRule.judge(HIGHER, outturns, targets).rating());
    var lenient = new JudgementRule.Settings(Polarity.POLARITY_HIGHER_IS_BETTER, false, false, new BigDecimal("10"));
    assertEquals(Rating.RATING_AMBER, JudgementRule.judge(lenient, outturns, targets).rating());
    assertEquals(0, new BigDecimal("5").compareTo(JudgementRule.judge(HIGHER, outturns, targets).tolerance()));
  }

  /** Seed row 36: 58 young people in treatment in Q1 against 107 for the year: on track pro rata. */
  @Test
  void aPartYearCountIsJudgedAgainstTheProRataTarget() {
    var cumulative = new JudgementRule.Settings(Polarity.POLARITY_HIGHER_IS_BETTER, false, true, null);
    Judgement j = JudgementRule.judge(cumulative, List.of(o(fy(2006), "Q1 2006/07", "58")),
        List.of(t(fy(2006), "107")));
    assertEquals(Rating.RATING_GREEN, j.rating());
    assertEquals(JudgementBasis.JUDGEMENT_BASIS_AGAINST_PRO_RATA_TARGET, j.basis());
    // 107 x 91/365 days of the year = 26.676..., shown to two places
    assertEquals(new BigDecimal("26.68"), j.target());
    assertEquals("Outturn 58 against the pro-rata target 26.68 (107 for 2006-7 x 0.249 of the period covered) "
        + "(higher is better): target met, so green.", j.explanation());
  }

  /** Seed row 38: 6 completions in Q1 against 55 for the year; the shortfall is judged exactly, shown rounded. */
  @Test
  void derivedFiguresAreShownToTheDataPlacesButJudgedExactly() {
    var cumulative = new JudgementRule.Settings(Polarity.POLARITY_HIGHER_IS_BETTER, false, true, null);
    Judgement j = JudgementRule.judge(cumulative, List.of(o(fy(2006), "Q1 2006/07", "6")),
        List.of(t(fy(2006), "55")));
    assertEquals(Rating.RATING_RED, j.rating());
    assertEquals(new BigDecimal("-7.71"), j.variance());
    assertEquals(new BigDecimal("0.69"), j.tolerance());
    assertTrue(j.explanation().contains("7.71 short of target, beyond the amber tolerance of 0.69"), j.explanation());
    // Just inside a tolerance that rounds to the shortfall is still amber, not a tie broken by rounding.
    var tight = new JudgementRule.Settings(Polarity.POLARITY_HIGHER_IS_BETTER, false, false, new BigDecimal("1.004"));
    Judgement amber = JudgementRule.judge(tight, List.of(o(fy(2006), null, "98.997")), List.of(t(fy(2006), "100")));
    assertEquals(Rating.RATING_AMBER, amber.rating());
    assertEquals(new BigDecimal("-1.003"), amber.variance());
  }

  @Test
  void aProfiledTargetForThePartOfTheYearWinsOverProRata() {
    var cumulative = new JudgementRule.Settings(Polarity.POLARITY_HIGHER_IS_BETTER, false, true, null);
    PeriodRow q1 = p("Q1 2006-07");
    Judgement j = JudgementRule.judge(cumulative, List.of(o(fy(2006), "Q1 2006-07", "20")),
        List.of(t(fy(2006), "107"), new TargetPoint(q1, FigureValue.of(new BigDecimal("40")))));
    assertEquals(Rating.RATING_RED, j.rating());
    assertEquals(0, new BigDecimal("40").compareTo(j.target()));
  }

  @Test
  void lessThanTargetsAreMetOnlyBelowTheBound() {
    // seed row 25: secondary exclusions 8 against "Less than 15 across all phases"
    assertEquals(Rating.RATING_GREEN, JudgementRule.judge(LOWER, List.of(o(fy(2006), "Academic Year 05/06", "8")),
        List.of(t(fy(2006), "Less than 15 across all phases"))).rating());
    assertEquals(Rating.RATING_AMBER, JudgementRule.judge(LOWER, List.of(o(fy(2006), null, "15")),
        List.of(t(fy(2006), "Less than 15 across all phases"))).rating());
  }

  @Test
  void withoutATargetItIsTooEarlyToAssessAndSaysWhy() {
    Judgement j = JudgementRule.judge(HIGHER, List.of(o(fy(2007), null, "50")),
        List.of(t(fy(2007), "To be set in 2007")));
    assertEquals(Rating.RATING_TOO_EARLY_TO_ASSESS, j.rating());
    assertEquals(JudgementBasis.JUDGEMENT_BASIS_WITHOUT_TARGET, j.basis());
    assertTrue(j.explanation().contains("To be set in 2007"), j.explanation());
  }

  @Test
  void withoutAnOutturnItIsTooEarlyToAssess() {
    Judgement j = JudgementRule.judge(HIGHER, List.of(), List.of(t(fy(2006), "92.2")));
    assertEquals(Rating.RATING_TOO_EARLY_TO_ASSESS, j.rating());
    assertEquals(JudgementBasis.JUDGEMENT_BASIS_WITHOUT_OUTTURN, j.basis());
    assertNull(j.period());
  }

  /** Seed SSC Neighbourhoods row 12: monitor only, 82.2 (Dec-04) then 81.2 (Dec-05). */
  @Test
  void monitorOnlyIndicatorsAreJudgedByDirectionOfTravel() {
    var monitor = new JudgementRule.Settings(Polarity.POLARITY_HIGHER_IS_BETTER, true, false, null);
    var outturns = List.of(o(fy(2004), "Dec-04", "82.2"), o(fy(2005), "Dec-05", "81.2"));
    Judgement j = JudgementRule.judge(monitor, outturns, List.of(t(fy(2005), "Monitor only")));
    assertEquals(Rating.RATING_RED, j.rating());
    assertEquals(JudgementBasis.JUDGEMENT_BASIS_DIRECTION_OF_TRAVEL, j.basis());
    Judgement single = JudgementRule.judge(monitor, outturns.subList(0, 1), List.of());
    assertEquals(Rating.RATING_TOO_EARLY_TO_ASSESS, single.rating());
  }

  /** Did the action agreed on 22 August 2007 turn the curve? The trend before that day and since. */
  @Test
  void theTrendAroundADayComparesTheFiguresBeforeItAndTheLatestSince() {
    java.time.LocalDate day = java.time.LocalDate.of(2007, 8, 22);
    assertEquals(Direction.DIRECTION_UNKNOWN, Trends.around(Polarity.POLARITY_HIGHER_IS_BETTER, List.of(), day)
        .before().direction(), "no figure");
    var single = Trends.around(Polarity.POLARITY_HIGHER_IS_BETTER, List.of(o(fy(2006), null, "5")), day);
    assertEquals(Direction.DIRECTION_UNKNOWN, single.before().direction(), "one figure has no trend");
    assertEquals(Direction.DIRECTION_UNKNOWN, single.since().direction(), "and nothing since");
    assertFalse(single.turned());
    // 2005-06 and 2006-07 end before the day (worsening); 2007-08 and 2008-09 after: the latest against 2006-07.
    var turned = Trends.around(Polarity.POLARITY_HIGHER_IS_BETTER, List.of(o(fy(2005), null, "60"),
        o(fy(2006), null, "55"), o(fy(2007), null, "50"), o(fy(2008), null, "58")), day);
    assertEquals(Direction.DIRECTION_WORSENING, turned.before().direction());
    assertEquals("fy-2006-07", turned.before().period().code());
    assertEquals(Direction.DIRECTION_IMPROVING, turned.since().direction());
    assertEquals("fy-2008-09", turned.since().period().code());
    assertEquals("fy-2006-07", turned.since().previousPeriod().code());
    assertTrue(turned.turned());
    // Lower is better: falling before and rising since is improving, then worsening; not turned.
    var lower = Trends.around(Polarity.POLARITY_LOWER_IS_BETTER, List.of(o(fy(2005), null, "60"),
        o(fy(2006), null, "55"), o(fy(2008), null, "58")), day);
    assertEquals(Direction.DIRECTION_IMPROVING, lower.before().direction());
    assertEquals(Direction.DIRECTION_WORSENING, lower.since().direction());
    assertFalse(lower.turned());
    // Only figures since the day: no trend before, none since (nothing before to compare with).
    var after = Trends.around(Polarity.POLARITY_HIGHER_IS_BETTER, List.of(o(fy(2007), null, "1"),
        o(fy(2008), null, "2")), day);
    assertEquals(Direction.DIRECTION_UNKNOWN, after.since().direction());
  }

  @Test
  void theTrendComparesDifferentDataPeriodsWithPolarity() {
    // row 27 repeats Nov-05 in two columns: the trend is Nov-04 -> Nov-05, worsening
    TrendValue t = Trends.trend(Polarity.POLARITY_HIGHER_IS_BETTER, List.of(o(fy(2004), "Nov-04", "92.0"),
        o(fy(2005), "Nov-05", "91.7"), o(fy(2006), "Nov-05", "91.7")));
    assertEquals(Direction.DIRECTION_WORSENING, t.direction());
    assertEquals("m-2004-11", t.previousPeriod().code());
    TrendValue lower = Trends.trend(Polarity.POLARITY_LOWER_IS_BETTER, List.of(o(fy(2004), null, "11.9"),
        o(fy(2005), null, "8.6")));
    assertEquals(Direction.DIRECTION_IMPROVING, lower.direction());
    assertEquals(Direction.DIRECTION_UNKNOWN, Trends.trend(Polarity.POLARITY_LOWER_IS_BETTER, List.of(o(fy(2004), null, "1"))).direction());
  }

  @Test
  void theGapNarrowsWhenPriorityNeighbourhoodsCatchUp() {
    var priority = List.of(o(fy(2004), null, "70"), o(fy(2005), null, "74"));
    var rest = List.of(o(fy(2004), null, "80"), o(fy(2005), null, "81"));
    GapValue g = Trends.gap(priority, rest, "areas/rest-of-city");
    assertEquals(GapDirection.GAP_DIRECTION_NARROWING, g.direction());
    assertEquals(0, new BigDecimal("7").compareTo(g.gap()));
    assertEquals(0, new BigDecimal("10").compareTo(g.previousGap()));
    // 80 v 80, then 81 v 90: the gap opens from 0 to 9
    assertEquals(GapDirection.GAP_DIRECTION_WIDENING, Trends.gap(rest, List.of(o(fy(2004), null, "80"), o(fy(2005), null, "90")),
        "areas/city").direction());
    assertEquals(GapDirection.GAP_DIRECTION_NOT_KNOWN, Trends.gap(priority, List.of(), "areas/city").direction());
  }
}
