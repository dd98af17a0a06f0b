package org.laasuite.common.grpc;

import com.google.type.Money;
import java.util.Locale;

/**
 * Pounds sterling as {@code google.type.Money} on the wire and whole pence ({@code long}) inside:
 * exact, and a fraction of a penny is refused rather than rounded.
 */
public final class Moneys {

  public static final String GBP = "GBP";
  private static final int NANOS_PER_PENNY = 10_000_000;

  private Moneys() {
  }

  public static Money gbp(long pence) {
    return Money.newBuilder().setCurrencyCode(GBP).setUnits(pence / 100)
        .setNanos((int) (pence % 100) * NANOS_PER_PENNY).build();
  }

  /** The pence in {@code m}, or null with a violation of {@code field}: not GBP, negative, or a fraction of a penny. */
  public static Long pence(Money m, String field, Violations v) {
    boolean ok = v.check(m.getCurrencyCode().isEmpty() || m.getCurrencyCode().equals(GBP), field + ".currency_code",
        "must be GBP (or empty), not '" + Protos.clip(m.getCurrencyCode()) + "'");
    ok &= v.check(m.getUnits() >= 0 && m.getNanos() >= 0, field, "must not be negative");
    ok &= v.check(m.getNanos() < 1_000_000_000, field + ".nanos", "must be less than 1,000,000,000");
    ok &= v.check(m.getNanos() % NANOS_PER_PENNY == 0, field + ".nanos",
        "is a fraction of a penny: amounts are in whole pence");
    ok &= v.check(m.getUnits() <= 1_000_000_000_000L, field + ".units", "is more than a trillion pounds");
    return ok ? m.getUnits() * 100 + m.getNanos() / NANOS_PER_PENNY : null;
  }

  /** "£1,519,634" or "£12.50". */
  public static String format(long pence) {
    return pence % 100 == 0 ? String.format(Locale.UK, "£%,d", pence / 100)
        : String.format(Locale.UK, "£%,d.%02d", pence / 100, pence % 100);
  }
}
