package org.laasuite.indicators.figure;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  /** What a figure's units say of its number: nothing, a percentage (0 to 100), a count (never negative). */
  private enum Kind { OTHER, PERCENTAGE, COUNT }

  /** The kinds of the units met so far: an import checks every row against its indicator's units. */
  private static final Map<String, Kind> KINDS = new ConcurrentHashMap<>();

  private static Kind kind(String units) {
    Kind known = KINDS.get(units);
    if (known != null) {
      return known;
    }
    String u = units.trim().toLowerCase(Locale.ROOT);
    Kind k = PERCENTAGE.matcher(u).matches() ? Kind.PERCENTAGE : COUNT.matcher(u).matches() ? Kind.COUNT : Kind.OTHER;
    if (KINDS.size() < 10_000) {
      KINDS.put(units, k);
    }
    return k;
  }

  /** Adds a violation of {@code field} when {@code figure}'s number contradicts {@code units}. */
  public static void check(String units, FigureValue figure, String field, Violations v) {
    if (figure == null || !figure.hasValue()) {
      return;
    }
    BigDecimal value = figure.value();
    switch (kind(units)) {
      case PERCENTAGE -> {
        if (value.compareTo(HUNDRED) > 0 || value.signum() < 0) {
          v.add(field, "is " + value.toPlainString() + " but the indicator is a percentage ('" + units
              + "'): it must lie between 0 and 100");
        }
      }
      case COUNT -> {
        if (value.signum() < 0) {
          v.add(field, "is " + value.toPlainString() + " but the indicator counts ('" + units
              + "'): a count is never negative");
        }
      }
      case OTHER -> {
      }
    }
  }
}
