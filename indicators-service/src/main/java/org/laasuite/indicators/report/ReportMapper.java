package org.laasuite.indicators.report;

import org.laasuite.indicators.indicator.IndicatorMapper;
import org.laasuite.indicators.judgement.JudgementMapper;
import org.laasuite.indicators.measure.MeasureMapper;
import org.laasuite.indicators.period.PeriodMapper;
import org.laasuite.indicators.v1.IndicatorReport;

/** A report card to its proto, each part by its own mapper. */
public final class ReportMapper {

  private ReportMapper() {
  }

  public static IndicatorReport toProto(IndicatorReportValue r) {
    String code = r.indicator().code();
    var lookup = r.lookup();
    var out = IndicatorReport.newBuilder().setIndicator(IndicatorMapper.toProto(r.indicator()));
    r.baselines().forEach(b -> out.addBaselines(MeasureMapper.toProto(code, b, lookup)));
    r.targets().forEach(t -> out.addTargets(MeasureMapper.toProto(code, t, lookup)));
    r.outturns().forEach(o -> out.addOutturns(MeasureMapper.toProto(code, o, lookup)));
    out.setEarlierOutturns(r.earlierOutturns());
    out.setComputedJudgement(JudgementMapper.toProto(r.computedJudgement()));
    out.setTrend(JudgementMapper.toProto(r.trend()));
    out.setGap(JudgementMapper.toProto(r.gap()));
    if (r.narrative() != null) {
      out.setNarrative(MeasureMapper.toProto(code, r.narrative(), lookup));
    }
    if (r.recordedJudgement() != null) {
      out.setRecordedJudgement(MeasureMapper.toProto(code, r.recordedJudgement(), lookup));
    }
    r.periods().forEach(p -> out.addPeriods(PeriodMapper.toProto(p)));
    r.comparators().forEach(c -> out.addComparators(JudgementMapper.toProto(c)));
    return out.build();
  }
}
