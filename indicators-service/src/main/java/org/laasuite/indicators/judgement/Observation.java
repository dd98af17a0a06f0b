package org.laasuite.indicators.judgement;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import org.laasuite.indicators.period.PeriodRow;

/**
 * An outturn as the rules see it: a value for a reporting period, perhaps describing another
 * (data) period, perhaps covering only part of the reporting period.
 */
public record Observation(PeriodRow period, @Nullable PeriodRow dataPeriod, @Nullable BigDecimal coverage,
    BigDecimal value) {

  /** The period the figure actually describes. */
  public PeriodRow effectivePeriod() {
    return dataPeriod != null ? dataPeriod : period;
  }
}
