package org.laasuite.indicators.judgement;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import org.laasuite.indicators.period.Period;

/**
 * An outturn as the rules see it: a value for a reporting period, perhaps describing another
 * (data) period, perhaps covering only part of the reporting period.
 */
public record Observation(Period period, @Nullable Period dataPeriod, @Nullable BigDecimal coverage,
    BigDecimal value) {

  /** The period the figure actually describes. */
  public Period effectivePeriod() {
    return dataPeriod != null ? dataPeriod : period;
  }
}
