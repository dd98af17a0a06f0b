package org.laasuite.indicators.judgement;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.GapDirection;

/** The gap between priority neighbourhoods and a comparison area, now and in the period before. */
public record GapValue(GapDirection direction, @Nullable String comparisonArea, @Nullable PeriodRow period,
    @Nullable BigDecimal gap, @Nullable PeriodRow previousPeriod, @Nullable BigDecimal previousGap) {

  static final GapValue NOT_KNOWN = new GapValue(GapDirection.GAP_DIRECTION_NOT_KNOWN, null, null, null, null, null);
}
