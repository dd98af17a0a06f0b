package org.laasuite.bench;

import java.util.Locale;

/**
 * A goal a measured figure is held to: at most or at least a limit. A miss says by what factor, so that a table read
 * months later still says how far there is to go.
 */
record Goal(String text, boolean atMost, double limit) {

  static Goal atMost(String text, double limit) {
    return new Goal(text, true, limit);
  }

  static Goal atLeast(String text, double limit) {
    return new Goal(text, false, limit);
  }

  boolean met(double value) {
    return atMost ? value <= limit : value >= limit;
  }

  /** How many times the goal's limit the value is off (1 or less when met). */
  double missFactor(double value) {
    if (atMost) {
      return value / limit;
    }
    return value <= 0 ? Double.POSITIVE_INFINITY : limit / value;
  }

  /** "met", or "missed by 3.2x". */
  String verdict(double value) {
    if (met(value)) {
      return "met";
    }
    double f = missFactor(value);
    return Double.isInfinite(f) ? "missed (nothing done)" : "missed by " + String.format(Locale.ROOT, "%.1fx", f);
  }
}
