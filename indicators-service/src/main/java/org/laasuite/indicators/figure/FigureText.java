package org.laasuite.indicators.figure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laasuite.indicators.v1.Comparator;
import org.laasuite.indicators.v1.FigureStatus;

/**
 * Reads the figures partnerships write ("6395 by 2008", "3% (1021)", "Less than 15 across all
 * phases", "£27,692", "Monitor only", "TBA") into a {@link FigureValue}. It takes a number only where the
 * text starts with one (after a comparator word or a currency sign), so that "Survey will be held
 * every 3 years" or "2 year lag" never become figures: it never invents a number.
 */
public final class FigureText {

  private static final Pattern LEADING = Pattern.compile(
      "^(?<cmp>less than|fewer than|under|no more than|at most|more than|over|at least|gap)?\\s*"
          + "(?<sign>[-−–])?\\s*£?\\s*(?<num>\\d[\\d,]*(?:\\.\\d+)?|\\.\\d+)\\s*(?<pct>%)?\\s*(?<mult>m\\b|million\\b)?"
          + "(?<rest>.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern BY_YEAR = Pattern.compile("^by\\s+(\\d{4})\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern BRACKETED_NUMBER = Pattern.compile("^\\(\\s*(\\d[\\d,]*(?:\\.\\d+)?)[^)]*\\).*");
  private static final Pattern CUMULATIVE = Pattern.compile("\\bcum(ulative)?\\b", Pattern.CASE_INSENSITIVE);
  /** Numbers followed by these are dates or spans, not figures: "2004-05", "2005/06", "2 year lag". */
  private static final Pattern NOT_A_FIGURE = Pattern.compile("^([-/]\\d|\\s*years?\\b|\\s*year lag).*",
      Pattern.CASE_INSENSITIVE);

  private record Words(String prefix, FigureStatus status) {

    /** Whether lower-cased text starts with these words, alone or followed by a space, comma, bracket or stop. */
    boolean start(String lower) {
      if (!lower.startsWith(prefix)) {
        return false;
      }
      if (lower.length() == prefix.length()) {
        return true;
      }
      char next = lower.charAt(prefix.length());
      return next == ' ' || next == ',' || next == '.';
    }
  }

  // Checked in order, on the lower-cased text, before any number is read.
  private static final List<Words> STATUS_WORDS = List.of(
      new Words("monitor only", FigureStatus.FIGURE_STATUS_MONITOR_ONLY),
      new Words("no target", FigureStatus.FIGURE_STATUS_NO_TARGET),
      new Words("to be set", FigureStatus.FIGURE_STATUS_TO_BE_SET),
      new Words("tba", FigureStatus.FIGURE_STATUS_TO_BE_SET),
      new Words("tbc", FigureStatus.FIGURE_STATUS_TO_BE_SET),
      new Words("awaiting", FigureStatus.FIGURE_STATUS_TO_BE_SET),
      new Words("target will be", FigureStatus.FIGURE_STATUS_TO_BE_SET),
      new Words("new target", FigureStatus.FIGURE_STATUS_TO_BE_SET),
      new Words("target is to", FigureStatus.FIGURE_STATUS_TO_BE_SET),
      new Words("in development", FigureStatus.FIGURE_STATUS_TO_BE_SET),
      new Words("under development", FigureStatus.FIGURE_STATUS_TO_BE_SET),
      new Words("survey will be", FigureStatus.FIGURE_STATUS_TO_BE_SET),
      new Words("na", FigureStatus.FIGURE_STATUS_NOT_APPLICABLE),
      new Words("n/a", FigureStatus.FIGURE_STATUS_NOT_AVAILABLE),
      new Words("nyq", FigureStatus.FIGURE_STATUS_NOT_AVAILABLE),
      new Words("data available", FigureStatus.FIGURE_STATUS_NOT_AVAILABLE),
      new Words("available", FigureStatus.FIGURE_STATUS_NOT_AVAILABLE),
      new Words("should be available", FigureStatus.FIGURE_STATUS_NOT_AVAILABLE),
      new Words("shoud be available", FigureStatus.FIGURE_STATUS_NOT_AVAILABLE),
      new Words("next update", FigureStatus.FIGURE_STATUS_NOT_AVAILABLE),
      new Words("not available", FigureStatus.FIGURE_STATUS_NOT_AVAILABLE));

  private FigureText() {
  }

  /** The figure in {@code text}; null for blank text (an empty cell is no figure at all). */
  public static FigureValue parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String original = text.strip();
    FigureValue plain = plainNumber(original);
    return plain != null ? plain : read(original);
  }

  /** The figure in stripped, non-blank text, read with the patterns (what {@link #plainNumber} reads quicker). */
  static FigureValue read(String original) {
    String lower = original.toLowerCase(Locale.ROOT);
    for (Words w : STATUS_WORDS) {
      if (w.start(lower)) {
        return textOnly(original, w.status());
      }
    }
    if (lower.contains("year lag")) {
      return textOnly(original, FigureStatus.FIGURE_STATUS_NOT_AVAILABLE);
    }
    Matcher m = LEADING.matcher(original);
    if (!m.matches()) {
      return textOnly(original, FigureStatus.FIGURE_STATUS_TEXT_ONLY);
    }
    String rest = m.group("rest").strip();
    if (NOT_A_FIGURE.matcher(m.group("rest")).matches()) {
      return textOnly(original, FigureStatus.FIGURE_STATUS_TEXT_ONLY);
    }
    BigDecimal value = new BigDecimal(m.group("num").replace(",", ""));
    if (m.group("sign") != null) {
      value = value.negate();
    }
    if (m.group("mult") != null) {
      value = value.multiply(BigDecimal.valueOf(1_000_000));
    }
    Comparator comparator = comparator(m.group("cmp"));
    int dueYear = 0;
    Matcher by = BY_YEAR.matcher(rest);
    if (by.matches()) {
      dueYear = Integer.parseInt(by.group(1));
    }
    BigDecimal secondary = null;
    Matcher bracket = BRACKETED_NUMBER.matcher(rest);
    if (bracket.matches() && !CUMULATIVE.matcher(rest).find()) {
      secondary = new BigDecimal(bracket.group(1).replace(",", ""));
    }
    boolean cumulative = CUMULATIVE.matcher(rest).find();
    return new FigureValue(value, comparator, dueYear, cumulative, secondary, FigureStatus.FIGURE_STATUS_VALUE, original);
  }

  /**
   * The figure of text that is only a number ("26.8", "9.70%", "-3", "1,021"), as the full reading below would
   * give it; null for any other text. Most figures an import brings are such, and are read here without the
   * patterns.
   */
  private static FigureValue plainNumber(String original) {
    int n = original.length();
    int i = original.startsWith("-") ? 1 : 0;
    int start = i;
    if (i == n || !digit(original.charAt(i))) {
      return null;
    }
    boolean commas = false;
    while (i < n && (digit(original.charAt(i)) || original.charAt(i) == ',')) {
      commas |= original.charAt(i) == ',';
      i++;
    }
    if (i < n && original.charAt(i) == '.') {
      int fraction = ++i;
      while (i < n && digit(original.charAt(i))) {
        i++;
      }
      if (i == fraction) {
        return null;
      }
    }
    int end = i;
    if (i < n && original.charAt(i) == '%') {
      i++;
    }
    if (i != n) {
      return null;
    }
    String digits = original.substring(start, end);
    BigDecimal value = new BigDecimal(commas ? digits.replace(",", "") : digits);
    return new FigureValue(start == 1 ? value.negate() : value, Comparator.COMPARATOR_EQUAL, 0, false, null,
        FigureStatus.FIGURE_STATUS_VALUE, original);
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9'; // as the patterns' \\d: ASCII digits only
  }

  private static FigureValue textOnly(String original, FigureStatus status) {
    return new FigureValue(null, Comparator.COMPARATOR_EQUAL, 0, false, null, status, original);
  }

  private static Comparator comparator(String word) {
    if (word == null) {
      return Comparator.COMPARATOR_EQUAL;
    }
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "less than", "fewer than", "under" -> Comparator.COMPARATOR_LESS_THAN;
      case "no more than", "at most" -> Comparator.COMPARATOR_AT_MOST;
      case "more than", "over" -> Comparator.COMPARATOR_MORE_THAN;
      case "at least" -> Comparator.COMPARATOR_AT_LEAST;
      default -> Comparator.COMPARATOR_EQUAL; // "gap 11.5": the figure is the gap itself
    };
  }
}
