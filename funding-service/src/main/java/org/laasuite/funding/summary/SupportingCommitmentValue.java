package org.laasuite.funding.summary;

import io.micronaut.core.annotation.Nullable;
import org.laasuite.funding.AmountValue;
import org.laasuite.funding.commitment.CommitmentService;

/**
 * A commitment supporting an indicator, with its amount in the year asked about (none: not asked, or none) and what
 * has been spent of it (in that year, or in every year when none was asked), in pence.
 */
public record SupportingCommitmentValue(CommitmentService.Full commitment, @Nullable AmountValue amount,
    long spentPence) {
}
