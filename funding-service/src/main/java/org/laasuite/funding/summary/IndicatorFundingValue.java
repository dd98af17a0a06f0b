package org.laasuite.funding.summary;

import java.util.List;

/** The commitments supporting an indicator, by code. */
public record IndicatorFundingValue(String indicator, List<SupportingCommitmentValue> commitments) {
}
