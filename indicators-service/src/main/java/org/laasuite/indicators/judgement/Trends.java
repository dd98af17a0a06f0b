package org.laasuite.indicators.judgement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.indicators.v1.Direction;
import org.laasuite.indicators.v1.GapDirection;
import org.laasuite.indicators.v1.Polarity;

/** Direction of travel and narrowing the gap (docs/judgement.md). Pure functions. */
public final class Trends {

  private Trends() {
  }

  /**
   * The latest outturn against the previous one. A figure reported again in a later column (the same
   * data period) counts once: the comparison is between different data periods.
   */
  public static TrendValue trend(Polarity polarity, List<Observation> outturns) {
    List<Observation> distinct = latestPerDataPeriod(outturns);
    if (distinct.size() < 2) {
      return TrendValue.UNKNOWN;
    }
    Observation latest = distinct.get(distinct.size() - 1);
    Observation previous = distinct.get(distinct.size() - 2);
    BigDecimal change = latest.value().subtract(previous.value());
    int better = polarity == Polarity.POLARITY_LOWER_IS_BETTER ? -change.signum() : change.signum();
    Direction d = better > 0 ? Direction.DIRECTION_IMPROVING : better < 0 ? Direction.DIRECTION_WORSENING : Direction.DIRECTION_NO_CHANGE;
    return new TrendValue(d, latest.effectivePeriod(), previous.effectivePeriod(), latest.value(), previous.value(),
        change.stripTrailingZeros());
  }

  /**
   * The gap between the priority neighbourhoods' outturns and the comparison area's, in the latest
   * data period with both, and whether it narrowed since the previous such period.
   */
  public static GapValue gap(List<Observation> priority, List<Observation> comparison, String comparisonArea) {
    Map<String, Observation> byPeriod = new LinkedHashMap<>();
    for (Observation c : latestPerDataPeriod(comparison)) {
      byPeriod.put(c.effectivePeriod().code(), c);
    }
    List<Observation[]> pairs = new ArrayList<>();
    for (Observation p : latestPerDataPeriod(priority)) {
      Observation c = byPeriod.get(p.effectivePeriod().code());
      if (c != null) {
        pairs.add(new Observation[] {p, c});
      }
    }
    if (pairs.isEmpty()) {
      return GapValue.NOT_KNOWN;
    }
    Observation[] last = pairs.get(pairs.size() - 1);
    BigDecimal gap = last[0].value().subtract(last[1].value()).abs();
    if (pairs.size() == 1) {
      return new GapValue(GapDirection.GAP_DIRECTION_NOT_KNOWN, comparisonArea, last[0].effectivePeriod(), gap, null, null);
    }
    Observation[] before = pairs.get(pairs.size() - 2);
    BigDecimal previousGap = before[0].value().subtract(before[1].value()).abs();
    int cmp = gap.compareTo(previousGap);
    GapDirection d = cmp < 0 ? GapDirection.GAP_DIRECTION_NARROWING : cmp > 0 ? GapDirection.GAP_DIRECTION_WIDENING : GapDirection.GAP_DIRECTION_UNCHANGED;
    return new GapValue(d, comparisonArea, last[0].effectivePeriod(), gap, before[0].effectivePeriod(), previousGap);
  }

  /**
   * The trend before a day and since it (did an action agreed that day turn the curve?): {@code before}, the trend
   * rule over the figures whose data periods ended on or before {@code at}; {@code since}, the latest figure of a data
   * period ending after it against the last of those before. Unknown where there are too few figures. An
   * association in time, not a cause.
   */
  public record Around(TrendValue before, TrendValue since) {

    /** Worsening before, improving since. */
    public boolean turned() {
      return before.direction() == Direction.DIRECTION_WORSENING && since.direction() == Direction.DIRECTION_IMPROVING;
    }
  }

  public static Around around(Polarity polarity, List<Observation> outturns, java.time.LocalDate at) {
    List<Observation> distinct = latestPerDataPeriod(outturns);
    List<Observation> before = distinct.stream().filter(o -> !o.effectivePeriod().endDate().isAfter(at)).toList();
    List<Observation> after = distinct.stream().filter(o -> o.effectivePeriod().endDate().isAfter(at)).toList();
    TrendValue since = before.isEmpty() || after.isEmpty() ? TrendValue.UNKNOWN
        : trend(polarity, List.of(before.get(before.size() - 1), after.get(after.size() - 1)));
    return new Around(trend(polarity, before), since);
  }

  /** One observation per data period (the one reported latest), ordered by data period. */
  private static List<Observation> latestPerDataPeriod(List<Observation> outturns) {
    Map<String, Observation> byPeriod = new LinkedHashMap<>();
    outturns.stream().sorted(JudgementRule.byEffectiveEnd())
        .forEach(o -> byPeriod.put(o.effectivePeriod().code(), o));
    return new ArrayList<>(byPeriod.values());
  }
}
