package org.laasuite.common;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.grpc.Violations;

/** A UK financial year, "2007-08": 1 April 2007 to 31 March 2008. */
public record FinancialYear(int startYear) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{2})");

  /** The year {@code text} names, or null with a violation of {@code field}. */
  public static FinancialYear parse(String text, String field, Violations v) {
    var m = text == null ? null : FORMAT.matcher(text);
    if (m == null || !m.matches()) {
      v.add(field, "must be a financial year like '2007-08', not '" + Protos.clip(text == null ? "" : text) + "'");
      return null;
    }
    int start = Integer.parseInt(m.group(1));
    if ((start + 1) % 100 != Integer.parseInt(m.group(2)) || start < 1990 || start > 2100) {
      v.add(field, "'" + Protos.clip(text) + "' is not a financial year (April to March of the next year, 1990 to 2100)");
      return null;
    }
    return new FinancialYear(start);
  }

  public LocalDate start() {
    return LocalDate.of(startYear, 4, 1);
  }

  public LocalDate end() {
    return LocalDate.of(startYear + 1, 3, 31);
  }

  public LocalDate quarterStart(int quarter) {
    return start().plusMonths(3L * (quarter - 1));
  }

  public LocalDate quarterEnd(int quarter) {
    return quarterStart(quarter).plusMonths(3).minusDays(1);
  }

  @Override
  public String toString() {
    return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
  }
}
