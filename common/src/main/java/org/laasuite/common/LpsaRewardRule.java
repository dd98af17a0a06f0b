package org.laasuite.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.common.grpc.Protos;
import org.laasuite.funding.v1.LpsaReward;

/**
 * The share of an LPSA reward grant payable for a stretch target (docs/lpsa-reward.md). The stretch
 * is the distance from the performance expected without it to the stretch target; the share of the
 * stretch achieved is how far along that distance the outturn got (capped at 1). Below the
 * threshold (default 60% of the stretch) nothing is paid; from there the grant is paid pro rata to
 * the share achieved. Works whichever direction is better: a stretch below the expected figure is a
 * lower-is-better target.
 */
public final class LpsaRewardRule {

  public static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("0.6");
  private static final MathContext MC = MathContext.DECIMAL64;

  private LpsaRewardRule() {
  }

  public record Result(BigDecimal stretchAchieved, BigDecimal sharePayable, long payablePence, String explanation) {
  }

  /** What a partnership claims for one stretch target: the grant, the three figures and the threshold. */
  public record Claim(long grantPence, BigDecimal expected, BigDecimal stretch, BigDecimal outturn,
      BigDecimal threshold) {
  }

  /** The result as the funding service's CalculateLpsaReward and the gateway's forecast answer it. */
  public static LpsaReward toProto(Result result) {
    return LpsaReward.newBuilder().setStretchAchieved(Protos.decimal(result.stretchAchieved()))
        .setSharePayable(Protos.decimal(result.sharePayable())).setPayable(Moneys.gbp(result.payablePence()))
        .setExplanation(result.explanation()).build();
  }

  public static Result calculate(Claim c) {
    return calculate(c.grantPence(), c.expected(), c.stretch(), c.outturn(), c.threshold());
  }

  public static Result calculate(long grantPence, BigDecimal expected, BigDecimal stretch, BigDecimal outturn,
      BigDecimal threshold) {
    BigDecimal distance = stretch.subtract(expected);
    BigDecimal achieved = outturn.subtract(expected).divide(distance, MC);
    BigDecimal share = achieved.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    boolean paid = share.compareTo(threshold) >= 0;
    BigDecimal payableShare = paid ? share : BigDecimal.ZERO;
    long pence = new BigDecimal(grantPence).multiply(payableShare, MC).setScale(0, RoundingMode.DOWN).longValueExact();
    String pct = share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
    String explanation = "The outturn " + outturn.stripTrailingZeros().toPlainString() + " achieves " + pct
        + "% of the stretch from " + expected.stripTrailingZeros().toPlainString() + " (expected without it) to "
        + stretch.stripTrailingZeros().toPlainString() + "; " + (paid
            ? "at or above the " + threshold.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString()
                + "% threshold, so " + pct + "% of the grant is payable."
            : "below the " + threshold.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString()
                + "% threshold, so no reward is payable.");
    return new Result(share.stripTrailingZeros(), payableShare.stripTrailingZeros(), pence, explanation);
  }
}
