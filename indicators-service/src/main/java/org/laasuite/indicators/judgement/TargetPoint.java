package org.laasuite.indicators.judgement;

import org.laasuite.indicators.figure.FigureValue;
import org.laasuite.indicators.period.PeriodRow;

/** A target as the rules see it. */
public record TargetPoint(PeriodRow period, FigureValue figure) {
}
