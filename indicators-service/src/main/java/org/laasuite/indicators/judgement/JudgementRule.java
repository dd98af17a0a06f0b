package org.laasuite.indicators.judgement;

import static org.laasuite.indicators.v1.Comparator.COMPARATOR_EQUAL;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.indicators.figure.FigureValue;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.JudgementBasis;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.indicators.v1.Rating;

/**
 * The red / amber / green rule, documented with worked examples in docs/judgement.md. Pure: the
 * same inputs always give the same judgement.
 */
public final class JudgementRule {

  /** Amber tolerance when an indicator sets none: 5% of the target's size. */
  public static final BigDecimal DEFAULT_TOLERANCE_SHARE = new BigDecimal("0.05");

  private static final MathContext MC = MathContext.DECIMAL64;

  /** What the rule needs to know of the indicator. {@code amberTolerance} null: the default share. */
  public record Settings(Polarity polarity, boolean monitorOnly, boolean cumulative,
      @Nullable BigDecimal amberTolerance) {
  }

  private JudgementRule() {
  }

  /**
   * Judges the latest outturn (by the period its data describes) of one area against the target
   * that applies to it.
   */
  public static Judgement judge(Settings settings, List<Observation> outturns, List<TargetPoint> targets) {
    Optional<Observation> latest = outturns.stream().max(byEffectiveEnd());
    if (latest.isEmpty()) {
      return new Judgement(Rating.RATING_TOO_EARLY_TO_ASSESS, JudgementBasis.JUDGEMENT_BASIS_WITHOUT_OUTTURN, null, null, null, null, null,
          "Too early to assess: there is no outturn yet.");
    }
    Observation o = latest.get();
    if (settings.monitorOnly()) {
      return byDirectionOfTravel(settings, outturns, o);
    }
    Optional<Applied> applied = applicableTarget(settings, o, targets);
    if (applied.isEmpty()) {
      String why = targets.stream().filter(t -> t.period().code().equals(o.period().code())).findFirst()
          .map(t -> "the target for " + o.period().label() + " is '" + t.figure().originalText() + "'")
          .orElse("there is no target for " + o.period().label());
      return new Judgement(Rating.RATING_TOO_EARLY_TO_ASSESS, JudgementBasis.JUDGEMENT_BASIS_WITHOUT_TARGET, o.period(), null, o.value(),
          null, null, "Too early to assess: " + why + ".");
    }
    return againstTarget(settings, o, applied.get());
  }

  private record Applied(TargetPoint target, BigDecimal value, boolean proRata, BigDecimal coverage) {
  }

  /**
   * A target for exactly the period the data describes (a profiled target) wins; else the target of
   * the reporting period, or of a period containing it, pro-rated for a cumulative indicator when
   * the data covers only part of it.
   */
  private static Optional<Applied> applicableTarget(Settings s, Observation o, List<TargetPoint> targets) {
    if (o.dataPeriod() != null) {
      for (TargetPoint t : targets) {
        if (t.period().code().equals(o.dataPeriod().code()) && t.figure().hasValue()) {
          return Optional.of(new Applied(t, t.figure().value(), false, BigDecimal.ONE));
        }
      }
    }
    return targets.stream()
        .filter(t -> t.figure().hasValue() && t.period().contains(o.period()))
        .min(Comparator.comparingLong(t -> t.period().days()))
        .map(t -> {
          BigDecimal coverage = coverage(o, t.period());
          boolean proRata = coverage.compareTo(BigDecimal.ONE) < 0 && (s.cumulative() || t.figure().cumulative());
          BigDecimal value = proRata ? t.figure().value().multiply(coverage, MC) : t.figure().value();
          return new Applied(t, value, proRata, coverage);
        });
  }

  /** Share of the target's period the observation covers: given, or from the periods' lengths. */
  static BigDecimal coverage(Observation o, PeriodRow targetPeriod) {
    if (o.coverage() != null) {
      BigDecimal ofReporting = o.coverage();
      return ofReporting.multiply(BigDecimal.valueOf(o.period().days()), MC)
          .divide(BigDecimal.valueOf(targetPeriod.days()), MC);
    }
    PeriodRow covered = o.dataPeriod() != null && o.period().contains(o.dataPeriod()) ? o.dataPeriod() : o.period();
    if (covered.days() >= targetPeriod.days()) {
      return BigDecimal.ONE;
    }
    return BigDecimal.valueOf(covered.days()).divide(BigDecimal.valueOf(targetPeriod.days()), MC);
  }

  private static Judgement againstTarget(Settings s, Observation o, Applied a) {
    FigureValue f = a.target().figure();
    BigDecimal t = a.value();
    BigDecimal v = o.value();
    boolean higherIsBetter = s.polarity() != Polarity.POLARITY_LOWER_IS_BETTER;
    BigDecimal variance;
    boolean met;
    switch (f.comparator()) {
      case COMPARATOR_LESS_THAN -> {
        variance = t.subtract(v);
        met = v.compareTo(t) < 0;
      }
      case COMPARATOR_AT_MOST -> {
        variance = t.subtract(v);
        met = v.compareTo(t) <= 0;
      }
      case COMPARATOR_MORE_THAN -> {
        variance = v.subtract(t);
        met = v.compareTo(t) > 0;
      }
      case COMPARATOR_AT_LEAST -> {
        variance = v.subtract(t);
        met = v.compareTo(t) >= 0;
      }
      default -> {
        variance = higherIsBetter ? v.subtract(t) : t.subtract(v);
        met = variance.signum() >= 0;
      }
    }
    BigDecimal tolerance = s.amberTolerance() != null ? s.amberTolerance()
        : t.abs().multiply(DEFAULT_TOLERANCE_SHARE, MC).stripTrailingZeros();
    Rating rating = met ? Rating.RATING_GREEN : variance.abs().compareTo(tolerance) <= 0 ? Rating.RATING_AMBER : Rating.RATING_RED;
    // Judged at full precision; shown to the figures' own places (at least two), since a pro-rata
    // target or a 5% tolerance has digits the data never had.
    int places = Math.max(2, Math.max(v.scale(), f.value() == null ? 0 : f.value().scale()));
    t = shown(t, places);
    variance = shown(variance, places);
    tolerance = shown(tolerance, places);
    JudgementBasis basis = a.proRata() ? JudgementBasis.JUDGEMENT_BASIS_AGAINST_PRO_RATA_TARGET : JudgementBasis.JUDGEMENT_BASIS_AGAINST_TARGET;
    String targetText = a.proRata()
        ? "the pro-rata target " + plain(t) + " (" + plain(f.value()) + " for " + a.target().period().label()
            + " x " + plain(a.coverage().setScale(3, RoundingMode.HALF_UP)) + " of the period covered)"
        : "the target " + (f.comparator() == COMPARATOR_EQUAL ? "" : words(f) + " ") + plain(t) + " for "
            + a.target().period().label();
    String direction = higherIsBetter ? "higher is better" : "lower is better";
    String how = met ? "target met"
        : plain(variance.abs()) + (rating == Rating.RATING_AMBER ? " short of target, within" : " short of target, beyond")
            + " the amber tolerance of " + plain(tolerance);
    String explanation = "Outturn " + plain(v) + " against " + targetText + " (" + direction + "): " + how + ", so "
        + ProtoEnums.words(rating) + ".";
    return new Judgement(rating, basis, o.period(), t, v, variance.stripTrailingZeros(), tolerance, explanation);
  }

  private static Judgement byDirectionOfTravel(Settings s, List<Observation> outturns, Observation latest) {
    TrendValue trend = Trends.trend(s.polarity(), outturns);
    Rating rating = switch (trend.direction()) {
      case DIRECTION_IMPROVING -> Rating.RATING_GREEN;
      case DIRECTION_NO_CHANGE -> Rating.RATING_AMBER;
      case DIRECTION_WORSENING -> Rating.RATING_RED;
      default -> Rating.RATING_TOO_EARLY_TO_ASSESS;
    };
    String explanation = switch (trend.direction()) {
      case DIRECTION_IMPROVING, DIRECTION_NO_CHANGE, DIRECTION_WORSENING -> "Monitor only, judged by direction of travel: "
          + plain(trend.previous()) + " (" + trend.previousPeriod().label() + ") to " + plain(trend.latest()) + " ("
          + trend.period().label() + ") is " + ProtoEnums.words(trend.direction()) + ", so "
          + ProtoEnums.words(rating) + ".";
      default -> "Monitor only, judged by direction of travel: too early to assess with one outturn.";
    };
    return new Judgement(rating, JudgementBasis.JUDGEMENT_BASIS_DIRECTION_OF_TRAVEL, latest.period(), null, latest.value(),
        trend.change(), null, explanation);
  }

  static Comparator<Observation> byEffectiveEnd() {
    return Comparator.comparing((Observation o) -> o.effectivePeriod().endDate())
        .thenComparing(o -> o.period().endDate());
  }

  private static String words(FigureValue f) {
    return ProtoEnums.words(f.comparator());
  }

  private static BigDecimal shown(BigDecimal d, int places) {
    return d.scale() > places ? d.setScale(places, RoundingMode.HALF_UP) : d;
  }

  static String plain(BigDecimal d) {
    return d == null ? "" : d.stripTrailingZeros().toPlainString();
  }
}
