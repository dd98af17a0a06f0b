package org.laasuite.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Latencies of one scenario in an HdrHistogram (microsecond resolution, up to a minute), read in milliseconds. */
final class Latency {

  private final Histogram histogram = new Histogram(60_000_000L, 3);

  /** Records {@code nanos}, clamped to the histogram's range (a minute) rather than lost. */
  synchronized void record(long nanos) {
    histogram.recordValue(Math.max(1, Math.min(nanos / 1_000, histogram.getHighestTrackableValue())));
  }

  synchronized long count() {
    return histogram.getTotalCount();
  }

  /** The {@code percentile} (0-100) in milliseconds. */
  synchronized double ms(double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1_000.0;
  }

  double p50() {
    return ms(50);
  }

  double p99() {
    return ms(99);
  }

  /** "p50 1.23 ms, p99 4.56 ms". */
  String summary() {
    return "p50 " + Table.ms(p50()) + ", p99 " + Table.ms(p99());
  }

  /** "p50 1.23 ms, p99 4.56 ms (n=500)". */
  String summaryWithCount() {
    return summary() + " (n=" + count() + ")";
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (n=%d)", summary(), count());
  }
}
