package org.laasuite.funding.summary;

import java.util.List;

/** Spend against allocation for a year, stream by stream, with the totals of the lines. */
public record SpendReportValue(String financialYear, List<SpendLineValue> lines) {

  public long allocatedPence() {
    return lines.stream().mapToLong(SpendLineValue::allocatedPence).sum();
  }

  public long spentPence() {
    return lines.stream().mapToLong(SpendLineValue::spentPence).sum();
  }
}
