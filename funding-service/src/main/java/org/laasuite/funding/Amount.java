package org.laasuite.funding;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.regex.Pattern;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.AmountStatus;

/** An amount in whole pence, or why there is none yet ("NYQ" is not zero), with the text as written. */
public record Amount(@Nullable Long pence, AmountStatus status, String text) {

  private static final Pattern POUNDS = Pattern.compile("£?\\s*(\\d{1,3}(,\\d{3})*|\\d+)(\\.\\d{2})?");

  public boolean quantified() {
    return pence != null;
  }

  /**
   * Reads a cell of the agreement's funding table: "1,519,634" and "£12.50" are confirmed amounts,
   * "NYQ" is not yet quantified, an empty cell is no amount (null). Anything else is a violation.
   */
  public static Amount parse(String cell, String field, Violations v) {
    if (cell == null || cell.isBlank()) {
      return null;
    }
    String text = cell.strip();
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.equals("NYQ") || upper.equals("NOT YET QUANTIFIED")) {
      return new Amount(null, AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED, text);
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
    return new Amount(pounds * 100 + pence, AmountStatus.AMOUNT_STATUS_CONFIRMED, text);
  }

  public org.laasuite.funding.v1.Amount toProto() {
    var b = org.laasuite.funding.v1.Amount.newBuilder().setStatus(status).setOriginalText(text);
    if (pence != null) {
      b.setMoney(Moneys.gbp(pence));
    }
    return b.build();
  }

  /** The amount a client sent, or null (with violations) when it is not one. */
  public static Amount fromProto(org.laasuite.funding.v1.Amount in, String field, Violations v) {
    v.maxLength(in.getOriginalText(), Violations.MAX_TITLE, field + ".original_text");
    switch (in.getStatus()) {
      case AMOUNT_STATUS_NOT_YET_QUANTIFIED -> {
        v.check(!in.hasMoney(), field + ".money", "must be unset when the amount is not yet quantified");
        return new Amount(null, AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED, in.getOriginalText().isBlank() ? "NYQ"
            : in.getOriginalText());
      }
      case AMOUNT_STATUS_CONFIRMED, AMOUNT_STATUS_INDICATIVE, AMOUNT_STATUS_UNSPECIFIED -> {
        if (!v.check(in.hasMoney(), field + ".money", "is required unless the status is NOT_YET_QUANTIFIED")) {
          return null;
        }
        Long pence = Moneys.pence(in.getMoney(), field + ".money", v);
        AmountStatus status = in.getStatus() == AmountStatus.AMOUNT_STATUS_UNSPECIFIED ? AmountStatus.AMOUNT_STATUS_CONFIRMED
            : in.getStatus();
        return pence == null ? null : new Amount(pence, status,
            in.getOriginalText().isBlank() ? Moneys.format(pence) : in.getOriginalText());
      }
      default -> {
        v.add(field + ".status", "is not a known amount status");
        return null;
      }
    }
  }
}
