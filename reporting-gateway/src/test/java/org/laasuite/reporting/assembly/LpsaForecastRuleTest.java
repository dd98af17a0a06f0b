package org.laasuite.reporting.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.type.Decimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.funding.v1.LpsaTarget;
import org.laasuite.indicators.v1.ComputedJudgement;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.JudgementBasis;
import org.laasuite.indicators.v1.Period;
import org.laasuite.reporting.v1.LpsaRewardForecast;
import org.laasuite.reporting.v1.LpsaTargetForecast;

/** The forecast of stretch targets from their indicators' latest outturns (docs/lpsa-reward.md, "Forecast"). */
class LpsaForecastRuleTest {

  private static Decimal d(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  /** A target of indicator {@code code}: expected 30 without the stretch, stretch 38, a £200,000 grant. */
  private static LpsaTarget.Builder target(String id, String code) {
    return LpsaTarget.newBuilder().setName("lpsaTargets/" + id).setId(id).setIndicator("indicators/" + code)
        .setLpsaTarget("LPSA Target 1").setRewardGrant(Moneys.gbp(200_000_00L))
        .setExpectedWithoutStretch(d("30")).setStretchTarget(d("38"));
  }

  /** An indicator whose latest outturn is {@code outturn} (null: none yet), for 2006-07. */
  private static IndicatorReport report(String code, String outturn) {
    var judged = ComputedJudgement.newBuilder();
    if (outturn == null) {
      judged.setBasis(JudgementBasis.JUDGEMENT_BASIS_WITHOUT_OUTTURN);
    } else {
      judged.setBasis(JudgementBasis.JUDGEMENT_BASIS_AGAINST_TARGET).setPeriod("periods/fy-2006-07")
          .setOutturn(d(outturn));
    }
    return IndicatorReport.newBuilder().setIndicator(Indicator.newBuilder().setName("indicators/" + code)
        .setId(code).setTitle("Indicator " + code)).setComputedJudgement(judged)
        .addPeriods(Period.newBuilder().setName("periods/fy-2006-07").setLabel("2006-7")).build();
  }

  @Test
  void noTargetsForecastNothingPayable() {
    LpsaRewardForecast f = LpsaForecasts.of(List.of(), List.of(report("CYP-1", "5")));
    assertEquals(0, f.getTargetsCount());
    assertEquals(0, f.getComputable());
    assertEquals(Moneys.gbp(0), f.getTotalPayable());
  }

  @Test
  void aSingleTargetIsFedItsIndicatorsLatestOutturn() {
    // 36 of a stretch from 30 to 38: 6 of 8 = 75%, at or above 60%: 75% of £200,000
    LpsaRewardForecast f = LpsaForecasts.of(List.of(target("t1", "CYP-1").build()), List.of(report("CYP-1", "36"),
        report("CYP-2", "99")));
    LpsaTargetForecast t = f.getTargets(0);
    assertTrue(t.getComputable());
    assertEquals("36", t.getOutturn().getValue());
    assertEquals("2006-7", t.getOutturnPeriodLabel());
    assertEquals("CYP-1", t.getCode());
    assertEquals(Moneys.gbp(150_000_00L), t.getReward().getPayable());
    assertEquals("0.75", t.getReward().getSharePayable().getValue());
    assertTrue(t.getExplanation().contains("75%"), t.getExplanation());
    assertEquals(t.getReward().getExplanation(), t.getExplanation());
    assertEquals(1, f.getComputable());
    assertEquals(Moneys.gbp(150_000_00L), f.getTotalPayable());
  }

  @Test
  void belowTheThresholdNothingIsPayableButTheTargetIsComputed() {
    // 34: 4 of 8 = 50%, below 60%
    LpsaTargetForecast t = LpsaForecasts.of(List.of(target("t1", "CYP-1").build()), List.of(report("CYP-1", "34")))
        .getTargets(0);
    assertTrue(t.getComputable());
    assertEquals(Moneys.gbp(0), t.getReward().getPayable());
    assertTrue(t.getExplanation().contains("below the 60% threshold"), t.getExplanation());
    // a target's own threshold is the one applied: 50% reaches a 0.5 threshold
    LpsaTargetForecast own = LpsaForecasts.of(List.of(target("t1", "CYP-1").setThreshold(d("0.5")).build()),
        List.of(report("CYP-1", "34"))).getTargets(0);
    assertEquals(Moneys.gbp(100_000_00L), own.getReward().getPayable());
  }

  @Test
  void aTargetWithoutAGrantOrExpectedFigureSaysSoAndIsLeftOutOfTheTotal() {
    LpsaRewardForecast f = LpsaForecasts.of(List.of(target("t1", "CYP-1").build(),
        target("t2", "CYP-2").clearRewardGrant().build(), target("t3", "CYP-3").clearExpectedWithoutStretch().build()),
        List.of(report("CYP-1", "38"), report("CYP-2", "38"), report("CYP-3", "38")));
    assertEquals(List.of(true, false, false), f.getTargetsList().stream().map(LpsaTargetForecast::getComputable)
        .toList());
    assertEquals("Not computable: the reward grant is not recorded in the papers.", f.getTargets(1)
        .getExplanation());
    assertFalse(f.getTargets(1).hasReward());
    assertEquals("38", f.getTargets(1).getOutturn().getValue(), "the outturn is shown all the same");
    assertEquals("Not computable: the performance expected without the stretch is not recorded in the papers.",
        f.getTargets(2).getExplanation());
    assertEquals(1, f.getComputable());
    assertEquals(Moneys.gbp(200_000_00L), f.getTotalPayable());
  }

  @Test
  void aTargetWithoutAnOutturnOrAKnownIndicatorSaysWhy() {
    LpsaRewardForecast f = LpsaForecasts.of(List.of(target("t1", "CYP-1").build(), target("t2", "CYP-9").build()),
        List.of(report("CYP-1", null)));
    assertEquals("Not computable: there is no outturn yet.", f.getTargets(0).getExplanation());
    assertFalse(f.getTargets(0).hasOutturn());
    assertEquals("Not computable: indicators/CYP-9 is not in the indicator catalogue.",
        f.getTargets(1).getExplanation());
    LpsaRewardForecast unread = LpsaForecasts.of(List.of(target("t1", "CYP-1").clearRewardGrant().build()), null);
    assertEquals("Not computable: the reward grant is not recorded in the papers; the indicators service did not "
        + "answer, so the latest outturn is not known.", unread.getTargets(0).getExplanation());
    assertEquals(0, unread.getComputable());
  }

  @Test
  void targetsAreInIndicatorThenIdOrder() {
    LpsaRewardForecast f = LpsaForecasts.of(List.of(target("b", "SSC-1").build(), target("z", "CYP-1").build(),
        target("a", "SSC-1").build()), List.of());
    assertEquals(List.of("z", "a", "b"), f.getTargetsList().stream().map(t -> t.getTarget().getId()).toList());
  }
}
