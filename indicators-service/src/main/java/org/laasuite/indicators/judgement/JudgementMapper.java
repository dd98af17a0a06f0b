package org.laasuite.indicators.judgement;

import org.laasuite.common.grpc.Protos;
import org.laasuite.indicators.area.AreaRow;
import org.laasuite.indicators.period.PeriodRow;
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

  private static String name(PeriodRow p) {
    return p == null ? "" : "periods/" + p.code();
  }

  public static ComputedJudgement toProto(Judgement j) {
    var b = ComputedJudgement.newBuilder().setRating(j.rating()).setBasis(j.basis()).setPeriod(name(j.period()))
        .setExplanation(j.explanation());
    if (j.target() != null) {
      b.setTarget(Protos.decimal(j.target().stripTrailingZeros()));
    }
    if (j.outturn() != null) {
      b.setOutturn(Protos.decimal(j.outturn()));
    }
    if (j.variance() != null) {
      b.setVariance(Protos.decimal(j.variance()));
    }
    if (j.tolerance() != null) {
      b.setTolerance(Protos.decimal(j.tolerance()));
    }
    return b.build();
  }

  public static Trend toProto(org.laasuite.indicators.judgement.Trend t) {
    var b = Trend.newBuilder().setDirection(t.direction()).setPeriod(name(t.period()))
        .setPreviousPeriod(name(t.previousPeriod()));
    if (t.change() != null) {
      b.setChange(Protos.decimal(t.change()));
    }
    return b.build();
  }

  public static Gap toProto(org.laasuite.indicators.judgement.Gap g) {
    var b = Gap.newBuilder().setDirection(g.direction()).setPeriod(name(g.period()))
        .setPreviousPeriod(name(g.previousPeriod()));
    if (g.comparisonArea() != null) {
      b.setArea("areas/" + AreaRow.PRIORITY_NEIGHBOURHOODS).setComparisonArea(g.comparisonArea());
    }
    if (g.gap() != null) {
      b.setGap(Protos.decimal(g.gap()));
    }
    if (g.previousGap() != null) {
      b.setPreviousGap(Protos.decimal(g.previousGap()));
    }
    return b.build();
  }
}
