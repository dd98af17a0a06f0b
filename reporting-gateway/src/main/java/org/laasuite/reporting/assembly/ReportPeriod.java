package org.laasuite.reporting.assembly;

import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Pattern;
import org.laasuite.common.FinancialYear;
import org.laasuite.common.grpc.Violations;

/**
 * What a report is for: a financial year ("2007-08"), or a quarter of one ("2007-08-q2", the indicators service's
 * period "periods/fy-2007-08-q2"), whose figures the partnership agrees and publishes together. Funding is shown for
 * the year either way.
 */
public record ReportPeriod(FinancialYear year, int quarter) {

  private static final Pattern FORMAT = Pattern.compile("(?:periods/)?(?:fy-)?([0-9]{4}-[0-9]{2})(?:-q([0-9]))?");

  /** The period {@code text} names ("2007-08", "2007-08-q2", "fy-2007-08-q2", "periods/fy-2007-08-q2"). */
  public static ReportPeriod parse(String text, String field) {
    Violations v = new Violations();
    var m = FORMAT.matcher(text);
    if (!m.matches()) {
      v.add(field, "must be a financial year like '2007-08' or a quarter like '2007-08-q2', not '" + text + "'");
      v.throwIfAny();
    }
    FinancialYear year = FinancialYear.parse(m.group(1), field, v);
    int quarter = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    v.check(m.group(2) == null || (quarter >= 1 && quarter <= 4), field, "'" + text + "' names no quarter: a "
        + "financial year has quarters q1 (April to June) to q4 (January to March)");
    v.throwIfAny();
    return new ReportPeriod(year, quarter);
  }

  public static ReportPeriod of(FinancialYear year) {
    return new ReportPeriod(year, 0);
  }

  public boolean isQuarter() {
    return quarter > 0;
  }

  /** "2007-08" or "2007-08-q2", as the report's address takes it. */
  public String code() {
    return year + (isQuarter() ? "-q" + quarter : "");
  }

  /** The indicators service's period: "periods/fy-2007-08-q2". */
  public String period() {
    return "periods/fy-" + code();
  }

  /** "Q2 2007-08 (July to September 2007)", or "2007-08". */
  public String label() {
    if (!isQuarter()) {
      return year.toString();
    }
    var start = year.quarterStart(quarter);
    var end = year.quarterEnd(quarter);
    return "Q" + quarter + " " + year + " (" + start.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " to "
        + end.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + end.getYear() + ")";
  }
}
