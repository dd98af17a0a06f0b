package org.laasuite.funding;

import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.Amount;
import org.laasuite.funding.v1.AmountStatus;

/** Amounts to and from their proto; the record is {@code AmountValue}, the proto {@link Amount}. */
public final class AmountMapper {

  private AmountMapper() {
  }

  public static Amount toProto(AmountValue a) {
    var b = Amount.newBuilder().setStatus(a.status()).setOriginalText(a.text());
    if (a.pence() != null) {
      b.setMoney(Moneys.gbp(a.pence()));
    }
    return b.build();
  }

  /** The amount a client sent, or null (with violations) when it is not one. */
  public static AmountValue fromProto(Amount in, String field, Violations v) {
    v.maxLength(in.getOriginalText(), Violations.MAX_TITLE, field + ".original_text");
    switch (in.getStatus()) {
      case AMOUNT_STATUS_NOT_YET_QUANTIFIED -> {
        v.check(!in.hasMoney(), field + ".money", "must be unset when the amount is not yet quantified");
        return new AmountValue(null, AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED,
            in.getOriginalText().isBlank() ? "NYQ" : in.getOriginalText());
      }
      case AMOUNT_STATUS_CONFIRMED, AMOUNT_STATUS_INDICATIVE, AMOUNT_STATUS_UNSPECIFIED -> {
        if (!v.check(in.hasMoney(), field + ".money", "is required unless the status is NOT_YET_QUANTIFIED")) {
          return null;
        }
        Long pence = Moneys.pence(in.getMoney(), field + ".money", v);
        AmountStatus status = in.getStatus() == AmountStatus.AMOUNT_STATUS_UNSPECIFIED
            ? AmountStatus.AMOUNT_STATUS_CONFIRMED : in.getStatus();
        return pence == null ? null : new AmountValue(pence, status,
            in.getOriginalText().isBlank() ? Moneys.format(pence) : in.getOriginalText());
      }
      default -> {
        v.add(field + ".status", "is not a known amount status");
        return null;
      }
    }
  }
}
