package org.laasuite.indicators.figure;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.laasuite.common.grpc.Violations;

/**
 * Whether a figure's number can be in its indicator's units: a percentage is at most 100, a count is never
 * negative. Units name what they measure as the partnership prints them ("%", "% of pupils", "Number of schools",
 * "No. of first time entrants"); units that are neither (a rate, a change, a score) are not checked.
 */
public final class FigureUnits {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final Pattern PERCENTAGE = Pattern.compile("^(%|percent(age)?)( of\\b.*)?$");
  private static final Pattern COUNT = Pattern.compile("^(number|no\\.?|count)\\b.*");

  private FigureUnits() {
  }

  /** Adds a violation of {@code field} when {@code figure}'s number contradicts {@code units}. */
  public static void check(String units, FigureValue figure, String field, Violations v) {
    if (figure == null || !figure.hasValue()) {
      return;
    }
    String u = units.trim().toLowerCase(Locale.ROOT);
    BigDecimal value = figure.value();
    if (PERCENTAGE.matcher(u).matches()) {
      v.check(value.compareTo(HUNDRED) <= 0 && value.signum() >= 0, field, "is " + value.toPlainString()
          + " but the indicator is a percentage ('" + units + "'): it must lie between 0 and 100");
    } else if (COUNT.matcher(u).matches()) {
      v.check(value.signum() >= 0, field, "is " + value.toPlainString() + " but the indicator counts ('" + units
          + "'): a count is never negative");
    }
  }
}
