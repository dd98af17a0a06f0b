package org.laasuite.indicators.judgement;

import com.google.type.Decimal;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.ResourceNames;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.ComparatorPosition;
import org.laasuite.indicators.v1.ComputedJudgement;
import org.laasuite.indicators.v1.Gap;
import org.laasuite.indicators.v1.Trend;

/**
 * Computed judgements, trends and gaps to their protos. The protos Trend and Gap are imported by simple name, so
 * this package's records of the same names are written in full here.
 */
public final class JudgementMapper {

  private JudgementMapper() {
  }

  /** Sets a decimal field only when there is a value: an unset field reads as "no figure". */
  private static void setIfPresent(BigDecimal value, Consumer<Decimal> setter) {
    if (value != null) {
      setter.accept(Protos.decimal(value));
    }
  }

  private static String name(PeriodRow p) {
    return p == null ? "" : ResourceNames.PERIODS.name(p.code());
  }

  public static ComputedJudgement toProto(Judgement j) {
    var b = ComputedJudgement.newBuilder().setRating(j.rating()).setBasis(j.basis()).setPeriod(name(j.period()))
        .setExplanation(j.explanation());
    setIfPresent(j.target() == null ? null : j.target().stripTrailingZeros(), b::setTarget);
    setIfPresent(j.outturn(), b::setOutturn);
    setIfPresent(j.variance(), b::setVariance);
    setIfPresent(j.tolerance(), b::setTolerance);
    return b.build();
  }

  public static Trend toProto(TrendValue t) {
    var b = Trend.newBuilder().setDirection(t.direction()).setPeriod(name(t.period()))
        .setPreviousPeriod(name(t.previousPeriod()));
    setIfPresent(t.change(), b::setChange);
    return b.build();
  }

  public static ComparatorPosition toProto(ComparatorPositions.Position p) {
    var b = ComparatorPosition.newBuilder().setGroup(ResourceNames.COMPARATOR_GROUPS.name(p.group().id()))
        .setGroupTitle(p.group().title()).setGroupKind(p.group().kind()).setPeriod(name(p.period()))
        .setPeriodLabel(p.period() == null ? "" : p.period().label()).setLocalPeriod(name(p.localPeriod()))
        .setCount(p.count()).setQuartile(p.quartile()).setWords(p.words())
        .setGreenButBottomQuartile(p.greenButBottomQuartile()).addAllAreas(p.areas()).addAllNotes(p.notes())
        .setLocalArea("areas/" + p.group().localArea());
    setIfPresent(p.local(), b::setLocalValue);
    setIfPresent(p.target() == null ? null : p.target().stripTrailingZeros(), b::setLocalTarget);
    setIfPresent(p.min(), b::setMin);
    setIfPresent(p.max(), b::setMax);
    setIfPresent(p.median(), b::setMedian);
    return b.build();
  }

  public static Gap toProto(GapValue g) {
    var b = Gap.newBuilder().setDirection(g.direction()).setPeriod(name(g.period()))
        .setPreviousPeriod(name(g.previousPeriod()));
    if (g.comparisonArea() != null) {
      b.setArea("areas/" + AreaRow.PRIORITY_NEIGHBOURHOODS).setComparisonArea(g.comparisonArea());
    }
    setIfPresent(g.gap(), b::setGap);
    setIfPresent(g.previousGap(), b::setPreviousGap);
    return b.build();
  }
}
