package org.laasuite.common.grpc;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import com.google.type.Decimal;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Conversions between protobuf's well-known types and Java's. */
public final class Protos {

  private Protos() {
  }

  public static Decimal decimal(BigDecimal value) {
    return Decimal.newBuilder().setValue(value.toPlainString()).build();
  }

  /**
   * The number in a google.type.Decimal a client set; empty when there is none ({@code null}: callers
   * pass a message only when it is set). The text must be a finite decimal number exactly: an empty
   * text, blanks around it, NaN, Infinity or "12abc" are a violation of {@code field}, as is a number
   * outside what the suite stores.
   */
  public static Optional<BigDecimal> decimal(Decimal value, String field, Violations v) {
    if (value == null) {
      return Optional.empty();
    }
    String text = value.getValue();
    if (text.isEmpty()) {
      v.add(field, "is set but holds no number (leave it unset for none)");
      return Optional.empty();
    }
    if (!text.equals(text.strip())) {
      v.add(field, "must be a decimal number without blanks around it, not '" + clip(text) + "'");
      return Optional.empty();
    }
    try {
      BigDecimal parsed = new BigDecimal(text);
      return storable(parsed, field, v) ? Optional.of(parsed) : Optional.empty();
    } catch (NumberFormatException e) {
      v.add(field, "must be a finite decimal number, not '" + clip(text) + "'");
      return Optional.empty();
    }
  }

  /** Digits a stored number may have before its decimal point, and after it. */
  public static final int MAX_INTEGER_DIGITS = 30;
  public static final int MAX_FRACTION_DIGITS = 10;

  /** True when {@code n} is within what the suite stores (so also a finite double); a violation of {@code field} when not. */
  public static boolean storable(BigDecimal n, String field, Violations v) {
    return v.check(storable(n), field, outOfRange());
  }

  public static boolean storable(BigDecimal n) {
    return n.precision() - n.scale() <= MAX_INTEGER_DIGITS && n.scale() <= MAX_FRACTION_DIGITS;
  }

  /** What a number out of the stored range is told. */
  public static String outOfRange() {
    return "is outside the range the suite stores (" + MAX_INTEGER_DIGITS + " digits before the point, "
        + MAX_FRACTION_DIGITS + " after)";
  }

  public static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  /** The years a date a client sends may fall in: a partnership's records, not history or the far future. */
  public static final int MIN_YEAR = 1900;
  public static final int MAX_YEAR = 2100;

  /**
   * A full calendar date in the years {@link #MIN_YEAR} to {@link #MAX_YEAR}; empty when unset (all
   * zero), a violation when partial, impossible or outside those years.
   */
  public static Optional<LocalDate> date(Date d, String field, Violations v) {
    if (d == null || (d.getYear() == 0 && d.getMonth() == 0 && d.getDay() == 0)) {
      return Optional.empty();
    }
    if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
      v.add(field, "must be in the years " + MIN_YEAR + " to " + MAX_YEAR + ", not " + d.getYear());
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(d.getYear(), d.getMonth(), d.getDay()));
    } catch (DateTimeException e) {
      v.add(field, "is not a calendar date (year, month and day are all required)");
      return Optional.empty();
    }
  }

  /** A full calendar date that must be given: null with a violation when missing, partial or impossible. */
  public static LocalDate requiredDate(Date d, String field, Violations v) {
    int before = v.list().size();
    LocalDate date = date(d, field, v).orElse(null);
    if (date == null && v.list().size() == before) {
      v.add(field, "is required");
    }
    return date;
  }

  /** Entities make their timestamps at the database's microsecond precision (see their @DateCreated). */
  public static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range of a google.protobuf.Timestamp. */
  private static final long MIN_SECONDS = -62_135_596_800L;
  private static final long MAX_SECONDS = 253_402_300_799L;

  /** A point in time a client sends; empty when unset, a violation when outside a Timestamp's range. */
  public static Optional<Instant> instant(@Nullable Timestamp t, String field, Violations v) {
    if (t == null) {
      return Optional.empty();
    }
    if (t.getSeconds() < MIN_SECONDS || t.getSeconds() > MAX_SECONDS || t.getNanos() < 0
        || t.getNanos() > 999_999_999) {
      v.add(field, "is not a time: seconds must be within years 1 to 9999 and nanos 0 to 999,999,999");
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()));
  }

  /** A value for an error message: short, whatever the client sent. */
  public static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
