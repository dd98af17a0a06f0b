package org.laasuite.reporting.opendata;

import com.google.type.Date;
import com.google.type.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object of an open-data output, its members in the order they are put, where what is not known is left
 * out rather than written empty: the standards read a missing member as "not known", an empty one as a value.
 */
public final class Fields extends LinkedHashMap<String, Object> {

  public static Fields object() {
    return new Fields();
  }

  /** {@code value} under {@code key}, unless it is null, an empty string or an empty collection or map. */
  public Fields with(String key, Object value) {
    boolean empty = value == null || value instanceof String s && s.isEmpty()
        || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    if (!empty) {
      put(key, value);
    }
    return this;
  }

  /** An ISO date ("2008-03-31"), or null when {@code d} is unset. */
  public static String date(Date d) {
    return local(d) == null ? null : local(d).toString();
  }

  public static LocalDate local(Date d) {
    return d == null || d.getYear() == 0 || d.getMonth() == 0 || d.getDay() == 0 ? null
        : LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
  }

  /** Pounds, exactly: whole pounds without decimals, else pence as two decimals (never a float's rounding). */
  public static BigDecimal pounds(Money m) {
    BigDecimal pounds = BigDecimal.valueOf(m.getUnits()).add(BigDecimal.valueOf(m.getNanos() / 10_000_000, 2));
    return pounds.stripTrailingZeros().scale() <= 0 ? pounds.setScale(0) : pounds;
  }
}
