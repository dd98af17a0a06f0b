package org.laasuite.indicators.period;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laasuite.indicators.v1.PeriodType;

/**
 * Reads the period labels partnerships write into periods with a code, dates and type, keeping the
 * label: "Academic Year 02/03", "Financial Year 2004-5", "2005/06", "Q1 2006-07", "2006/07 (6 Month
 * Update)", "Apr-Sep 06 (6 mths)", "Nov-03", "2001-3" (a three-year rolling average), "Jan - Mar 2005",
 * "LFS March 2003 to Feb 2004". Financial years run April to March, academic years September to
 * August. A label it cannot read gives no period rather than a guessed one.
 */
public final class PeriodLabels {

  private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
  private static final Pattern QUARTER = Pattern.compile("^q([1-4])\\s+(\\d{4})\\s*[-/]\\s*(\\d{2,4})$");
  private static final Pattern FIRST_HALF = Pattern.compile("^(\\d{4})\\s*[-/]\\s*(\\d{1,4})\\s*\\(6 months? update\\)$");
  private static final Pattern YEARS = Pattern.compile(
      "^(academic year|financial year)?\\s*(\\d{2}|\\d{4})\\s*[-/]\\s*(\\d{1,4})(\\s*\\(\\d{4} mid ?point\\))?$");
  private static final Pattern MONTH_YEAR = Pattern.compile("^" + MONTH + "\\s*[-\\s]?\\s*(\\d{2}|\\d{4})$");
  private static final Pattern YEAR_MONTH = Pattern.compile("^(\\d{4})\\s*\\(" + MONTH + "\\)$");
  private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
  private static final Pattern SPAN = Pattern.compile(
      "^(?:[a-z]{2,4}\\s+)?" + MONTH + "\\s*(\\d{2}|\\d{4})?\\s*(?:-|–|to)\\s*" + MONTH + "\\s*(\\d{2}|\\d{4})$");

  private PeriodLabels() {
  }

  /** The period {@code label} names, if it can be read. */
  public static Optional<PeriodRow> parse(String label) {
    if (label == null || label.isBlank()) {
      return Optional.empty();
    }
    String original = label.strip().replaceAll("\\s+", " ");
    String s = original.toLowerCase(Locale.ROOT)
        .replaceAll("\\s*\\(\\d+ mths?\\)$", "")
        .replaceAll("(\\d)\\s*-\\s+(\\d)", "$1-$2");
    Matcher m;
    if ((m = QUARTER.matcher(s)).matches()) {
      int y = Integer.parseInt(m.group(2));
      int q = Integer.parseInt(m.group(1));
      if (!followingYear(y, m.group(3))) {
        return Optional.empty();
      }
      LocalDate start = LocalDate.of(y, 4, 1).plusMonths(3L * (q - 1));
      return Optional.of(period(fy(y) + "-q" + q, PeriodType.PERIOD_TYPE_QUARTER, start, start.plusMonths(3).minusDays(1),
          original));
    }
    if ((m = FIRST_HALF.matcher(s)).matches()) {
      int y = Integer.parseInt(m.group(1));
      if (!followingYear(y, m.group(2))) {
        return Optional.empty();
      }
      return Optional.of(period(fy(y) + "-h1", PeriodType.PERIOD_TYPE_HALF_YEAR, LocalDate.of(y, 4, 1), LocalDate.of(y, 9, 30),
          original));
    }
    if ((m = YEARS.matcher(s)).matches()) {
      int y1 = year(m.group(2));
      int y2 = laterYear(y1, m.group(3));
      if (y2 == y1 + 1 && m.group(4) == null) {
        if ("academic year".equals(m.group(1))) {
          return Optional.of(period("ay-" + y1 + "-" + two(y2), PeriodType.PERIOD_TYPE_ACADEMIC_YEAR, LocalDate.of(y1, 9, 1),
              LocalDate.of(y2, 8, 31), original));
        }
        return Optional.of(financialYear(y1, original));
      }
      if (y2 >= y1 + 2 && y2 <= y1 + 5 && m.group(1) == null) {
        return Optional.of(period("avg-" + y1 + "-" + y2, PeriodType.PERIOD_TYPE_ROLLING_AVERAGE, LocalDate.of(y1, 1, 1),
            LocalDate.of(y2, 12, 31), original));
      }
      return Optional.empty();
    }
    if ((m = MONTH_YEAR.matcher(s)).matches()) {
      return Optional.of(month(YearMonth.of(year(m.group(2)), month(m.group(1))), original));
    }
    if ((m = YEAR_MONTH.matcher(s)).matches()) {
      return Optional.of(month(YearMonth.of(Integer.parseInt(m.group(1)), month(m.group(2))), original));
    }
    if ((m = YEAR.matcher(s)).matches()) {
      int y = Integer.parseInt(m.group(1));
      return Optional.of(period("cy-" + y, PeriodType.PERIOD_TYPE_CALENDAR_YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31),
          original));
    }
    if ((m = SPAN.matcher(s)).matches()) {
      return span(m, original);
    }
    return Optional.empty();
  }

  /** The financial year starting in April of {@code startYear}, e.g. "fy-2006-07". */
  public static PeriodRow financialYear(int startYear, String label) {
    return period(fy(startYear), PeriodType.PERIOD_TYPE_FINANCIAL_YEAR, LocalDate.of(startYear, 4, 1),
        LocalDate.of(startYear + 1, 3, 31), label);
  }

  private static Optional<PeriodRow> span(Matcher m, String original) {
    Month endMonth = month(m.group(3));
    int endYear = year(m.group(4));
    Month startMonth = month(m.group(1));
    int startYear = m.group(2) != null ? year(m.group(2))
        : startMonth.getValue() <= endMonth.getValue() ? endYear : endYear - 1;
    YearMonth from = YearMonth.of(startYear, startMonth);
    YearMonth to = YearMonth.of(endYear, endMonth);
    if (to.isBefore(from) || from.plusYears(5).isBefore(to)) {
      return Optional.empty();
    }
    LocalDate start = from.atDay(1);
    LocalDate end = to.atEndOfMonth();
    long months = from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
    int fyStart = startMonth.getValue() >= 4 ? startYear : startYear - 1;
    if (months == 12 && startMonth == Month.APRIL) {
      return Optional.of(financialYear(startYear, original));
    }
    if (months == 12 && startMonth == Month.SEPTEMBER) {
      return Optional.of(period("ay-" + startYear + "-" + two(startYear + 1), PeriodType.PERIOD_TYPE_ACADEMIC_YEAR, start, end,
          original));
    }
    if (months == 12 && startMonth == Month.JANUARY) {
      return Optional.of(period("cy-" + startYear, PeriodType.PERIOD_TYPE_CALENDAR_YEAR, start, end, original));
    }
    int offset = (startMonth.getValue() + 8) % 12; // months since April
    if (months == 3 && offset % 3 == 0) {
      return Optional.of(period(fy(fyStart) + "-q" + (offset / 3 + 1), PeriodType.PERIOD_TYPE_QUARTER, start, end, original));
    }
    if (months == 6 && offset % 6 == 0) {
      return Optional.of(period(fy(fyStart) + "-h" + (offset / 6 + 1), PeriodType.PERIOD_TYPE_HALF_YEAR, start, end, original));
    }
    return Optional.of(period("span-" + from + "-to-" + to, PeriodType.PERIOD_TYPE_OTHER, start, end, original));
  }

  private static PeriodRow month(YearMonth ym, String label) {
    return period("m-" + ym, PeriodType.PERIOD_TYPE_MONTH, ym.atDay(1), ym.atEndOfMonth(), label);
  }

  private static PeriodRow period(String code, PeriodType type, LocalDate start, LocalDate end, String label) {
    return new PeriodRow(null, code, type, start, end, label);
  }

  private static String fy(int startYear) {
    return "fy-" + startYear + "-" + two(startYear + 1);
  }

  private static String two(int year) {
    return String.format("%02d", year % 100);
  }

  /** "02" is 2002, "98" 1998. */
  private static int year(String digits) {
    int y = Integer.parseInt(digits);
    if (digits.length() == 2) {
      return y >= 50 ? 1900 + y : 2000 + y;
    }
    return y;
  }

  /** The year "3", "04" or "2004" stands for after {@code first}: "2001-3" is 2003. */
  private static int laterYear(int first, String digits) {
    if (digits.length() == 4) {
      return Integer.parseInt(digits);
    }
    int mod = (int) Math.pow(10, digits.length());
    int candidate = first - first % mod + Integer.parseInt(digits);
    return candidate < first ? candidate + mod : candidate;
  }

  private static boolean followingYear(int first, String digits) {
    return laterYear(first, digits) == first + 1;
  }

  private static Month month(String word) {
    return switch (word.substring(0, 3)) {
      case "jan" -> Month.JANUARY;
      case "feb" -> Month.FEBRUARY;
      case "mar" -> Month.MARCH;
      case "apr" -> Month.APRIL;
      case "may" -> Month.MAY;
      case "jun" -> Month.JUNE;
      case "jul" -> Month.JULY;
      case "aug" -> Month.AUGUST;
      case "sep" -> Month.SEPTEMBER;
      case "oct" -> Month.OCTOBER;
      case "nov" -> Month.NOVEMBER;
      default -> Month.DECEMBER;
    };
  }
}
