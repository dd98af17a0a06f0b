package org.laasuite.indicators.judgement;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.ComparatorGroupKind;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.indicators.v1.Rating;

/**
 * Where an indicator's latest city figure stands against each comparator group (docs/comparators.md). Pure: the
 * group's figures of the local figure's period (else of the latest period not after it, named), their range and
 * median, and the quartile of the local figure by the indicator's polarity (1 = the best quarter) when the group has
 * at least four figures. Fewer: above, below or equal to (within) them. What cannot be said is said, never guessed.
 */
public final class ComparatorPositions {

  /** A quartile needs at least this many figures in the group. */
  public static final int QUARTILE_MINIMUM = 4;

  private static final MathContext MC = MathContext.DECIMAL64;

  private ComparatorPositions() {
  }

  /** One comparator place's figure with a number. */
  public record Point(String area, PeriodRow period, BigDecimal value, String note) {
  }

  /**
   * A comparator group with its figures (with a number) of one indicator that are set against the local area
   * {@code localArea} (its code, "city" for the city) called {@code localTitle} ("Foleshill ward").
   */
  public record Group(String id, String title, ComparatorGroupKind kind, String localArea, String localTitle,
      List<Point> points) {

    public Group(String id, String title, ComparatorGroupKind kind, List<Point> points) {
      this(id, title, kind, CITY, "city", points);
    }

    boolean city() {
      return CITY.equals(localArea);
    }

    String possessive() {
      return city() ? "The city's" : localTitle + "'s";
    }
  }

  /** The city's area code: its figures are those judged against targets. */
  public static final String CITY = "city";

  /** The position of the local figure in one group; null fields where there is nothing to say. */
  public record Position(Group group, @Nullable PeriodRow period, @Nullable PeriodRow localPeriod,
      @Nullable BigDecimal local, @Nullable BigDecimal target, int count, @Nullable BigDecimal min,
      @Nullable BigDecimal max, @Nullable BigDecimal median, int quartile, List<String> areas, List<String> notes,
      String words, boolean greenButBottomQuartile) {
  }

  /**
   * The position of the latest of {@code city} (by the period its data describes, as the judgement takes it) in each
   * of {@code groups}, in their order; {@code judgement} gives the target held against it and whether it is green.
   */
  public static List<Position> of(Polarity polarity, List<Observation> city, Judgement judgement, List<Group> groups) {
    return of(polarity, area -> city, judgement, groups);
  }

  /**
   * As {@link #of(Polarity, List, Judgement, List)}, each group's local figure the latest of {@code local}'s outturns
   * of its local area (by code). The target and the flag are the city's: a ward's figure has neither.
   */
  public static List<Position> of(Polarity polarity, java.util.function.Function<String, List<Observation>> local,
      Judgement judgement, List<Group> groups) {
    List<Position> out = new ArrayList<>();
    for (Group g : groups) {
      Optional<Observation> latest = local.apply(g.localArea()).stream().max(JudgementRule.byEffectiveEnd());
      out.add(position(polarity, latest.orElse(null), judgement, g));
    }
    return out;
  }

  static Position position(Polarity polarity, @Nullable Observation local, Judgement judgement, Group g) {
    PeriodRow localPeriod = local == null ? null : local.effectivePeriod();
    PeriodRow period = comparedPeriod(g.points(), localPeriod);
    List<Point> used = period == null ? List.of()
        : g.points().stream().filter(p -> p.period().code().equals(period.code())).toList();
    List<BigDecimal> values = used.stream().map(Point::value).sorted().toList();
    BigDecimal target = g.city() && local != null && judgement.period() != null
        && judgement.period().code().equals(local.period().code()) ? judgement.target() : null;
    List<String> areas = used.stream().map(Point::area).toList();
    List<String> notes = used.stream().map(Point::note).filter(n -> !n.isBlank()).distinct().toList();
    if (values.isEmpty()) {
      String words = g.points().isEmpty() ? "No " + g.title() + " figure is recorded for this indicator."
          : "No " + g.title() + " figure is recorded for " + label(localPeriod) + " or before: the group's figures are"
              + " of later periods.";
      return new Position(g, null, localPeriod, local == null ? null : local.value(), target, 0, null, null, null, 0,
          areas, notes, words, false);
    }
    BigDecimal min = values.getFirst();
    BigDecimal max = values.getLast();
    BigDecimal median = percentile(values, new BigDecimal("0.5"));
    String of = of(g, used, min, max, median, period);
    if (local == null) {
      return new Position(g, period, null, null, null, values.size(), min, max, median, 0, areas, notes,
          "There is no " + (g.city() ? "city" : g.localTitle()) + " figure yet to set against " + of + ".", false);
    }
    String when = period.code().equals(localPeriod.code()) ? ""
        : " (the latest " + g.title() + " figures are of " + label(period) + ", the " + (g.city() ? "city"
            : g.localTitle()) + "'s of " + label(localPeriod) + ")";
    String cityFigure = g.possessive() + " " + plain(local.value()) + " (" + label(localPeriod) + ")";
    boolean known = polarity == Polarity.POLARITY_HIGHER_IS_BETTER || polarity == Polarity.POLARITY_LOWER_IS_BETTER;
    int quartile = 0;
    String words;
    if (values.size() < QUARTILE_MINIMUM) {
      words = cityFigure + " is " + against(local.value(), min, max, values.size()) + " " + of + when + "; "
          + betterOrWorse(polarity, local.value(), min, max) + " No quartile: it needs at least " + QUARTILE_MINIMUM
          + " figures in the group, which has " + values.size() + ".";
    } else if (!known) {
      words = cityFigure + " is " + against(local.value(), min, max, values.size()) + " " + of + when
          + ". No quartile: the indicator's polarity is not set, so which end of the range is better is not known.";
    } else {
      quartile = quartile(polarity, local.value(), values);
      words = cityFigure + " is in the " + ordinal(quartile) + " quartile (1 = best, " + (polarity
          == Polarity.POLARITY_LOWER_IS_BETTER ? "lower" : "higher") + " is better) of " + of + when + ".";
    }
    boolean flag = g.city() && quartile == 4 && judgement.rating() == Rating.RATING_GREEN;
    if (flag) {
      words += " Green against the local target but in the bottom quartile.";
    }
    return new Position(g, period, localPeriod, local.value(), target, values.size(), min, max, median, quartile,
        areas, notes, words, flag);
  }

  /**
   * The period of {@code points} to compare with {@code local}: its own, when the group has figures of it; else the
   * latest ending on or before it ends; null when none does. Without a local period, the group's latest.
   */
  static @Nullable PeriodRow comparedPeriod(List<Point> points, @Nullable PeriodRow local) {
    Comparator<PeriodRow> byEnd = Comparator.comparing(PeriodRow::endDate).thenComparing(PeriodRow::startDate)
        .thenComparing(PeriodRow::code);
    if (local == null) {
      return points.stream().map(Point::period).max(byEnd).orElse(null);
    }
    return points.stream().map(Point::period).filter(p -> p.code().equals(local.code())).findFirst()
        .orElseGet(() -> points.stream().map(Point::period).filter(p -> !p.endDate().isAfter(local.endDate()))
            .max(byEnd).orElse(null));
  }

  /**
   * The quartile of {@code local} among {@code sorted} (ascending): 1 at or beyond the best quarter's boundary, 4
   * beyond the worst's. The boundaries are the 25th, 50th and 75th percentiles by linear interpolation (as a
   * spreadsheet's QUARTILE.INC); a figure equal to a boundary takes the better quartile.
   */
  static int quartile(Polarity polarity, BigDecimal local, List<BigDecimal> sorted) {
    BigDecimal q1 = percentile(sorted, new BigDecimal("0.25"));
    BigDecimal q2 = percentile(sorted, new BigDecimal("0.5"));
    BigDecimal q3 = percentile(sorted, new BigDecimal("0.75"));
    if (polarity == Polarity.POLARITY_LOWER_IS_BETTER) {
      return local.compareTo(q1) <= 0 ? 1 : local.compareTo(q2) <= 0 ? 2 : local.compareTo(q3) <= 0 ? 3 : 4;
    }
    return local.compareTo(q3) >= 0 ? 1 : local.compareTo(q2) >= 0 ? 2 : local.compareTo(q1) >= 0 ? 3 : 4;
  }

  /** The {@code share} percentile of {@code sorted} (ascending, not empty), interpolated between neighbours. */
  static BigDecimal percentile(List<BigDecimal> sorted, BigDecimal share) {
    BigDecimal rank = share.multiply(BigDecimal.valueOf(sorted.size() - 1L));
    int below = rank.intValue();
    BigDecimal fraction = rank.subtract(BigDecimal.valueOf(below));
    BigDecimal low = sorted.get(below);
    if (fraction.signum() == 0 || below + 1 >= sorted.size()) {
      return low.stripTrailingZeros();
    }
    return low.add(sorted.get(below + 1).subtract(low).multiply(fraction, MC), MC).stripTrailingZeros();
  }

  private static String of(Group g, List<Point> used, BigDecimal min, BigDecimal max, BigDecimal median,
      PeriodRow period) {
    if (used.size() == 1) {
      return used.getFirst().area() + "'s " + plain(min) + " (" + label(period) + ")";
    }
    return "the " + used.size() + " figures of " + g.title() + " (" + label(period) + ": " + plain(min) + " to "
        + plain(max) + ", median " + plain(median) + ")";
  }

  private static String against(BigDecimal local, BigDecimal min, BigDecimal max, int count) {
    if (local.compareTo(max) > 0) {
      return "above";
    }
    if (local.compareTo(min) < 0) {
      return "below";
    }
    if (count == 1 || min.compareTo(max) == 0) {
      return "equal to";
    }
    return "within the range of";
  }

  private static String betterOrWorse(Polarity polarity, BigDecimal local, BigDecimal min, BigDecimal max) {
    if (polarity != Polarity.POLARITY_HIGHER_IS_BETTER && polarity != Polarity.POLARITY_LOWER_IS_BETTER) {
      return "whether that is better or worse is not known: the indicator's polarity is not set.";
    }
    boolean lower = polarity == Polarity.POLARITY_LOWER_IS_BETTER;
    String rule = (lower ? "lower" : "higher") + " is better";
    if (local.compareTo(max) > 0) {
      return (lower ? "worse" : "better") + ", as " + rule + ".";
    }
    if (local.compareTo(min) < 0) {
      return (lower ? "better" : "worse") + ", as " + rule + ".";
    }
    return rule + ".";
  }

  private static String ordinal(int quartile) {
    return switch (quartile) {
      case 1 -> "1st (top)";
      case 2 -> "2nd";
      case 3 -> "3rd";
      default -> "4th (bottom)";
    };
  }

  private static String label(PeriodRow p) {
    return p.label() == null || p.label().isBlank() ? p.code() : p.label();
  }

  private static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
