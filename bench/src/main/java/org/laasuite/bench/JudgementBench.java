package org.laasuite.bench;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.laasuite.indicators.figure.FigureValue;
import org.laasuite.indicators.judgement.Judgement;
import org.laasuite.indicators.judgement.JudgementRule;
import org.laasuite.indicators.judgement.Observation;
import org.laasuite.indicators.judgement.TargetPoint;
import org.laasuite.indicators.judgement.TrendValue;
import org.laasuite.indicators.judgement.Trends;
import org.laasuite.indicators.period.PeriodRow;
import org.laasuite.indicators.v1.PeriodType;
import org.laasuite.indicators.v1.Polarity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The judgement rule and the direction of travel over a series as long as a demo indicator's and as a scaled one's
 * (bin/laa bench --jmh): the rule runs per indicator per report, so its cost must not grow faster than the series.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JudgementBench {

  @Param({"10", "10000"})
  public int figures;

  private final JudgementRule.Settings settings =
      new JudgementRule.Settings(Polarity.POLARITY_HIGHER_IS_BETTER, false, false, null);
  private List<Observation> series;
  private List<TargetPoint> targets;

  @Setup
  public void setUp() {
    series = new ArrayList<>();
    targets = new ArrayList<>();
    YearMonth last = YearMonth.of(2008, 3);
    for (int i = 0; i < figures; i++) {
      YearMonth m = last.minusMonths(figures - 1L - i);
      PeriodRow period = new PeriodRow((long) i, "bench-" + m, PeriodType.PERIOD_TYPE_MONTH, m.atDay(1),
          m.atEndOfMonth(), "Bench " + m);
      series.add(new Observation(period, null, null, BigDecimal.valueOf(i * 7919L % 1000, 1)));
      targets.add(new TargetPoint(period, FigureValue.of(BigDecimal.valueOf(500, 1))));
    }
  }

  @Benchmark
  public Judgement judge() {
    return JudgementRule.judge(settings, series, targets);
  }

  @Benchmark
  public TrendValue trend() {
    return Trends.trend(Polarity.POLARITY_HIGHER_IS_BETTER, series);
  }
}
