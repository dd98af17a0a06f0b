package org.laasuite.indicators.report;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import org.laasuite.indicators.indicator.IndicatorRow;
import org.laasuite.indicators.judgement.ComparatorPositions;
import org.laasuite.indicators.judgement.GapValue;
import org.laasuite.indicators.judgement.Judgement;
import org.laasuite.indicators.judgement.TrendValue;
import org.laasuite.indicators.measure.BaselineRow;
import org.laasuite.indicators.measure.NarrativeRow;
import org.laasuite.indicators.measure.OutturnRevisionRow;
import org.laasuite.indicators.measure.RecordedJudgementRow;
import org.laasuite.indicators.measure.References.Lookup;
import org.laasuite.indicators.measure.TargetRow;
import org.laasuite.indicators.period.PeriodRow;

/**
 * One indicator's report card (the proto IndicatorReport's twin): its baselines; its targets and
 * the current outturns of its latest periods, earliest period first, with how many outturns of earlier periods are
 * left out; the latest narrative and recorded judgement; the
 * judgement, trend and gap computed from the city's figures; every period these name, in order;
 * the lookup that names areas and periods; and the city's position against each comparator group.
 */
public record IndicatorReportValue(IndicatorRow indicator, List<BaselineRow> baselines, List<TargetRow> targets,
    List<OutturnRevisionRow> outturns, boolean earlierOutturns, @Nullable NarrativeRow narrative,
    @Nullable RecordedJudgementRow recordedJudgement,
    Judgement computedJudgement, TrendValue trend, GapValue gap, List<PeriodRow> periods, Lookup lookup,
    List<ComparatorPositions.Position> comparators) {
}
