package org.laasuite.funding.summary;

import io.micronaut.core.annotation.Nullable;
import org.laasuite.funding.stream.AllocationRow;
import org.laasuite.funding.stream.FundingStreamRow;

/** A stream's spend against its allocation for the year (none: nothing allocated), in pence. */
public record SpendLineValue(FundingStreamRow stream, @Nullable AllocationRow allocation, long committedPence,
    long spentPence) {

  /** What is allocated and quantified. */
  public long allocatedPence() {
    return allocation == null ? 0 : allocation.quantifiedPence();
  }

  /** Allocated less spent: negative when overspent. */
  public long remainingPence() {
    return allocatedPence() - spentPence;
  }

  public boolean overspent() {
    return spentPence > allocatedPence();
  }

  public boolean allocationUnquantified() {
    return allocation != null && allocation.hasUnquantified();
  }
}
