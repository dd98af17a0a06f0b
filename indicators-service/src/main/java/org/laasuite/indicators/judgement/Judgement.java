package org.laasuite.indicators.judgement;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.JudgementBasis;
import org.laasuite.indicators.v1.Rating;

/** The outcome of {@link JudgementRule}: the rating and everything needed to show how it follows. */
public record Judgement(Rating rating, JudgementBasis basis, @Nullable PeriodRow period, @Nullable BigDecimal target,
    @Nullable BigDecimal outturn, @Nullable BigDecimal variance, @Nullable BigDecimal tolerance,
    String explanation) {
}
