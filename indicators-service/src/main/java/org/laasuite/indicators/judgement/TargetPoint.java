package org.laasuite.indicators.judgement;

import org.laasuite.indicators.figure.Figure;
import org.laasuite.indicators.period.Period;

/** A target as the rules see it. */
public record TargetPoint(Period period, Figure figure) {
}
