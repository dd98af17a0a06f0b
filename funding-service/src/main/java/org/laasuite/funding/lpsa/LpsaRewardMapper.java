package org.laasuite.funding.lpsa;

import com.google.type.Decimal;
import java.math.BigDecimal;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.Protos;
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
    BigDecimal threshold = r.hasThreshold()
        ? Protos.decimal(r.getThreshold(), "threshold", v).orElse(null) : LpsaRewardRule.DEFAULT_THRESHOLD;
    if (threshold != null) {
      v.check(threshold.signum() >= 0 && threshold.compareTo(BigDecimal.ONE) <= 0, "threshold",
          "must be between 0 and 1");
    }
    if (expected != null && stretch != null) {
      v.check(expected.compareTo(stretch) != 0, "stretch_target",
          "equals the performance expected without the stretch: there is no stretch");
    }
    return v.isEmpty() ? new LpsaRewardRule.Claim(grant, expected, stretch, outturn, threshold) : null;
  }

  public static LpsaReward toProto(LpsaRewardRule.Result result) {
    return LpsaReward.newBuilder().setStretchAchieved(Protos.decimal(result.stretchAchieved()))
        .setSharePayable(Protos.decimal(result.sharePayable())).setPayable(Moneys.gbp(result.payablePence()))
        .setExplanation(result.explanation()).build();
  }

  private static BigDecimal required(boolean present, Decimal d, String field, Violations v) {
    return v.check(present && !d.getValue().isBlank(), field, "is required")
        ? Protos.decimal(d, field, v).orElse(null) : null;
  }
}
