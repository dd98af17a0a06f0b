package org.laasuite.funding.commitment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.laasuite.funding.AmountValue;
import org.laasuite.funding.v1.AmountStatus;

@MappedEntity("commitment_amount")
public record CommitmentAmountRow(
    @Id @GeneratedValue @Nullable Long id,
    long commitmentId,
    String financialYear,
    @Nullable Long pence,
    AmountStatus status,
    String originalText) {

  public AmountValue amount() {
    return new AmountValue(pence, status, originalText);
  }
}
