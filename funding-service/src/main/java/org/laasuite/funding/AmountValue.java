package org.laasuite.funding;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.regex.Pattern;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.AmountStatus;

/** An amount in whole pence, or why there is none yet ("NYQ" is not zero), with the text as written. */
public record AmountValue(@Nullable Long pence, AmountStatus status, String text) {

  private static final Pattern POUNDS = Pattern.compile("£?\\s*(\\d{1,3}(,\\d{3})*|\\d+)(\\.\\d{2})?");

  public boolean quantified() {
    return pence != null;
  }

  /**
   * Reads a cell of the agreement's funding table: "1,519,634" and "£12.50" are confirmed amounts,
   * "NYQ" is not yet quantified, an empty cell is no amount (null). Anything else is a violation.
   */
  public static AmountValue parse(String cell, String field, Violations v) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    String text = cell.strip();
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.equals("NYQ") || upper.equals("NOT YET QUANTIFIED")) {
      return new AmountValue(null, AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED, text);
    }
    if (text.startsWith("-") || text.startsWith("(")) {
      v.add(field, "'" + text + "' is negative; amounts are never negative");
      return null;
    }
    var m = POUNDS.matcher(text);
    if (!m.matches()) {
      v.add(field, "'" + text + "' is not an amount in pounds (like 1,519,634 or 12.50) or NYQ");
      return null;
    }
    long pounds = Long.parseLong(m.group(1).replace(",", ""));
    long pence = m.group(3) == null ? 0 : Long.parseLong(m.group(3).substring(1));
    return new AmountValue(pounds * 100 + pence, AmountStatus.AMOUNT_STATUS_CONFIRMED, text);
  }
}
