package org.laasuite.funding.summary;

import org.laasuite.funding.stream.AllocationRow;
import org.laasuite.funding.stream.FundingStreamRow;

/** A line of Annex 3: a stream and its allocation for the year. */
public record FundingLineValue(FundingStreamRow stream, AllocationRow allocation) {
}
