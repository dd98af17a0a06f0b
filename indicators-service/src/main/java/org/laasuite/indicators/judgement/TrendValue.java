package org.laasuite.indicators.judgement;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.Direction;

/** The latest outturn against the one before it (by the periods their data describe). */
public record TrendValue(Direction direction, @Nullable PeriodRow period, @Nullable PeriodRow previousPeriod,
    @Nullable BigDecimal latest, @Nullable BigDecimal previous, @Nullable BigDecimal change) {

  static final TrendValue UNKNOWN = new TrendValue(Direction.DIRECTION_UNKNOWN, null, null, null, null, null);
}
