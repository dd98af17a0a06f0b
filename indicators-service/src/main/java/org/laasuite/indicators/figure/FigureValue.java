package org.laasuite.indicators.figure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import java.math.BigDecimal;
import org.laasuite.indicators.v1.Comparator;
import org.laasuite.indicators.v1.FigureStatus;

/**
 * A figure as a partnership writes it: the number where there is one, how to read it, and always
 * the original text. Stored as the {@code figure_*} columns of baselines, targets and outturns.
 */
@Embeddable
public record FigureValue(
    @Nullable BigDecimal value,
    Comparator comparator,
    int dueYear,
    boolean cumulative,
    @Nullable BigDecimal secondaryValue,
    FigureStatus status,
    String originalText) {

  public static FigureValue of(BigDecimal value) {
    return new FigureValue(value, Comparator.COMPARATOR_EQUAL, 0, false, null, FigureStatus.FIGURE_STATUS_VALUE, value.toPlainString());
  }

  /** The same figure, read from {@code text}: a cell that gave it beside another area's. */
  public FigureValue withOriginalText(String text) {
    return new FigureValue(value, comparator, dueYear, cumulative, secondaryValue, status, text);
  }

  public boolean hasValue() {
    return value != null;
  }
}
