package org.laasuite.funding.stream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.laasuite.funding.AmountValue;
import org.laasuite.funding.v1.AmountStatus;

/** A stream's money for one financial year; capital and revenue each an amount or none. */
@MappedEntity("allocation")
public record AllocationRow(
    @Id @GeneratedValue @Nullable Long id,
    long streamId,
    String financialYear,
    @Nullable Long capitalPence,
    @Nullable AmountStatus capitalStatus,
    String capitalText,
    @Nullable Long revenuePence,
    @Nullable AmountStatus revenueStatus,
    String revenueText,
    String note,
    @DateCreated(truncatedTo = ChronoUnit.MICROS) @Nullable Instant createTime) {

  public static AllocationRow of(long streamId, String year, @Nullable AmountValue capital, @Nullable AmountValue revenue,
      String note) {
    return new AllocationRow(null, streamId, year,
        capital == null ? null : capital.pence(), capital == null ? null : capital.status(),
        capital == null ? "" : capital.text(),
        revenue == null ? null : revenue.pence(), revenue == null ? null : revenue.status(),
        revenue == null ? "" : revenue.text(), note, null);
  }

  public @Nullable AmountValue capital() {
    return capitalStatus == null ? null : new AmountValue(capitalPence, capitalStatus, capitalText);
  }

  public @Nullable AmountValue revenue() {
    return revenueStatus == null ? null : new AmountValue(revenuePence, revenueStatus, revenueText);
  }

  /** Capital and revenue that are quantified, in pence. */
  public long quantifiedPence() {
    return (capitalPence == null ? 0 : capitalPence) + (revenuePence == null ? 0 : revenuePence);
  }

  public boolean hasUnquantified() {
    return capitalStatus == AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED || revenueStatus == AmountStatus.AMOUNT_STATUS_NOT_YET_QUANTIFIED;
  }
}
