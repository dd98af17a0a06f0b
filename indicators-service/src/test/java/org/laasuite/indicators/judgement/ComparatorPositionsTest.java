package org.laasuite.indicators.judgement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.figure.FigureText;
import org.laasuite.indicators.period.PeriodLabels;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.ComparatorGroupKind;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.indicators.v1.Rating;

class ComparatorPositionsTest {

  private static final Polarity HIGHER = Polarity.POLARITY_HIGHER_IS_BETTER;
  private static final Polarity LOWER = Polarity.POLARITY_LOWER_IS_BETTER;

  private static PeriodRow fy(int year) {
    return PeriodLabels.financialYear(year, year + "-" + String.format("%02d", (year + 1) % 100));
  }

  private static Observation city(PeriodRow period, String value) {
    return new Observation(period, null, null, new BigDecimal(value));
  }

  private static ComparatorPositions.Group group(String title, PeriodRow period, String... values) {
    List<ComparatorPositions.Point> points = Stream.of(values).map(v -> new ComparatorPositions.Point(
        "Place " + v, period, new BigDecimal(v), "")).toList();
    return new ComparatorPositions.Group("g", title, ComparatorGroupKind.COMPARATOR_GROUP_KIND_NEAREST_NEIGHBOURS,
        points);
  }

  /** The rule's judgement of {@code value} against {@code target}, as reports make it. */
  private static Judgement judged(Polarity polarity, List<Observation> city, String target) {
    var settings = new JudgementRule.Settings(polarity, false, false, null);
    var targets = target == null ? List.<TargetPoint>of()
        : List.of(new TargetPoint(city.getLast().period(), FigureText.parse(target)));
    return JudgementRule.judge(settings, city, targets);
  }

  private static ComparatorPositions.Position only(Polarity polarity, List<Observation> city, String target,
      ComparatorPositions.Group g) {
    return ComparatorPositions.of(polarity, city, judged(polarity, city, target), List.of(g)).getFirst();
  }

  @Test
  void anEmptyGroupSaysSoAndComputesNothing() {
    var g = new ComparatorPositions.Group("england", "England", ComparatorGroupKind.COMPARATOR_GROUP_KIND_ENGLAND,
        List.of());
    var p = only(HIGHER, List.of(city(fy(2006), "50")), "40", g);
    assertEquals(0, p.count());
    assertEquals(0, p.quartile());
    assertNull(p.min());
    assertNull(p.median());
    assertNull(p.period());
    assertEquals("No England figure is recorded for this indicator.", p.words());
    assertFalse(p.greenButBottomQuartile());
  }

  @Test
  void withoutALocalFigureTheRangeIsShownAndNoPositionGuessed() {
    var england = new ComparatorPositions.Group("england", "England", ComparatorGroupKind.COMPARATOR_GROUP_KIND_ENGLAND,
        List.of(new ComparatorPositions.Point("England", PeriodLabels.parse("2005").orElseThrow(),
            new BigDecimal("17.12"), "")));
    var p = only(LOWER, List.of(), null, england);
    assertEquals(1, p.count());
    assertEquals(0, new BigDecimal("17.12").compareTo(p.max()));
    assertNull(p.local());
    assertEquals(0, p.quartile());
    assertTrue(p.words().startsWith("There is no city figure yet to set against England's 17.12"), p.words());
  }

  @Test
  void aSinglePointSaysAboveOrBelowAndWhichIsBetterButNoQuartile() {
    var england = group("England", fy(2006), "17.12");
    var below = only(LOWER, List.of(city(fy(2006), "12")), "15", england);
    assertEquals(0, below.quartile());
    assertEquals(1, below.count());
    assertEquals(0, new BigDecimal("15").compareTo(below.target()), "the local target of the same period");
    assertTrue(below.words().contains("is below Place 17.12's 17.12"), below.words());
    assertTrue(below.words().contains("better, as lower is better"), below.words());
    assertTrue(below.words().contains("No quartile: it needs at least 4 figures in the group, which has 1."),
        below.words());

    var above = only(HIGHER, List.of(city(fy(2006), "20")), null, england);
    assertTrue(above.words().contains("is above") && above.words().contains("better, as higher is better"),
        above.words());
    assertNull(above.target(), "no target set");

    var equal = only(HIGHER, List.of(city(fy(2006), "17.120")), null, england);
    assertTrue(equal.words().contains("is equal to"), equal.words());
  }

  @Test
  void fourOrMoreFiguresGiveTheQuartileByPolarity() {
    // Quartile boundaries of 10, 20, 30, 40, 50: 20, 30, 40.
    var neighbours = group("nearest neighbours", fy(2006), "30", "10", "50", "20", "40");
    assertEquals(4, only(HIGHER, List.of(city(fy(2006), "15")), null, neighbours).quartile());
    assertEquals(3, only(HIGHER, List.of(city(fy(2006), "25")), null, neighbours).quartile());
    assertEquals(2, only(HIGHER, List.of(city(fy(2006), "35")), null, neighbours).quartile());
    assertEquals(1, only(HIGHER, List.of(city(fy(2006), "45")), null, neighbours).quartile());
    assertEquals(1, only(LOWER, List.of(city(fy(2006), "15")), null, neighbours).quartile());
    assertEquals(4, only(LOWER, List.of(city(fy(2006), "45")), null, neighbours).quartile());
    var p = only(LOWER, List.of(city(fy(2006), "45")), null, neighbours);
    assertEquals(5, p.count());
    assertEquals(0, new BigDecimal("10").compareTo(p.min()));
    assertEquals(0, new BigDecimal("50").compareTo(p.max()));
    assertEquals(0, new BigDecimal("30").compareTo(p.median()));
    assertTrue(p.words().contains("4th (bottom) quartile (1 = best, lower is better)"), p.words());
  }

  @Test
  void aFigureOnABoundaryOrTiedWithTheGroupTakesTheBetterQuartile() {
    var neighbours = group("nearest neighbours", fy(2006), "10", "20", "30", "40", "50");
    assertEquals(3, only(HIGHER, List.of(city(fy(2006), "20")), null, neighbours).quartile(), "on Q1");
    assertEquals(2, only(LOWER, List.of(city(fy(2006), "30")), null, neighbours).quartile(), "on the median");
    var tied = group("nearest neighbours", fy(2006), "7", "7", "7", "7");
    assertEquals(1, only(HIGHER, List.of(city(fy(2006), "7")), null, tied).quartile());
    assertEquals(1, only(LOWER, List.of(city(fy(2006), "7")), null, tied).quartile());
    assertEquals(4, only(HIGHER, List.of(city(fy(2006), "6.9")), null, tied).quartile());
  }

  @Test
  void greenAgainstTheLocalTargetButInTheBottomQuartileIsFlagged() {
    var neighbours = group("nearest neighbours", fy(2006), "60", "70", "80", "90");
    var flagged = only(HIGHER, List.of(city(fy(2006), "55")), "50", neighbours);
    assertEquals(Rating.RATING_GREEN, judged(HIGHER, List.of(city(fy(2006), "55")), "50").rating());
    assertEquals(4, flagged.quartile());
    assertTrue(flagged.greenButBottomQuartile());
    assertTrue(flagged.words().endsWith("Green against the local target but in the bottom quartile."),
        flagged.words());

    assertFalse(only(HIGHER, List.of(city(fy(2006), "55")), "70", neighbours).greenButBottomQuartile(),
        "red and bottom: not the flag");
    assertFalse(only(HIGHER, List.of(city(fy(2006), "85")), "50", neighbours).greenButBottomQuartile(),
        "green and 1st quartile");
    assertFalse(only(HIGHER, List.of(city(fy(2006), "55")), "50", group("England", fy(2006), "90"))
        .greenButBottomQuartile(), "a single point has no quartile, so no flag");
  }

  @Test
  void withoutAFigureOfTheLocalPeriodTheLatestEarlierOneIsUsedAndNamed() {
    List<ComparatorPositions.Point> points = List.of(
        new ComparatorPositions.Point("England", fy(2004), new BigDecimal("10"), ""),
        new ComparatorPositions.Point("England", fy(2005), new BigDecimal("11"), ""),
        new ComparatorPositions.Point("England", fy(2007), new BigDecimal("99"), ""));
    var england = new ComparatorPositions.Group("england", "England", ComparatorGroupKind.COMPARATOR_GROUP_KIND_ENGLAND,
        points);
    var p = only(HIGHER, List.of(city(fy(2006), "12")), null, england);
    assertEquals("fy-2005-06", p.period().code(), "not the later 2007-08");
    assertEquals(0, new BigDecimal("11").compareTo(p.max()));
    assertTrue(p.words().contains("the latest England figures are of 2005-06, the city's of 2006-07"), p.words());

    var later = new ComparatorPositions.Group("england", "England", ComparatorGroupKind.COMPARATOR_GROUP_KIND_ENGLAND,
        List.of(points.get(2)));
    var none = only(HIGHER, List.of(city(fy(2006), "12")), null, later);
    assertEquals(0, none.count());
    assertTrue(none.words().contains("or before"), none.words());
  }

  @Test
  void aWardsFiguresAreSetAgainstTheWardsOutturnWithoutTheCitysTargetOrFlag() {
    var neighbours = group("nearest neighbours", fy(2006), "60", "70", "80", "90");
    var ward = new ComparatorPositions.Group("england", "England", ComparatorGroupKind.COMPARATOR_GROUP_KIND_ENGLAND,
        "foleshill", "Foleshill ward", neighbours.points());
    List<Observation> city = List.of(city(fy(2006), "55"));
    List<Observation> foleshill = List.of(city(fy(2006), "50"));
    var p = ComparatorPositions.of(HIGHER, area -> area.equals("foleshill") ? foleshill : city,
        judged(HIGHER, city, "50"), List.of(ward, neighbours));
    assertEquals(0, new BigDecimal("50").compareTo(p.get(0).local()), "the ward's own figure");
    assertNull(p.get(0).target(), "the target is the city's");
    assertEquals(4, p.get(0).quartile());
    assertFalse(p.get(0).greenButBottomQuartile(), "the flag is the city's judgement's");
    assertTrue(p.get(0).words().startsWith("Foleshill ward's 50 (2006-07) is in the 4th (bottom) quartile"),
        p.get(0).words());
    assertTrue(p.get(1).greenButBottomQuartile(), "the city's 55, green, in the same group's bottom quartile");
    var none = ComparatorPositions.of(HIGHER, area -> area.equals("foleshill") ? List.of() : city,
        judged(HIGHER, city, "50"), List.of(ward)).getFirst();
    assertTrue(none.words().startsWith("There is no Foleshill ward figure yet"), none.words());
  }

  @Test
  void anUnknownPolarityGivesNoQuartileAndSaysWhy() {
    var neighbours = group("nearest neighbours", fy(2006), "10", "20", "30", "40");
    var p = only(Polarity.POLARITY_UNSPECIFIED, List.of(city(fy(2006), "15")), null, neighbours);
    assertEquals(0, p.quartile());
    assertTrue(p.words().contains("polarity is not set"), p.words());
    var single = only(Polarity.POLARITY_UNSPECIFIED, List.of(city(fy(2006), "15")), null,
        group("England", fy(2006), "10"));
    assertTrue(single.words().contains("is above") && single.words().contains("polarity is not set"),
        single.words());
  }
}
