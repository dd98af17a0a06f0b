package org.laasuite.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LpsaRewardRuleTest {

  private static final BigDecimal T = LpsaRewardRule.DEFAULT_THRESHOLD;

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void theWholeStretchEarnsTheWholeGrant() {
    var r = LpsaRewardRule.calculate(100_000_00L, d("30"), d("38"), d("38"), T);
    assertEquals(0, BigDecimal.ONE.compareTo(r.sharePayable()));
    assertEquals(100_000_00L, r.payablePence());
  }

  @Test
  void abovetheThresholdTheGrantIsPaidProRata() {
    // 30 expected, 38 stretch, 36 achieved: 6 of 8 = 75%
    var r = LpsaRewardRule.calculate(100_000_00L, d("30"), d("38"), d("36"), T);
    assertEquals(0, d("0.75").compareTo(r.sharePayable()));
    assertEquals(75_000_00L, r.payablePence());
    assertTrue(r.explanation().contains("75%"), r.explanation());
  }

  @Test
  void belowTheThresholdNothingIsPaid() {
    // 4 of 8 = 50% < 60%
    var r = LpsaRewardRule.calculate(100_000_00L, d("30"), d("38"), d("34"), T);
    assertEquals(0, BigDecimal.ZERO.compareTo(r.sharePayable()));
    assertEquals(0, r.payablePence());
    assertEquals(0, d("0.5").compareTo(r.stretchAchieved()));
  }

  @Test
  void lowerIsBetterStretchesWorkTheSameWay() {
    // expected 20 without stretch, stretch 12, achieved 14: 6 of 8 = 75%
    var r = LpsaRewardRule.calculate(40_000_00L, d("20"), d("12"), d("14"), T);
    assertEquals(30_000_00L, r.payablePence());
  }

  @Test
  void beatingTheStretchPaysNoMoreThanTheGrantAndGoingBackwardsPaysNothing() {
    assertEquals(40_000_00L, LpsaRewardRule.calculate(40_000_00L, d("20"), d("12"), d("5"), T).payablePence());
    assertEquals(0, LpsaRewardRule.calculate(40_000_00L, d("20"), d("12"), d("25"), T).payablePence());
  }

  @Test
  void aFractionOfAPennyIsNeverPaid() {
    // 1/3 of the stretch above a 0 threshold: 33.333...p of 100p -> 33p
    var r = LpsaRewardRule.calculate(100L, d("0"), d("3"), d("1"), BigDecimal.ZERO);
    assertEquals(33L, r.payablePence());
  }
}
