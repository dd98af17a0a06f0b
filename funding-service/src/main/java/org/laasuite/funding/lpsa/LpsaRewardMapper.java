package org.laasuite.funding.lpsa;

import com.google.type.Decimal;
import java.math.BigDecimal;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.Protos;
import org.laasuite.common.LpsaRewardRule;
import org.laasuite.common.grpc.Violations;
import org.laasuite.funding.v1.CalculateLpsaRewardRequest;
import org.laasuite.funding.v1.LpsaReward;

/** LPSA reward claims from their request and results to their proto. */
public final class LpsaRewardMapper {

  private LpsaRewardMapper() {
  }

  /** The claim a request makes, or null (with violations) when it is incomplete or has no stretch. */
  public static LpsaRewardRule.Claim fromProto(CalculateLpsaRewardRequest r, Violations v) {
    Long grant = v.check(r.hasRewardGrant(), "reward_grant", "is required")
        ? Moneys.pence(r.getRewardGrant(), "reward_grant", v) : null;
    BigDecimal expected = required(r.hasExpectedWithoutStretch(), r.getExpectedWithoutStretch(),
        "expected_without_stretch", v);
    BigDecimal stretch = required(r.hasStretchTarget(), r.getStretchTarget(), "stretch_target", v);
    BigDecimal outturn = required(r.hasOutturn(), r.getOutturn(), "outturn", v);
    BigDecimal threshold = r.hasThreshold() ? threshold(r.getThreshold(), "threshold", v)
        : LpsaRewardRule.DEFAULT_THRESHOLD;
    checkStretch(expected, stretch, "stretch_target", v);
    return v.isEmpty() ? new LpsaRewardRule.Claim(grant, expected, stretch, outturn, threshold) : null;
  }

  /** A threshold a client set: a share of the stretch, 0 to 1; null (with a violation) when it is not. */
  static BigDecimal threshold(Decimal d, String field, Violations v) {
    BigDecimal threshold = Protos.decimal(d, field, v).orElse(null);
    if (threshold != null && !v.check(threshold.signum() >= 0 && threshold.compareTo(BigDecimal.ONE) <= 0, field,
        "must be between 0 and 1")) {
      return null;
    }
    return threshold;
  }

  /** A stretch target equal to the performance expected without it is no stretch: a violation of {@code field}. */
  static void checkStretch(BigDecimal expected, BigDecimal stretch, String field, Violations v) {
    if (expected != null && stretch != null) {
      v.check(expected.compareTo(stretch) != 0, field,
          "equals the performance expected without the stretch: there is no stretch");
    }
  }

  public static LpsaReward toProto(LpsaRewardRule.Result result) {
    return LpsaRewardRule.toProto(result);
  }

  private static BigDecimal required(boolean present, Decimal d, String field, Violations v) {
    return v.check(present && !d.getValue().isBlank(), field, "is required")
        ? Protos.decimal(d, field, v).orElse(null) : null;
  }
}
